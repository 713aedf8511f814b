import Foundation
@testable import HyperLabKit

/// A temporary folder holding small /bin/sh scripts, and objectives that run them.
final class CommandFixture {
    private let folder = TemporaryFolder()

    /// The folder's path.
    var path: String { folder.path }

    /// Writes `body` as `name` in the folder and returns its path. Scripts find the folder
    /// as `$DIR`.
    func script(_ name: String, _ body: String) -> String {
        folder.write(name, "DIR=$(dirname \"$0\")\n" + body + "\n")
    }

    /// The path of `name` in the folder.
    func file(_ name: String) -> String { (folder.path as NSString).appendingPathComponent(name) }

    /// The text of `name` in the folder, or nil.
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// An objective running `template` in the folder, with its logs in `logs/`.
    func objective(_ template: String, metric: String = "dev_acc", timeout: Duration? = .seconds(20),
                   grace: Duration = .seconds(5)) throws -> ExternalCommandObjective {
        try ExternalCommandObjective(template: CommandTemplate(template), metric: metric, direction: .maximize,
                                     workingDirectory: path, timeout: timeout, gracePeriod: grace,
                                     logFolder: file("logs"))
    }

    /// Whether process `pid` has ended (an unreaped zombie counts as ended), waiting up to 5 s.
    static func hasEnded(_ pid: pid_t) -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if kill(pid, 0) != 0 { return true }
            if let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
               let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count,
               stat[close + 2] == UInt8(ascii: "Z") { return true }
            usleep(20_000)
        }
        return false
    }

    /// The pid written in `name`, or nil.
    func pid(_ name: String) -> pid_t? {
        read(name).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// The reports a trial made, and when to say stop.
final class ReportRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(Int, Double)] = []
    private let stopAt: Int?

    /// A recorder that answers "stop" from step `stopAt` on (never when nil).
    init(stopAt: Int? = nil) { self.stopAt = stopAt }

    /// The reports so far, as "step:value".
    var reports: [String] {
        lock.lock()
        defer { lock.unlock() }
        return steps.map { "\($0.0):\($0.1)" }
    }

    /// A trial context that reports here.
    func context(number: Int = 0, parameters: TrialParameters = TrialParameters(), seed: Int = 11,
                 interruption: Interruption = .never) -> TrialContext {
        TrialContext(number: number, parameters: parameters, seed: seed, interruption: interruption) { [self] step, value in
            lock.lock()
            defer { lock.unlock() }
            steps.append((step, value))
            return stopAt.map { step >= $0 } ?? false
        }
    }
}
