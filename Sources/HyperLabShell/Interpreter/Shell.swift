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
