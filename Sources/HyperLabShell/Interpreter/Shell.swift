import HyperLabKit

/// How a shell runs: set by the executable (or a test) once.
public struct ShellOptions: Sendable {
    /// Print each command before its output (`--echo`, like `psql -a`).
    public var echo: Bool
    /// A person is typing: `pause` and `replay step=yes` wait for Enter.
    public var interactive: Bool
    /// The folder that holds `sessions/` and relative file names.
    public var workingDirectory: String
    /// Asks the person to press Enter, showing the prompt; returns false on end of input.
    public var waitForEnter: (@Sendable (String) -> Bool)?
    /// Ctrl-C: long commands poll it and stop early, keeping their work.
    public var interruption: Interruption

    /// Options for a non-interactive shell in `workingDirectory`.
    public init(echo: Bool = false, interactive: Bool = false, workingDirectory: String = ".",
                waitForEnter: (@Sendable (String) -> Bool)? = nil, interruption: Interruption = .never) {
        self.echo = echo
        self.interactive = interactive
        self.workingDirectory = workingDirectory
        self.waitForEnter = waitForEnter
        self.interruption = interruption
    }
}

/// What running some input came to.
public enum RunOutcome: Sendable, Equatable {
    /// Every command succeeded.
    case completed
    /// A command failed; its error was printed.
    case failed
    /// `quit` or `exit` was run.
    case quit
}

/// The HyperLab shell: text in, commands run against the workbench, text out through the Console.
///
/// The executable wires a terminal to it; tests drive it directly.
/// ```swift
/// let capture = CapturedOutput()
/// let shell = Shell(console: capture.console(), options: ShellOptions())
/// _ = shell.run("load iris; show data")
/// ```
public final class Shell {
    /// Where output goes.
    public let console: Console
    /// How the shell runs.
    public var options: ShellOptions

    /// The primary prompt.
    public static let prompt = "hyperlab> "
    /// The prompt after a line that ends in `\`.
    public static let continuationPrompt = "      ...> "
    /// Characters that end a word for tab completion; a completion replaces the text typed
    /// after the last of them (so `key=va` completes `va`, `"data/ir` completes `data/ir`).
    public static let wordBreakCharacters = " \t=\"[,(;"

    /// A shell on an empty workbench.
    public init(console: Console, options: ShellOptions) {
        self.console = console
        self.options = options
    }

    /// Runs input text: one or more lines, `;`-separated commands, `\` continuations.
    /// Stops at the first error, which is printed with the line, a caret and a hint.
    /// - Parameters:
    ///   - text: the input.
    ///   - source: the file name for error messages (nil: typed input).
    ///   - firstLine: the line number of the first line of `text` in `source`.
    public func run(_ text: String, source: String? = nil, firstLine: Int = 1) -> RunOutcome {
        .completed
    }

    /// Completion candidates for the word at the end of `linePrefix` (the text left of the cursor).
    /// Each candidate replaces the text after the last of `wordBreakCharacters`.
    public func completions(linePrefix: String) -> [String] {
        []
    }

    /// Whether a typed line continues on the next one (it ends in `\` outside a string or comment).
    public static func continues(_ line: String) -> Bool {
        line.hasSuffix("\\")
    }
}
