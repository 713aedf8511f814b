import Foundation

/// How long to keep trying a database server that stopped answering, and how often: after a
/// call fails with `StorageError.Kind.unreachable`, it is tried again after waits that double
/// from `firstDelay` up to `longestDelay`, until `limit` has passed since the first failure.
/// Workers and the shell that queues a sweep for them use it with PostgreSQL, whose connection
/// resets itself before the next statement (`PostgreSQLConnection.isConnected`).
///
/// ```swift
/// var reconnect = ReconnectPolicy(limit: .seconds(300))
/// reconnect.onEvent = { event in log(event) }          // each failed attempt, and the return
/// let claim = try reconnect.retrying { () throws(StorageError) in
///     try store.claimNext(study: id, worker: name)
/// }
/// ```
/// Any other error is thrown at once; so is the last one when the limit has passed or
/// `interruption` is requested.
public struct ReconnectPolicy: Sendable {
    /// How long to keep trying after the first failure (zero: never try again).
    public var limit: Duration
    /// The wait before the second attempt.
    public var firstDelay: Duration
    /// The longest wait between two attempts.
    public var longestDelay: Duration
    /// Told of each failed attempt and of the call that worked again (for a log line).
    public var onEvent: (@Sendable (ReconnectEvent) -> Void)?

    /// How long `hyperlab worker` and a queuing shell keep trying unless told otherwise: 5 minutes.
    public static let defaultLimit = Duration.seconds(300)

    /// A policy that keeps trying for `limit`, waiting `firstDelay`, twice that, and so on up to
    /// `longestDelay` between attempts.
    public init(limit: Duration = ReconnectPolicy.defaultLimit, firstDelay: Duration = .milliseconds(250),
                longestDelay: Duration = .seconds(5)) {
        self.limit = limit
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// The wait after failed attempt `attempt` (1-based): `firstDelay` doubled `attempt − 1`
    /// times, at most `longestDelay`.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let doubled = firstDelay.inSeconds * pow(2, Double(min(max(attempt - 1, 0), 30)))
        return .milliseconds(Int64(min(doubled, longestDelay.inSeconds) * 1000))
    }

    /// Runs `body`, and runs it again while it fails because the server cannot be reached, as
    /// the policy says; returns its first result.
    /// - Throws: the error of `body` that is not `.unreachable`, or its last one once `limit`
    ///   has passed since the first failure or `interruption` is requested.
    public func retrying<T>(interruption: Interruption = .never,
                            _ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        var firstFailure: ContinuousClock.Instant?
        var attempt = 0
        while true {
            do {
                let value = try body()
                if let firstFailure {
                    onEvent?(.back(attempts: attempt + 1, after: ContinuousClock.now - firstFailure))
                }
                return value
            } catch where error.kind == .unreachable {
                attempt += 1
                let start = firstFailure ?? ContinuousClock.now
                firstFailure = start
                let left = limit - (ContinuousClock.now - start)
                guard left > .zero, !interruption.isRequested else {
                    onEvent?(.gaveUp(error, after: ContinuousClock.now - start))
                    throw error
                }
                let wait = min(delay(afterAttempt: attempt), left)
                onEvent?(.failed(error, attempt: attempt, retryIn: wait))
                pause(wait, interruption: interruption)
            }
        }
    }

    /// Sleeps for `wait`, waking early when `interruption` is requested.
    private func pause(_ wait: Duration, interruption: Interruption) {
        let end = ContinuousClock.now + wait
        while ContinuousClock.now < end && !interruption.isRequested {
            Thread.sleep(forTimeInterval: min(0.05, max((end - ContinuousClock.now).inSeconds, 0)))
        }
    }
}

/// What a `ReconnectPolicy` did, for a log line.
public enum ReconnectEvent: Sendable {
    /// Attempt `attempt` (1-based) found the server out of reach; the next comes after `retryIn`.
    case failed(StorageError, attempt: Int, retryIn: Duration)
    /// The call worked again on attempt `attempts`, `after` the first failure.
    case back(attempts: Int, after: Duration)
    /// The limit passed (or a stop was requested) `after` the first failure: the error is thrown.
    case gaveUp(StorageError, after: Duration)
}
