import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit
import HyperLabTestSupport

/// A sweep whose store fails part-way (an injected full disk): it says so, starts no more
/// trials, keeps what ran as the current sweep, and fails the command.
@Suite struct SweepStoreFailureTests {
    static let sweep = "sweep random n=60 lr=log(1e-3, 1e-1) epochs=2 parallel=2"

    /// A transcript whose store fails `times` times from the end of trial 8 on, with iris split.
    private func transcript(times: Int) throws -> Transcript {
        let t = try Transcript(echo: false)
        t.shell.options.repository = FailingWritesRepository(failingFromTrial: 8, times: times)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        return t
    }

    @Test func aStoreThatKeepsFailingStopsTheSweepWhichKeepsItsTrialsAndFails() throws {
        let t = try transcript(times: .max)
        let before = t.output.text.count
        #expect(t.shell.run(Self.sweep) == .failed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("stopped: the store could not be written: the disk is full"), "\(out)")
        #expect(!out.contains("Ctrl-C"), "\(out)")
        #expect(out.contains("could not be stored in test.sqlite"), "\(out)")
        #expect(out.contains("kept in this session: results shows them, save results \"sweep.csv\" writes them"), "\(out)")

        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.stoppedEarly && sweep.stopCause == .storeFailure("the disk is full"))
        #expect(sweep.trials.count < 60, "no trial starts after the failure")
        #expect(sweep.trials.contains { $0.state == .complete })
        let stored = try t.shell.options.repository.load(sweep.name).trials
        #expect(stored.filter { $0.state == .complete }.count < sweep.trials.filter { $0.state == .complete }.count)
        #expect(t.shell.recorded.last?.contains("# stopped after") == true)

        // The trials the store refused are usable: listed, and written to a file.
        #expect(t.shell.run("results") == .completed)
        #expect(t.shell.run("save results \"kept.csv\"") == .completed)
        let csv = try String(contentsOf: t.directory.appendingPathComponent("kept.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == sweep.trials.count + 1)
    }

    @Test func aStoreThatFailsOnceGetsTheFinishedTrialsOnASecondTry() throws {
        let t = try transcript(times: 1)
        let before = t.output.text.count
        #expect(t.shell.run(Self.sweep) == .failed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("stopped: the store could not be written: the disk is full"), "\(out)")
        #expect(out.contains("stopped when the store failed; its finished trials are stored"), "\(out)")
        #expect(out.contains("hint: resume \"sweep 1\" runs the rest"), "\(out)")
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let stored = try t.shell.options.repository.load(sweep.name)
        #expect(stored.trials == sweep.trials)
        #expect(stored.definition.status == .interrupted)
    }

    @Test func aStatusTheStoreRefusesAfterACompleteSweepFailsTheCommand() throws {
        let t = try Transcript(echo: false)
        t.shell.options.repository = FailingWritesRepository(failingFromTrial: .max, statusFails: true)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let before = t.output.text.count
        #expect(t.shell.run("sweep random n=4 lr=log(1e-3, 1e-1) epochs=1") == .failed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("sweep 1 done: 4 trials · 4 complete"), "\(out)")
        #expect(!out.contains("stopped"), "\(out)")
        #expect(out.contains("error: the store could not record that sweep 1 is complete: cannot set the status of sweep 1"), "\(out)")
        #expect(t.shell.workbench.sweeps.last?.trials.count == 4)
    }

    @Test func aScriptStopsAtTheSweepTheStoreStopped() throws {
        let t = try transcript(times: .max)
        #expect(t.shell.run(Self.sweep + "\nsay after", source: "failing.hlab") == .failed)
        #expect(!t.output.text.contains("after\n"))
        #expect(t.output.text.contains("failing.hlab:1:1: error:"), "\(t.output.text)")
    }
}
