/// A place in the input: 1-based line and column (in characters), and the length of the span.
public struct SourceSpan: Sendable, Hashable {
    /// 1-based line within the script (or typed input).
    public var line: Int
    /// 1-based column of the first character.
    public var column: Int
    /// Number of characters covered (at least 1 for the caret).
    public var length: Int

    /// A span.
    public init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }
}

/// An error in the user's input, with where it is and how to fix it.
///
/// Every error the shell prints is one of these: the lexer, parser, binder and interpreter
/// all throw it, and `ErrorReport` renders the line with a caret under `span`.
public struct InputError: Error, Sendable, Equatable {
    /// What is wrong, in one line.
    public var message: String
    /// Where (nil when the error concerns the whole command, e.g. "load a dataset first").
    public var span: SourceSpan?
    /// How to fix it: the closest command or key, the expected kind, the allowed range.
    public var hint: String?
    /// The error was printed already (a nested replay's): it fails the command without a second message.
    public var isReported = false

    /// An error at `span`.
    public init(_ message: String, at span: SourceSpan?, hint: String? = nil) {
        self.message = message
        self.span = span
        self.hint = hint
    }
}
