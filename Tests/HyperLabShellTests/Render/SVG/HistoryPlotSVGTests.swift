import Testing
@testable import HyperLabShell

@Suite struct HistoryPlotSVGTests {
    let plot = HistoryPlot(metric: "dev_acc", higherIsBetter: true, trials: [
        .init(number: 1, value: 0.80), .init(number: 2, value: 0.85), .init(number: 3, value: 0.95, category: 1, countsForBest: false),
        .init(number: 4, value: 0.83), .init(number: 5, value: 0.90), .init(number: 6, value: .nan, category: 2, countsForBest: false),
    ])

    @Test func trialsAreMarkersAndTheBestSoFarIsAStaircase() throws {
        let svg = try #require(parseSVG(plot.svg()))
        #expect(svg.ofClass("point").count == 5)
        #expect(svg.ofClass("best").count == 1)
        let staircase = try #require(svg.ofClass("best-so-far").first?.attributes["d"])
        // Counting trials 1, 2, 4, 5: three steps of a horizontal then a vertical segment.
        #expect(staircase.filter { $0 == "M" }.count == 1)
        #expect(staircase.filter { $0 == "L" }.count == 6)
        #expect(svg.texts(ofClass: "legend-label") == ["complete (4)", "pruned (1)", "failed (1)", "best so far", "best"])
        #expect(svg.texts(ofClass: "title") == ["dev_acc per trial"])
        #expect(svg.texts(ofClass: "note") == ["1 of 6 not shown (no value)"])
    }

    @Test func ticksMatchTheTerminal() throws {
        let svg = try #require(parseSVG(plot.svg()))
        let terminal = plot.render(traits: renderTraits(width: 80))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "trial"))
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
    }

    @Test func theBestIsThePrunedTrialNever() throws {
        // The pruned trial has the highest value but does not count: the star is on trial 5.
        let scatter = plot.scatterPlot.plot
        #expect(scatter.best.map { scatter.points[$0].x } == 5)
    }

    @Test func noValuesSaysSo() throws {
        let empty = HistoryPlot(metric: "dev_loss", higherIsBetter: false, trials: [.init(number: 1, value: .nan)])
        let svg = try #require(parseSVG(empty.svg()))
        #expect(svg.texts(ofClass: "note") == ["(no data to plot)"])
    }
}
