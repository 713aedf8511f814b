/// The objective command a stored study runs for each trial (`objective command "..."`):
/// everything needed to run its remaining trials again, and nothing from the environment.
///
/// ```swift
/// let ref = ExternalObjectiveReference(command: "python train.py --lr {lr}", metric: "dev_acc",
///                                      timeout: 600, directory: "/home/me/project")
/// ```
public struct ExternalObjectiveReference: Sendable, Hashable, Codable {
    /// The command text with its `{key}` placeholders, as the user wrote it.
    public var command: String
    /// The metric the command reports on its `hyperlab:` lines.
    public var metric: String
    /// Seconds a trial may run.
    public var timeout: Int
    /// The absolute folder the command runs in.
    public var directory: String

    /// A reference with every field given.
    public init(command: String, metric: String, timeout: Int, directory: String) {
        self.command = command
        self.metric = metric
        self.timeout = timeout
        self.directory = directory
    }
}
