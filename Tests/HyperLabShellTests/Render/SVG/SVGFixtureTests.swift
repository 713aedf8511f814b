import Testing
@testable import HyperLabShell

/// Every plot type on realistic data: valid XML, one mark per datum, the terminal's ticks.
@Suite struct SVGFixtureTests {
    @Test func learningCurvesFigure() throws {
        let charts = SVGFixtures.curves
        let svg = try #require(parseSVG(LineChart.svgStacked(charts)))
        #expect(svg.ofClass("series").count == 3)
        #expect(svg.texts(ofClass: "legend-label") == ["train_loss", "dev_loss", "dev_acc"])
        let terminal = LineChart.renderStacked(charts, traits: renderTraits(width: 80))
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "epoch"))
    }

    @Test func sweepScatterAndHistory() throws {
        let scatter = try #require(parseSVG(SVGFixtures.scatter.svg()))
        #expect(scatter.ofClass("point").count == 29)
        #expect(scatter.ofClass("best").count == 1)
        #expect(scatter.texts(ofClass: "x-tick-label") == ["1e-05", "1e-04", "0.001", "0.01", "0.1"])
        let history = try #require(parseSVG(SVGFixtures.history.svg()))
        #expect(history.ofClass("point").count == 29)
        #expect(history.ofClass("best-so-far").count == 1)
        #expect(svgYTicks(history) == terminalYTicks(SVGFixtures.history.render(traits: renderTraits(width: 80))))
    }

    @Test func gridHeatmapBarsAndBoundary() throws {
        let heatmap = try #require(parseSVG(SVGFixtures.heatmap.svg()))
        #expect(heatmap.ofClass("cell").count == 20)
        #expect(heatmap.texts(ofClass: "cell-value").filter { $0 == "—" }.count == 1)
        let bars = try #require(parseSVG(SVGFixtures.bars.svg()))
        #expect(bars.ofClass("bar").count == 5)
        let map = SVGFixtures.boundary
        let boundary = try #require(parseSVG(map.svg()))
        #expect(boundary.ofClass("sample").count == 120)
        let terminal = map.render(traits: renderTraits(width: 80))
        #expect(boundary.texts(ofClass: "note").first == terminal.last?.trimmingCharacters(in: .whitespaces))
    }

    @Test func outputIsTheSameOnEveryCall() {
        #expect(SVGFixtures.boundary.svg() == SVGFixtures.boundary.svg())
        #expect(LineChart.svgStacked(SVGFixtures.curves) == LineChart.svgStacked(SVGFixtures.curves))
        #expect(SVGFixtures.heatmap.svg() == SVGFixtures.heatmap.svg())
    }
}
