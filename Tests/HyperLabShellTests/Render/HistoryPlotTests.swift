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
}
