import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the output device can do: decided from the terminal and the environment (a terminal's
/// width is read again at each use, so output follows a resized window).
public struct ConsoleTraits: Sendable, Equatable {
    /// Standard output is a terminal: progress lines are redrawn in place.
    public var isTerminal: Bool
    /// ANSI colour is allowed (a terminal, and NO_COLOR unset).
    public var color: Bool
    /// Columns available (80 when unknown).
    public var width: Int
    /// Braille and box-drawing characters are allowed (UTF-8 locale, HYPERLAB_ASCII unset).
    public var unicode: Bool
    /// Progress lines show the time taken and the time left (off in a Jupyter kernel, whose last
    /// progress display stays in the notebook: its outputs are the same run to run).
    public var progressTimes = true

    /// Traits of plain captured output: no terminal, no colour, 80 columns, Unicode.
    public static let plain = ConsoleTraits(isTerminal: false, color: false, width: 80, unicode: true)

    /// Creates traits.
    public init(isTerminal: Bool, color: Bool, width: Int, unicode: Bool) {
        self.isTerminal = isTerminal
        self.color = color
        self.width = width
        self.unicode = unicode
    }

    /// Traits of this process's standard output, read from the terminal and the environment
    /// (NO_COLOR, HYPERLAB_ASCII, COLUMNS, LC_ALL / LC_CTYPE / LANG).
    public static func detect(environment: [String: String]) -> ConsoleTraits {
        let tty = isatty(1) == 1
        var width = 80
        if tty, let columns = terminalWidth() {
            width = columns
        } else if let cols = environment["COLUMNS"].flatMap(Int.init), cols > 20 {
            width = cols
        }
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        let utf8 = locale.isEmpty || locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
        let ascii = environment["HYPERLAB_ASCII"].map { !$0.isEmpty && $0 != "0" } ?? false
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ConsoleTraits(isTerminal: tty, color: tty && !noColor && environment["TERM"] != "dumb",
                             width: width, unicode: utf8 && !ascii)
    }

    /// The columns of the terminal on standard output now; nil when it is not a terminal.
    public static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Text styles the renderer may ask for; they become ANSI codes only when colour is allowed.
public enum Style: Sendable {
    case bold, dim, red, green, yellow, blue, magenta, cyan

    var ansi: String {
        switch self {
        case .bold: "\u{1B}[1m"
        case .dim: "\u{1B}[2m"
        case .red: "\u{1B}[31m"
        case .green: "\u{1B}[32m"
        case .yellow: "\u{1B}[33m"
        case .blue: "\u{1B}[34m"
        case .magenta: "\u{1B}[35m"
        case .cyan: "\u{1B}[36m"
        }
    }
}

/// The one way HyperLab writes text: tests capture it byte for byte, the executable sends it
/// to the terminal. Safe to use from several threads (sweep workers report progress).
public final class Console: Sendable {
    /// What the device can do; on a terminal, with its width now.
    public var traits: ConsoleTraits {
        guard let width = liveWidth?() else { return fixedTraits }
        var traits = fixedTraits
        traits.width = width
        return traits
    }
    private let fixedTraits: ConsoleTraits
    private let liveWidth: (@Sendable () -> Int?)?
    private let out: @Sendable (String) -> Void
    private let err: @Sendable (String) -> Void
    private let statusShown = Mutex(false)
    /// Where status lines go instead of the terminal (a Jupyter kernel's progress display).
    private let statusSink: (@Sendable (StatusUpdate) -> Void)?
    /// Where plots go as drawings (a Jupyter kernel's images); nil: plots are text only.
    private let figureSink: (@Sendable (_ svg: String, _ text: String) -> Void)?
    private let tableSink: (@Sendable (_ html: String, _ text: String) -> Void)?
    /// The text of the plot or table being drawn, collected instead of written (with a sink).
    private let figureText = Mutex<String?>(nil)
    /// The observer of `observing`, boxed: a bare closure stored in a `Mutex` is re-wrapped
    /// in a conversion thunk each time `withLock` reads it back (the generic storage and the
    /// closure's own type differ), so every line written grew a chain of thunks whose release,
    /// after a 60,000-trial sweep, overflowed the stack.
    private let tap = Mutex<Observer?>(nil)

    /// An observer of what the console writes.
    private struct Observer: Sendable {
        let observe: @Sendable (String) -> Void
    }

    /// A change of the status line, for a status sink.
    public enum StatusUpdate: Sendable, Equatable {
        /// The status line now reads this (already fitted to the width).
        case show(String)
        /// The status line is done with (output follows, or the work ended).
        case clear
    }

    /// A console writing normal output to `out` and errors to `err`; `liveWidth`, when given,
    /// is asked for the width at each use (nil from it keeps `traits.width`).
    /// - Parameters:
    ///   - status: when given, status lines go there rather than to `out` (for traits that say
    ///     `isTerminal`: progress is redrawn in place by whoever shows it).
    ///   - figure: when given, each plot goes there as its SVG drawing and its text, and the text
    ///     is not written to `out` (observers still get it).
    ///   - table: when given, each table goes there as HTML and its text, likewise.
    public init(traits: ConsoleTraits, out: @escaping @Sendable (String) -> Void,
                err: (@Sendable (String) -> Void)? = nil, liveWidth: (@Sendable () -> Int?)? = nil,
                status: (@Sendable (StatusUpdate) -> Void)? = nil,
                figure: (@Sendable (_ svg: String, _ text: String) -> Void)? = nil,
                table: (@Sendable (_ html: String, _ text: String) -> Void)? = nil) {
        self.fixedTraits = traits
        self.liveWidth = liveWidth
        self.out = out
        self.err = err ?? out
        self.statusSink = status
        self.figureSink = figure
        self.tableSink = table
    }

    /// A console on this process's standard output and standard error.
    public static func standard(environment: [String: String]) -> Console {
        let traits = ConsoleTraits.detect(environment: environment)
        var liveWidth: (@Sendable () -> Int?)?
        if traits.isTerminal { liveWidth = { ConsoleTraits.terminalWidth() } }
        return Console(traits: traits,
                       out: { writeAll(1, $0) },
                       err: { writeAll(2, $0) },
                       liveWidth: liveWidth)
    }

    /// Writes `text` as is; an observer gets `plain` instead when given (the same text without
    /// what only a person at the terminal should see, such as wall times).
    public func write(_ text: String, plain: String? = nil) {
        clearStatus()
        let collected = figureText.withLock { drawing -> Bool in
            guard drawing != nil else { return false }
            drawing? += text
            return true
        }
        if !collected { out(text) }
        tap.withLock { $0 }?.observe((plain ?? text).strippingANSI)
    }

    /// Runs `body` with everything written (output and errors, not status lines) also handed to
    /// `observer`, as a plain script would print it (no colour codes, the `plain` variants):
    /// how the notebook collects each command's output.
    public func observing<T, E: Error>(_ observer: @escaping @Sendable (String) -> Void,
                                       _ body: () throws(E) -> T) throws(E) -> T {
        let previous = tap.withLock { current in
            let old = current
            current = Observer(observe: observer)
            return old
        }
        defer { tap.withLock { $0 = previous } }
        return try body()
    }

    /// Writes `text` and a newline; an observer gets `plain` instead when given.
    public func line(_ text: String = "", plain: String? = nil) { write(text + "\n", plain: plain.map { $0 + "\n" }) }

    /// Writes an error message (standard error on a real terminal; the same stream when captured).
    public func error(_ text: String) {
        clearStatus()
        let line = text.hasSuffix("\n") ? text : text + "\n"
        err(line)
        tap.withLock { $0 }?.observe(line.strippingANSI)
    }

    /// `text` wrapped in the style's ANSI codes when colour is allowed; `text` unchanged otherwise.
    public func paint(_ text: String, _ style: Style) -> String {
        traits.color ? style.ansi + text + "\u{1B}[0m" : text
    }

    /// Shows a transient status line (progress), redrawn in place; only on a terminal.
    public func status(_ text: String) {
        guard traits.isTerminal else { return }
        // Cut by visible columns: colour codes take none (a cut by characters lost the line's tail).
        let clipped = text.fitted(toWidth: max(traits.width - 1, 10), ellipsis: Glyphs(unicode: traits.unicode).ellipsis)
        statusShown.withLock { shown in
            if let statusSink { statusSink(.show(clipped)) } else { out("\r\u{1B}[2K" + clipped) }
            shown = true
        }
    }

    /// Runs `draw`, which prints a plot; with a figure sink, the plot goes there as `svg` and
    /// the text `draw` wrote (its alternative), instead of to the output.
    public func figure(svg: @autoclosure () -> String, _ draw: () -> Void) {
        guard let figureSink else { return draw() }
        let text = collecting(draw)
        figureSink(svg(), text)
    }

    /// Runs `draw`, which prints a table; with a table sink, the table goes there as `html` and
    /// the text `draw` wrote (its alternative), instead of to the output.
    public func table(html: @autoclosure () -> String, _ draw: () -> Void) {
        guard let tableSink else { return draw() }
        let text = collecting(draw)
        tableSink(html(), text)
    }

    /// What `draw` writes, collected instead of written (observers still get it).
    private func collecting(_ draw: () -> Void) -> String {
        clearStatus()
        figureText.withLock { $0 = "" }
        draw()
        return figureText.withLock { drawing in
            defer { drawing = nil }
            return drawing ?? ""
        }
    }

    /// Removes the status line, if one is shown.
    public func clearStatus() {
        guard traits.isTerminal else { return }
        statusShown.withLock { shown in
            if shown {
                if let statusSink { statusSink(.clear) } else { out("\r\u{1B}[2K") }
                shown = false
            }
        }
    }
}

/// Captured console output, for tests and notebooks.
public final class CapturedOutput: Sendable {
    private let buffer = Mutex("")

    /// An empty capture.
    public init() {}

    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }

    /// Appends text.
    public func append(_ text: String) { buffer.withLock { $0 += text } }

    /// A console writing into this capture with `traits`.
    public func console(traits: ConsoleTraits = .plain) -> Console {
        Console(traits: traits, out: { [self] in append($0) })
    }
}

/// Writes every byte of `text` to file descriptor `fd` (unbuffered, so output and errors keep their order).
func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return Glibc.write(fd, base + offset, raw.count - offset)
        }
        if n <= 0 {
            if n < 0, errno == EINTR { continue }
            return
        }
        offset += n
    }
}

extension Console {
    /// Writes each of `lines` followed by a newline (a rendered table or plot); an observer gets
    /// `plain` instead when given.
    public func lines(_ lines: [String], plain: [String]? = nil) {
        write(lines.map { $0 + "\n" }.joined(), plain: plain.map { $0.map { $0 + "\n" }.joined() })
    }
}
