import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `prune=hyperband eta= min_epochs=`: checked against the sweep, stored with its study, and
/// kept by `resume`; results do not depend on parallel=.
@Suite struct PruneSettingsTests {
    private func shell(in directory: URL, store: String) throws -> (Shell, CapturedOutput) {
        let output = CapturedOutput()
        var options = ShellOptions(workingDirectory: directory.path)
        options.repository = try SQLiteStudyStore.open(path: directory.appendingPathComponent(store).path)
        return (Shell(console: output.console(), options: options), output)
    }

    private static let setUp = "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]"
    private static let sweep = "sweep tpe n=24 lr=log(1e-3, 1e-1) units=intlog(2, 32) epochs=9 prune=hyperband min_epochs=1"

    @Test func hyperbandsSettingsAreStoredAndKeptByResumeAndParallelChangesNothing() throws {
        let folder = try Transcript(echo: false).directory
        let (first, output) = try shell(in: folder, store: "s.sqlite")
        #expect(first.run(Self.setUp) == .completed)
        let calls = Counter()
        first.options.interruption = Interruption { calls.next() > 150 }
        _ = first.run(Self.sweep + " parallel=2 name=hb")
        #expect(output.text.contains("metric dev_acc (higher is better) · seed 0 · pruning hyperband (eta 3, epochs 1 to 9)"))
        #expect(try first.options.repository.load("hb").definition.prunerSettings
                == ["eta": "3", "min_epochs": "1", "max_epochs": "9"])
        #expect(try #require(first.workbench.sweeps.last).stoppedEarly)

        let (second, _) = try shell(in: folder, store: "s.sqlite")
        #expect(second.run("resume hb") == .completed)
        let resumed = try #require(second.workbench.sweeps.last)

        let (third, _) = try shell(in: folder, store: "t.sqlite")
        #expect(third.run(Self.setUp) == .completed)
        #expect(third.run(Self.sweep + " parallel=1 name=one") == .completed)
        let one = try #require(third.workbench.sweeps.last)
        #expect(third.run(Self.sweep + " parallel=4 name=four") == .completed)
        let four = try #require(third.workbench.sweeps.last)
        #expect(one.trials.contains { $0.state == .pruned })
        for other in [resumed, four] {
            #expect(other.trials.map(\.parameters) == one.trials.map(\.parameters))
            #expect(other.trials.map(\.value) == one.trials.map(\.value))
            #expect(other.trials.map(\.state) == one.trials.map(\.state))
        }
    }

    @Test func badSettingsArePositionedErrorsWithHints() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.setUp) == .completed)
        func refused(_ options: String, _ message: String, hint: String) {
            let before = t.output.text.count
            #expect(t.shell.run("sweep random n=4 lr=log(1e-3, 1e-1) " + options) == .failed)
            let text = String(t.output.text.dropFirst(before))
            #expect(text.contains("error: " + message), "\(options): \(text)")
            #expect(text.contains("hint: " + hint), "\(options): \(text)")
            #expect(text.contains("^"), "the error points at the option")
        }
        refused("eta=2", "eta= is a setting of prune=hyperband", hint: "add prune=hyperband, or leave eta= out")
        refused("prune=none eta=2", "eta= is a setting of prune=hyperband", hint: "use prune=hyperband, or leave eta= out")
        refused("prune=asha min_epochs=2", "min_epochs= is a setting of prune=hyperband",
                hint: "prune=asha takes no settings: use prune=hyperband, or leave min_epochs= out")
        refused("prune=hyperband epochs=int(3, 27)", "prune=hyperband spends its budget in epochs, so epochs cannot be swept",
                hint: "give epochs one value, the most any trial trains (the largest budget, R): epochs=81")
        refused("prune=hyperband epochs=4 min_epochs=5", "min_epochs=5 is more than the 4 epochs a trial trains",
                hint: "the first rung must come before the last epoch: lower min_epochs= or raise epochs=")
        #expect(t.shell.run("sweep random n=4 lr=log(1e-3, 1e-1) prune=hyperband eta=1") == .failed)
        #expect(t.output.text.contains("eta=1 is out of range"))
        #expect(t.shell.workbench.sweeps.isEmpty, "nothing ran")
    }
}
