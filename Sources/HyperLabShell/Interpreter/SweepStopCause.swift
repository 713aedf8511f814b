/// What stopped a sweep before every trial ran, as its summary says it.
public enum SweepStopCause: Sendable, Equatable {
    /// Ctrl-C.
    case interruption
    /// A stored study opened unfinished: whatever stopped it (Ctrl-C, a process that ended, a
    /// store that failed) is not known here.
    case unfinished
    /// The store could not be written (a full disk, a server that stopped): the store's message.
    case storeFailure(String)
    /// The database the workers share stayed out of reach longer than the shell waits: the reason.
    case lostDatabase(String)
    /// The shell stopped waiting for a queued study (Ctrl-C) while workers still had `running`
    /// trials under way and `queued` not started: they go on without the shell.
    case stoppedWaiting(study: String, running: Int, queued: Int)

    /// The summary's line about the stop: "stopped by Ctrl-C: the finished trials are kept",
    /// "stopped: the store could not be written: …", "stopped: lost the database: …", or what
    /// workers go on with when the shell stopped waiting for them.
    /// `interrupted` says how an interruption stopped it (`ShellOptions.interruptedPhrase`).
    func summaryLine(interrupted: String = ShellOptions.ctrlCPhrase) -> String {
        switch self {
        case .interruption: "\(interrupted): the finished trials are kept"
        case .unfinished: "stopped before every trial ran: the finished trials are kept"
        case .storeFailure(let reason): "stopped: the store could not be written: \(reason)"
        case .lostDatabase(let reason): "stopped: lost the database: \(reason)"
        case let .stoppedWaiting(study, running, queued):
            "\(interrupted) while workers ran it: they go on with \(running) running and \(queued) queued "
                + "trial\(running + queued == 1 ? "" : "s"); open study \"\(study)\" shows them as they finish"
        }
    }
}
