import Foundation

/// Polls `condition` every 50 ms until it holds, throwing `WaitTimedOut` after `seconds`: the
/// terminal tests wait so for what processes they started do.
func waitUntil(_ what: String, seconds: Double = 90, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else { throw WaitTimedOut(what: what) }
        Thread.sleep(forTimeInterval: 0.05)
    }
}

/// A state a test waited for never came.
struct WaitTimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting until \(what)" }
}

/// `waitUntil` for tests that wait long: it sleeps without holding one of the few threads the
/// tests share, so other tests run meanwhile.
func waitUntil(_ what: String, seconds: Double = 90, _ condition: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else { throw WaitTimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(50))
    }
}
