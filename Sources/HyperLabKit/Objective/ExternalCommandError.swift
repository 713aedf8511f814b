/// Why an external-command objective cannot be set up: a bad metric name, timeout or
/// grace period, or a working directory that is not there.
public struct ExternalCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to particular failures (and for tests).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The metric is not a name a command can report (`dev_acc`, `val-loss`).
        case invalidMetric
        /// The timeout is zero or negative.
        case invalidTimeout
        /// The grace period before SIGKILL is negative.
        case invalidGracePeriod
        /// The working directory does not exist or is not a folder.
        case missingWorkingDirectory
    }

    /// What went wrong.
    public let kind: Kind
    /// One line saying what went wrong.
    public let message: String
    /// How to fix it.
    public let hint: String?

    /// An error with its message and hint.
    public init(_ kind: Kind, _ message: String, hint: String?) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// `message (hint)`.
    public var description: String {
        guard let hint else { return message }
        return message + " (" + hint + ")"
    }
}
