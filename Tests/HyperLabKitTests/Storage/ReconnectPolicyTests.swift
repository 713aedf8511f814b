import Foundation
import Synchronization
import Testing
@testable import HyperLabKit

/// Waiting for a database server that stopped answering: calls tried again with doubling waits
/// until they work or the limit passes, each attempt told, other errors thrown at once.
@Suite struct ReconnectPolicyTests {
    static let unreachable = StorageError(.unreachable, "cannot read the studies in postgresql://lab@db/hyperlab: server closed the connection unexpectedly")

    /// What a policy was told, in order.
    final class Events: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// A count shared with closures.
    final class Count: Sendable {
        private let value = Mutex(0)
        func next() -> Int { value.withLock { $0 += 1; return $0 } }
        var current: Int { value.withLock { $0 } }
    }

    /// A fast policy (waits of 1, 2, 4 ms ...) that keeps the events it is told.
    static func policy(limit: Duration, events: Events) -> ReconnectPolicy {
        var policy = ReconnectPolicy(limit: limit, firstDelay: .milliseconds(1), longestDelay: .milliseconds(4))
        policy.onEvent = { event in
            let text = switch event {
            case let .failed(_, attempt, _): "failed \(attempt)"
            case let .back(attempts, _): "back \(attempts)"
            case .gaveUp: "gave up"
            }
            events.append(text)
        }
        return policy
    }

    @Test func waitsDoubleFromTheFirstUpToTheLongest() {
        let policy = ReconnectPolicy(limit: .seconds(60), firstDelay: .milliseconds(250), longestDelay: .seconds(5))
        let expected: [Duration] = [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)]
        #expect((1...7).map { policy.delay(afterAttempt: $0) } == expected)
        #expect(ReconnectPolicy().limit == Duration.seconds(300))
    }

    @Test func aServerThatComesBackAnswersTheSameCall() throws {
        let events = Events()
        let calls = Count()
        let value = try Self.policy(limit: .seconds(10), events: events).retrying { () throws(StorageError) -> Int in
            let n = calls.next()
            if n <= 3 { throw Self.unreachable }
            return 42
        }
        #expect(value == 42)
        #expect(calls.current == 4)
        #expect(events.all == ["failed 1", "failed 2", "failed 3", "back 4"])
    }

    @Test func pastTheLimitTheLastErrorIsThrown() {
        let events = Events()
        let started = ContinuousClock.now
        #expect(throws: Self.unreachable) {
            try Self.policy(limit: .milliseconds(30), events: events).retrying { () throws(StorageError) in throw Self.unreachable }
        }
        #expect(ContinuousClock.now - started >= Duration.milliseconds(30))
        let told = events.all
        #expect(told.count >= 3 && told.last == "gave up" && told.dropLast().allSatisfy { $0.hasPrefix("failed") })
    }

    @Test func otherErrorsAreThrownAtOnce() {
        let events = Events()
        let refused = StorageError(.databaseFailure, "cannot store the study: duplicate key (SQLSTATE 23505)")
        let calls = Count()
        #expect(throws: refused) {
            try Self.policy(limit: .seconds(10), events: events).retrying { () throws(StorageError) in
                _ = calls.next()
                throw refused
            }
        }
        #expect(calls.current == 1)
        #expect(events.all.isEmpty)
    }

    @Test func aStopRequestEndsTheWait() {
        let events = Events()
        let started = ContinuousClock.now
        let stop = Interruption { ContinuousClock.now - started > Duration.milliseconds(20) }
        #expect(throws: Self.unreachable) {
            try Self.policy(limit: .seconds(60), events: events).retrying(interruption: stop) { () throws(StorageError) in
                throw Self.unreachable
            }
        }
        #expect(ContinuousClock.now - started < Duration.seconds(5))
        #expect(events.all.last == "gave up")
    }

    @Test func aServerThatIsGoneIsUnreachableAndAFailedStatementIsNot() {
        let location = "postgresql://lab@db/hyperlab"
        #expect(PostgreSQLError(.connection, "server closed the connection unexpectedly")
            .storageError(doing: "claim a trial", location: location).kind == .unreachable)
        #expect(PostgreSQLError(.statement, "terminating connection due to administrator command", sqlState: "57P01")
            .storageError(doing: "claim a trial", location: location).kind == .unreachable)
        #expect(PostgreSQLError(.statement, "the database system is starting up", sqlState: "57P03")
            .storageError(doing: "claim a trial", location: location).kind == .unreachable)
        #expect(PostgreSQLError(.statement, "duplicate key value", sqlState: "23505")
            .storageError(doing: "store the study", location: location).kind == .databaseFailure)
        #expect(PostgreSQLError(.statement, "canceling statement due to user request", sqlState: "57014")
            .storageError(doing: "store the study", location: location).kind == .databaseFailure)
    }
}
