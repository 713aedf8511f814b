/// The colour of a run of rendered text: a foreground, a background, bold.
///
/// Renderers decide colours as `Ink` values and turn them into ANSI codes only when
/// `ConsoleTraits.color` is true, so output captured without colour is plain text and the
/// text of a coloured rendering, stripped of its codes, equals the plain rendering.
struct Ink: Sendable, Equatable {
    /// A colour of the xterm 256-colour palette (0–7 are the basic colours), or nil.
    var foreground: UInt8?
    /// A background colour of the xterm 256-colour palette, or nil.
    var background: UInt8?
    /// Bold text.
    var bold = false
    /// Dim text.
    var dim = false

    /// No colour at all.
    static let none = Ink()

    /// The ink of a console style.
    init(_ style: Style) {
        switch style {
        case .bold: bold = true
        case .dim: dim = true
        case .red: foreground = 1
        case .green: foreground = 2
        case .yellow: foreground = 3
        case .blue: foreground = 4
        case .magenta: foreground = 5
        case .cyan: foreground = 6
        }
    }

    /// An ink of the given parts.
    init(foreground: UInt8? = nil, background: UInt8? = nil, bold: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
    }

    /// The ANSI code that starts this ink ("" for no colour).
    var ansiStart: String {
        var parts: [String] = []
        if bold { parts.append("1") }
        if dim { parts.append("2") }
        if let f = foreground { parts.append(f < 8 ? "3\(f)" : "38;5;\(f)") }
        if let b = background { parts.append(b < 8 ? "4\(b)" : "48;5;\(b)") }
        return parts.isEmpty ? "" : "\u{1B}[" + parts.joined(separator: ";") + "m"
    }

    /// `text` in this ink when `enabled`, else `text` unchanged.
    func apply(_ text: String, enabled: Bool) -> String {
        guard enabled, !text.isEmpty else { return text }
        let start = ansiStart
        return start.isEmpty ? text : start + text + "\u{1B}[0m"
    }
}

/// A line being built from pieces that each carry an ink; consecutive pieces of the same ink
/// share one pair of ANSI codes.
struct InkedLine: Sendable {
    private(set) var pieces: [(text: String, ink: Ink)] = []

    /// Appends text in an ink.
    mutating func append(_ text: String, _ ink: Ink = .none) {
        guard !text.isEmpty else { return }
        if let last = pieces.last, last.ink == ink {
            pieces[pieces.count - 1].text += text
        } else {
            pieces.append((text, ink))
        }
    }

    /// The columns the line takes.
    var width: Int { pieces.reduce(0) { $0 + $1.text.displayWidth } }

    /// The line as text, with ANSI codes when `color` is true; trailing spaces without a
    /// background colour are dropped.
    func rendered(color: Bool) -> String {
        var parts = pieces
        while let last = parts.last, last.ink.background == nil || !color {
            let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty {
                parts.removeLast()
            } else {
                parts[parts.count - 1].text = trimmed
                break
            }
        }
        return parts.map { $0.ink.apply($0.text, enabled: color) }.joined()
    }
}
