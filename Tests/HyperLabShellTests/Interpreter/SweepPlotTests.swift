import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The sweep plots' messages when the trials cannot be plotted as asked.
@Suite struct SweepPlotTests {
    /// A sweep whose complete trials all scored 0.933 and whose pruned trials scored 0.08 to 0.9.
    static func sweep() throws -> SweepRecord {
        let space = try SearchSpace([("lr", try Distribution.log(1e-4, 1e-1))])
        var trials: [Trial] = []
        for n in 0..<8 {
            let lr = TrialParameters([("lr", .real(1e-4 * pow(10, Double(n) / 3)))])
            if n.isMultiple(of: 2) {
                trials.append(Trial(number: n, parameters: lr, state: .complete, intermediateValues: [60: 0.933], value: 0.933))
            } else {
                let value = [0.08, 0.5, 0.7, 0.9][n / 2]
                trials.append(Trial(number: n, parameters: lr, state: .pruned, intermediateValues: [1: value], value: value))
            }
        }
        return SweepRecord(number: 1, name: "sweep 1", sampler: "tpe", space: space, base: Configuration(), metric: "dev_acc",
                           direction: .maximize, seed: 0, repeats: 1, prune: "asha", trials: trials, stoppedEarly: false,
                           datasetName: "iris")
    }

    @Test func importanceSaysThatOnlyTheCompleteTrialsScoredTheSame() throws {
        let t = try Transcript(echo: false)
        t.shell.workbench.sweeps.append(try Self.sweep())
        let before = t.output.text.count
        #expect(t.shell.run("plot importance") == .failed)
        let out = String(t.output.text.dropFirst(before))
        #expect(!out.contains("every trial scored the same"), "\(out)")
        #expect(out.contains("every complete trial scored dev_acc 0.933; the 4 pruned trials (0.08 to 0.9) are left out"), "\(out)")
        #expect(out.contains("hint: "), "\(out)")
    }

    @Test func aHeatmapOverALogKeyLeavesOutTheBaselinesZeroInsteadOfCrashing() throws {
        // baseline=yes makes trial 0 the current configuration: weight_decay 0, which a log axis cannot place.
        let t = try Transcript(echo: false)
        #expect(t.shell.run("""
            load xor n=100 seed=1
            split train=0.6 dev=0.2 test=0.2
            set epochs=2
            sweep random n=5 lr=log(1e-4, 1e-1) weight_decay=log(1e-6, 1e-1) baseline=yes seed=1
            """) == .completed)
        let before = t.output.text.count
        #expect(t.shell.run("plot heatmap lr weight_decay") == .completed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("mean dev_acc over lr × weight_decay"), "\(out)")
        #expect(out.contains("~"), "\(out)")
    }
}
