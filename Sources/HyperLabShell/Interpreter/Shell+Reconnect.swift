import HyperLabKit

/// Waiting for a PostgreSQL server that stopped answering, in workers and in the shell that
/// shows their progress: the attempts as log lines on standard error.
extension Shell {
    /// A `ReconnectPolicy` with the shell's limit whose attempts are logged, each line led by
    /// `prefix` ("worker: "): the loss with its reason, then (with `everyAttempt`) each further
    /// attempt, then the return. Giving up is the caller's to say.
    func reconnectPolicy(prefix: String, everyAttempt: Bool) -> ReconnectPolicy {
        var policy = ReconnectPolicy(limit: options.reconnectLimit)
        let console = console
        let limit = NumberFormat.duration(seconds: options.reconnectLimit.inSeconds)
        policy.onEvent = { event in
            switch event {
            case let .failed(error, attempt, retryIn):
                if attempt == 1 {
                    console.clearStatus()
                    console.error("\(prefix)lost the database: \(error.message); retrying for up to \(limit)")
                } else if everyAttempt {
                    console.error("\(prefix)the database is still out of reach (attempt \(attempt)); "
                                  + "next try in \(NumberFormat.duration(seconds: retryIn.inSeconds))")
                }
            case let .back(attempts, after):
                console.error("\(prefix)reconnected to the database"
                              + (everyAttempt ? " after \(attempts) attempts (\(NumberFormat.duration(seconds: after.inSeconds)))" : ""))
            case .gaveUp:
                break
            }
        }
        return policy
    }

    /// "gave up on the database after 5 m 00 s: REASON" when `error` is a server that stayed out
    /// of reach for the reconnect limit (or the wait that Ctrl-C ended), else the error's message.
    func outageText(_ error: StorageError) -> String {
        guard error.kind == .unreachable else { return error.message }
        if options.interruption.isRequested { return "\(options.interruptedPhrase) while waiting for the database: \(error.message)" }
        return "gave up on the database after \(NumberFormat.duration(seconds: options.reconnectLimit.inSeconds)): \(error.message)"
    }
}
