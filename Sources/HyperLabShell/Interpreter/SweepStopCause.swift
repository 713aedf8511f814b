/// What stopped a sweep before every trial ran, as its summary says it.
public enum SweepStopCause: Sendable, Equatable {
    /// Ctrl-C (or, for a stored study, a process that ended before the study did).
    case interruption
    /// The store could not be written (a full disk, a server that stopped): the store's message.
    case storeFailure(String)
    /// The database the workers share stayed out of reach longer than the shell waits: the reason.
    case lostDatabase(String)

    /// The summary's line about the stop: "stopped by Ctrl-C: the finished trials are kept",
    /// "stopped: the store could not be written: …", "stopped: lost the database: …".
    var summaryLine: String {
        switch self {
        case .interruption: "stopped by Ctrl-C: the finished trials are kept"
        case .storeFailure(let reason): "stopped: the store could not be written: \(reason)"
        case .lostDatabase(let reason): "stopped: lost the database: \(reason)"
        }
    }
}
