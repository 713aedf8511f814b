import Foundation
import Testing
@testable import HyperLabShell

@Suite struct HistoryPlotTests {
    let plot = HistoryPlot(metric: "dev_acc", higherIsBetter: true,
                           trials: [.init(number: 1, value: 0.9), .init(number: 2, value: 0.85),
                                    .init(number: 3, value: 0.95),
                                    .init(number: 4, value: 0.99, category: 1, countsForBest: false),
                                    .init(number: 5, value: 0.96)], height: 4)

    @Test func bestSoFarIgnoresTrialsThatDoNotCount() {
        #expect(plot.bestSoFar.map(\.y) == [0.9, 0.9, 0.95, 0.96])
        var lower = plot
        lower.higherIsBetter = false
        #expect(lower.bestSoFar.map(\.y) == [0.9, 0.85, 0.85, 0.85])
    }

    @Test func trialsArePointsAndTheBestIsAStaircase() {
        #expect(plot.render(traits: renderTraits(width: 50)) == textLines("""
            dev_acc per trial
            dev_acc
            1.0 ┤                              ○
                │                      ●⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤★
            0.9 ┤       ●⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠚
                │               ●
            0.8 ┤
                └┬────────────────────────────────────┬
                 0                                    5  trial
                 ● complete (4)   ○ pruned (1)
                 ── best so far   ★ best
            """))
        #expect(plot.render(traits: renderTraits(width: 50, unicode: false)) == textLines("""
            dev_acc per trial
            dev_acc
            1.0 +                              .
                |                      o--------------@
            0.9 +       o--------------|
                |               o
            0.8 +
                ++------------------------------------+
                 0                                    5  trial
                 o complete (4)   . pruned (1)
                 -- best so far   @ best
            """))
    }

    @Test func aFailedTrialFarOffTheScaleIsDrawnAtItsEdge() {
        // A diverged trial's last loss of 1e6 would squash the others into one row.
        let losses = HistoryPlot(metric: "dev_loss", higherIsBetter: false,
                                 trials: [.init(number: 0, value: 0.5), .init(number: 1, value: 0.3),
                                          .init(number: 2, value: 1e6, category: 2, countsForBest: false),
                                          .init(number: 3, value: 0.2)], height: 6)
        let (scatter, clipped) = losses.scatterPlot
        #expect(clipped == 1)
        #expect(scatter.points.map(\.y) == [0.5, 0.3, 0.575, 0.2])
        let lines = losses.render(traits: renderTraits(width: 60))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "1 failed trial far off the scale drawn at its edge" })
        #expect(!lines.joined().contains("1e6") && !lines.joined().contains("1000000"))
        // A failed trial within reach of the others keeps its value.
        var near = losses
        near.trials[2].value = 0.55
        #expect(near.scatterPlot.clipped == 0)
    }
}
