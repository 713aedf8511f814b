/// Why the kernel cannot start or go on: a message for the person who started it and a hint.
/// `hyperlab kernel` prints it and exits with status 2.
public struct KernelError: Error, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// An error with its hint.
    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}
