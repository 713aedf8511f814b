/// What a command reports: an ordered list of blocks that `Console.render` prints. Handlers
/// build one instead of writing to the console, so what they found can be tested as data.
public struct CommandOutput {
    /// One piece of a command's output, printed in order.
    public enum Block {
        /// Text written as is (no newline added); an observer gets `plain` instead when given.
        case text(String, plain: String?)
        /// One line; an observer gets `plain` instead when given.
        case line(String, plain: String?)
        /// Lines already laid out (a rendered table or note block).
        case lines([String])
        /// A table, laid out for the console's width when printed.
        case table(TextTable)
        /// A table built for the console's width when printed (columns it cannot fit left out);
        /// the notebook gets the same text, a table sink every column.
        case fittedTable((_ width: Int) -> TextTable)
        /// A warning line: "warning:" (yellow where colour is allowed), a space and `text`.
        case warning(String)
        /// Lines laid out when printed for the console's traits and whether wall times are
        /// shown; the notebook gets them laid out plain, without wall times.
        case presented((ConsoleTraits, _ timings: Bool) -> [String])
        /// A table built when printed for the console's width and whether wall times are shown
        /// (the notebook gets it plain, without wall times; a table sink gets every column).
        case presentedTable((_ width: Int, _ timings: Bool) -> TextTable)
        /// A plot: its text (`body`) and its drawing (`svg`), for a console with a figure sink.
        case figure(svg: String, body: CommandOutput)
    }

    /// The blocks, in the order they are printed.
    public private(set) var blocks: [Block]

    /// An output of `blocks` (none: the command prints nothing).
    public init(_ blocks: [Block] = []) {
        self.blocks = blocks
    }

    /// An output of one line.
    public static func line(_ text: String = "", plain: String? = nil) -> CommandOutput {
        CommandOutput([.line(text, plain: plain)])
    }

    /// Appends a block.
    public mutating func append(_ block: Block) { blocks.append(block) }

    /// Appends the blocks of `other`.
    public mutating func append(_ other: CommandOutput) { blocks += other.blocks }

    /// Appends one line; an observer gets `plain` instead when given.
    public mutating func line(_ text: String = "", plain: String? = nil) { blocks.append(.line(text, plain: plain)) }

    /// Appends text written as is.
    public mutating func text(_ text: String) { blocks.append(.text(text, plain: nil)) }

    /// Appends lines already laid out (nothing when `lines` is empty).
    public mutating func lines(_ lines: [String]) {
        if !lines.isEmpty { blocks.append(.lines(lines)) }
    }

    /// Appends a table, laid out when printed.
    public mutating func table(_ table: TextTable) { blocks.append(.table(table)) }

    /// Appends a table built for the console's width when printed.
    public mutating func fittedTable(_ build: @escaping (_ width: Int) -> TextTable) { blocks.append(.fittedTable(build)) }

    /// Appends a warning line.
    public mutating func warning(_ text: String) { blocks.append(.warning(text)) }

    /// Appends lines laid out when printed, for the traits and whether wall times are shown.
    public mutating func present(_ render: @escaping (ConsoleTraits, _ timings: Bool) -> [String]) {
        blocks.append(.presented(render))
    }

    /// Appends a table built when printed, for the width and whether wall times are shown.
    public mutating func presentTable(_ build: @escaping (_ width: Int, _ timings: Bool) -> TextTable) {
        blocks.append(.presentedTable(build))
    }

    /// Appends a plot: `text` for the console, `svg` for a figure sink.
    public mutating func figure(svg: String, text: CommandOutput) { blocks.append(.figure(svg: svg, body: text)) }

    /// Appends a line that may show wall times (`line(true)`); the notebook gets `line(false)`.
    public mutating func presentLine(_ line: @escaping (_ timings: Bool) -> String) {
        blocks.append(.presented { _, timings in [line(timings)] })
    }

    /// The text of every block as plain captured output prints it (no colour, 80 columns, no
    /// wall times, figures as their text): for tests and summaries.
    public var plainText: String {
        let capture = CapturedOutput()
        capture.console().render(self, timings: false)
        return capture.text
    }
}

/// A command's typed result: what it found, and how that is printed.
public protocol CommandResult {
    /// The result as printed output.
    var output: CommandOutput { get }
}

extension CommandOutput: CommandResult {
    /// The output itself.
    public var output: CommandOutput { self }
}
