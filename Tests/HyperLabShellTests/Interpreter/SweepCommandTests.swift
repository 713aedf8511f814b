import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Sweeps as a user runs them: results that do not depend on `parallel=`, failed trials that do
/// not stop a sweep, and files that hold every trial.
@Suite struct SweepCommandTests {
    private func resultsTable(_ sweep: String) throws -> String {
        let t = try Transcript(echo: false)
        t.type("load moons n=120 noise=0.25 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=2\nmodel mlp hidden=[8]")
        t.type(sweep)
        let before = t.output.text.count
        t.type("results")
        return String(t.output.text.dropFirst(before))
    }

    @Test(arguments: ["random", "tpe", "bayes", "cmaes"])
    func parallelOneAndTwoGiveByteIdenticalResults(sampler: String) throws {
        let sweep = "sweep \(sampler) n=10 lr=log(1e-3, 1) units=intlog(2, 32) epochs=8 prune=median"
        let one = try resultsTable(sweep + " parallel=1")
        let two = try resultsTable(sweep + " parallel=2")
        #expect(one.contains("trial"))
        #expect(one == two)
    }

    /// CMA-ES searches numeric ranges: a space of lists only is refused at its first key, with
    /// the samplers that suit lists; one range among lists is enough.
    @Test func cmaesRefusesASpaceOfListsOnly() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("load iris; split train=0.6 dev=0.2 test=0.2") == .completed)
        #expect(t.shell.run("sweep cmaes n=4 activation=[relu, tanh] units=[8, 16] epochs=1") == .failed)
        #expect(t.output.text.contains("error: sweep cmaes needs a numeric range to search: every swept key here is a list"))
        #expect(t.output.text.contains("hint: it draws lists at random and searches ranges: add one, e.g. lr=log(1e-4, 1e-1); for lists only, use sweep tpe or sweep grid"))
        #expect(t.shell.workbench.sweeps.isEmpty)
        #expect(t.shell.run("sweep cmaes n=4 activation=[relu, tanh] lr=log(1e-3, 1e-1) epochs=1") == .completed)
        #expect(t.shell.workbench.sweeps.count == 1)
    }

    /// "… · 3 complete · 30 epochs trained": the epochs of every seed and every fold.
    @Test(arguments: [("split train=0.6 dev=0.2 test=0.2 seed=2", "repeats=3", 3 * 2 * 4),
                      ("split cv=5 test=0.2 seed=2", "", 5 * 2 * 4),
                      ("split cv=3 test=0.2 seed=2", "repeats=2", 3 * 2 * 2 * 4)])
    func theSummaryCountsTheEpochsOfEverySeedAndFold(split: String, repeats: String, epochs: Int) throws {
        let t = try Transcript(echo: false)
        t.type("load moons n=60 noise=0.25 seed=1\n\(split)\nmodel mlp hidden=[4]")
        let before = t.output.text.count
        #expect(t.shell.run("sweep grid lr=[0.01, 0.1] epochs=4 \(repeats)") == .completed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("2 complete · \(epochs) epochs trained"), "\(out)")
    }

    /// A grid of 16.7 million points with force=yes reached 19.7 GB before: now it is refused
    /// at once, as more than a sweep's trials, and n= caps it without enumerating the rest.
    @Test func aGridOfMoreThanTheTrialLimitIsRefusedAndNCapsIt() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("load iris; split train=0.6 dev=0.2 test=0.2") == .completed)
        let values = "[" + (1...4096).map(String.init).joined(separator: ",") + "]"
        #expect(t.shell.run("sweep grid units=\(values) batch=\(values) epochs=1 force=yes") == .failed)
        #expect(t.output.text.contains("error: the grid has 16777216 points, more than a sweep's 100000 trials"))
        #expect(t.output.text.contains("hint: cap it with n= (n=100000 runs the first 100000), or use sweep random"))
        #expect(t.shell.workbench.sweeps.isEmpty)
        #expect(t.shell.run("sweep grid units=\(values) batch=\(values) epochs=1 n=2") == .completed)
        #expect(t.shell.workbench.sweeps.last?.trials.count == 2)
    }

    /// A plan whose estimated peak memory exceeds the machine's is refused before it starts,
    /// with what takes the memory; the same plan runs where there is enough.
    @Test func aSweepTheMachineCannotHoldIsRefusedWithItsEstimate() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("load iris; split train=0.6 dev=0.2 test=0.2") == .completed)
        t.shell.options.machineMemory = 300_000_000
        #expect(t.shell.run("sweep random n=100000 lr=log(1e-4, 1e-1) epochs=1") == .failed)
        #expect(t.output.text.contains("error: this sweep needs about 410 MB of memory, more than this machine's 300 MB"), "\(t.output.text)")
        #expect(t.output.text.contains("hint: 100000 trials keep about 410 MB and"))
        #expect(t.output.text.contains("lower n= or parallel=, or narrow the swept sizes"))
        #expect(t.shell.run("sweep random n=8 units=intlog(16, 256) layers=[1, 2] lr=log(1e-4, 1e-1) epochs=1 parallel=2") == .completed,
                "small plans pass")
        // 8 layers of 4,096 units: 117 million weights, about 2.3 GB a training at the largest draw.
        #expect(t.shell.run("sweep random n=8 units=intlog(16, 4096) layers=[1, 8] epochs=1 parallel=2") == .failed)
        #expect(t.output.text.contains("hint: 8 trials keep about 32.8 KB and 2 trainings at once about 4.73 GB at the largest sizes"), "\(t.output.text)")
        #expect(t.shell.workbench.sweeps.count == 1)
    }

    @Test func divergingRegionMarksTrialsFailedAndTheSweepCompletes() throws {
        let t = try Transcript(echo: false)
        t.type("load diabetes\nsplit train=0.7 dev=0.15 test=0.15 seed=0\nmodel mlp hidden=[32]\noptimizer sgd")
        let outcome = t.shell.run("sweep grid lr=[0.001, 0.01, 5, 10] epochs=10 parallel=2")
        #expect(outcome == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.trials.count == 4)
        let failed = sweep.trials.filter { $0.state == .failed }
        #expect(failed.map(\.number) == [2, 3])
        #expect(failed.allSatisfy { $0.failure?.hasPrefix("diverged at epoch") == true })
        #expect(sweep.best?.number == 1 || sweep.best?.number == 0)
        #expect(t.output.text.contains("trial 2  failed: diverged at epoch"))
    }

    @Test func aScatterPlotDrawsTheFailedTrialsItsLegendCounts() throws {
        let t = try Transcript(echo: false)
        t.type("load diabetes\nsplit train=0.7 dev=0.15 test=0.15 seed=0\nmodel mlp hidden=[32]\noptimizer sgd")
        #expect(t.shell.run("sweep grid lr=[0.001, 0.01, 5, 10] epochs=10 parallel=2") == .completed)
        let before = t.output.text.count
        #expect(t.shell.run("plot lr dev_rmse") == .completed)
        let plot = String(t.output.text.dropFirst(before))
        #expect(plot.contains("× failed (2)"), "\(plot)")
        let drawn = plot.split(separator: "\n").filter { !$0.contains("failed") }.map { $0.filter { $0 == "×" }.count }.reduce(0, +)
        #expect(drawn >= 1, "the legend counts failed trials the plot does not draw:\n\(plot)")
        #expect(plot.contains("failed (no value) on the bottom edge"))
    }

    @Test func interruptionKeepsFinishedTrials() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let calls = Counter()
        t.shell.options.interruption = Interruption { calls.next() > 400 }
        _ = t.shell.run("sweep random n=200 lr=log(1e-3, 1e-1) epochs=30 parallel=1")
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.stoppedEarly)
        #expect(sweep.trials.contains { $0.state == .complete })
        #expect(sweep.trials.count < 200)
        #expect(t.output.text.contains("stopped by Ctrl-C"))
        #expect(t.shell.recorded.last?.contains("# interrupted after") == true)
    }

    @Test func savedResultsHoldEveryTrial() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        t.type("sweep random n=5 lr=log(1e-3, 1e-1) epochs=5 repeats=2")
        t.type("save results \"r.csv\"\nsave results \"r.json\"")
        let csv = try String(contentsOf: t.directory.appendingPathComponent("r.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 6)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(5)) == ["trial", "state", "lr", "dev_acc", "dev_acc_sd"])
        #expect(Array(header.suffix(2)) == ["seed", "seconds"])
        let data = try Data(contentsOf: t.directory.appendingPathComponent("r.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let trials = try #require(json["trials"] as? [[String: Any]])
        #expect(trials.count == 5)
        let perEpoch = try #require(trials[0]["per_epoch"] as? [String: [[String: Any]]])
        #expect(perEpoch["dev_acc"]?.count == 5)
    }
}

/// A thread-safe call counter for injected interruptions.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}

import Synchronization

/// Conditional keys: a trial records only the parameters its configuration uses.
@Suite struct ConditionalKeyTests {
    @Test func momentumIsRecordedOnlyWhereTheOptimizerUsesIt() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]")
        #expect(t.shell.run("sweep random n=12 optimizer=choice(sgd, momentum) momentum=uniform(0.5, 0.95) lr=log(1e-3, 1e-1) epochs=3") == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        for trial in sweep.trials {
            let optimizer = trial.parameters["optimizer"]
            #expect((trial.parameters["momentum"] != nil) == (optimizer == .word("momentum")))
        }
        #expect(sweep.trials.contains { $0.parameters["momentum"] == nil })
        #expect(sweep.trials.contains { $0.parameters["momentum"] != nil })
        let before = t.output.text.count
        t.type("results")
        #expect(String(t.output.text.dropFirst(before)).contains("—"))
    }
}
