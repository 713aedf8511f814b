import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabShell
import HyperLabKit

/// A sweep queued for workers (`workers=external`) that the shell stops waiting for: its summary
/// says the workers go on (their trials are running, not interrupted), and they finish it.
@Suite struct QueuedSweepTests {
    static let space = try? SearchSpace([("lr", .log(1e-3, 1e-1))])

    /// A queued sweep's record with trials in the given states, stopped as `cause` says.
    static func record(_ states: [TrialState], cause: SweepStopCause) throws -> SweepRecord {
        let trials = states.enumerated().map { number, state in
            Trial(number: number, parameters: TrialParameters([("lr", .real(0.01))]), state: state,
                  failure: state == .failed ? Study.interruptedReason : nil,
                  value: state == .complete ? 0.9 : nil, metrics: state == .complete ? ["dev_acc": 0.9] : [:])
        }
        var record = SweepRecord(number: 1, name: "wide", sampler: "random", space: try #require(space), base: Configuration(),
                                 metric: "dev_acc", direction: .maximize, seed: 0, repeats: 1, prune: "none",
                                 trials: trials, stoppedEarly: true, datasetName: "iris")
        record.stopCause = cause
        return record
    }

    @Test func trialsStillOnWorkersAreRunningNotInterrupted() throws {
        let waiting = try Self.record([.complete, .running, .running, .failed],
                                      cause: .stoppedWaiting(study: "wide", running: 2, queued: 4))
        let summary = Shell.sweepSummary(waiting, baselineUsed: false)
        #expect(summary.hasPrefix("wide done: 4 trials · 1 complete · 1 interrupted · 2 still running\n"), "\(summary)")
        #expect(summary.hasSuffix("stopped by Ctrl-C while workers ran it: they go on with 2 running and 4 queued trials; "
                                  + "open study \"wide\" shows them as they finish"))
        // Here, a running trial is one this process left: interrupted, as before.
        let local = Shell.sweepSummary(try Self.record([.complete, .running], cause: .interruption), baselineUsed: false)
        #expect(local.hasPrefix("wide done: 2 trials · 1 complete · 1 interrupted\n"), "\(local)")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] != nil,
                   "needs HYPERLAB_TEST_POSTGRES_URL (./test starts a server)"))
    func ctrlCWhileWaitingLeavesTheQueueToTheWorkersWhoFinishIt() throws {
        guard let url = ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] else { return }
        let name = "waiting-\(UUID().uuidString.prefix(8))"
        let folder = try Transcript(echo: false).directory
        let output = CapturedOutput()
        var options = ShellOptions(workingDirectory: folder.path)
        options.repository = LazyStudyRepository(postgreSQL: url)
        let shell = Shell(console: output.console(), options: options)
        #expect(shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1") == .completed)
        let polls = Counter()
        shell.options.interruption = Interruption { polls.next() > 2 }
        _ = shell.run("sweep random n=5 lr=log(1e-3, 1e-1) epochs=3 workers=external name=\(name)")
        #expect(output.text.contains("\(name) done: 0 trials"), "\(output.text)")
        #expect(output.text.contains("they go on with 0 running and 5 queued trials; open study \"\(name)\" shows them as they finish"))

        let worker = Shell(console: CapturedOutput().console(), options: ShellOptions(workingDirectory: folder.path))
        #expect(worker.runWorker(url: url, studyName: name, parallel: 1, grace: .seconds(60)) == 0)
        shell.options.interruption = Interruption { false }
        #expect(shell.run("open study \"\(name)\"") == .completed)
        #expect(shell.workbench.sweeps.last?.trials.map(\.state) == Array(repeating: .complete, count: 5))
    }
}
