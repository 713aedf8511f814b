import Testing
@testable import HyperLabShell

@Suite struct ScatterPlotSVGTests {
    let plot = ScatterPlot(title: "dev_acc by lr \"quoted\" & <tagged>", xLabel: "lr", yLabel: "dev_acc",
                           categories: [.complete, .pruned, .failed],
                           points: [.init(x: 1e-4, y: 0.9, category: 0), .init(x: 1e-3, y: 0.97, category: 0),
                                    .init(x: 3e-3, y: 0.95, category: 0), .init(x: 1e-2, y: 0.93, category: 1),
                                    .init(x: 0.1, y: .nan, category: 2)],
                           xScale: .log, best: 1)

    @Test func oneMarkerPerShownPointByCategoryAndAStarForTheBest() throws {
        let svg = try #require(parseSVG(plot.svg()))
        let points = svg.ofClass("point")
        #expect(points.count == 4)
        #expect(points.filter { $0.name == "circle" && $0.attributes["fill"] == "#009E73" }.count == 3)
        #expect(points.filter { $0.attributes["stroke"] == "#E69F00" }.count == 1)
        #expect(svg.ofClass("best").count == 1)
        #expect(svg.texts(ofClass: "legend-label") == ["complete (3)", "pruned (1)", "failed (1)", "best"])
        #expect(svg.texts(ofClass: "note") == ["1 of 5 not shown (no value or ≤ 0)"])
    }

    @Test func theBestStarSitsOnTheBestPoint() throws {
        let svg = try #require(parseSVG(plot.svg()))
        let best = try #require(svg.ofClass("best").first?.attributes["d"])
        let second = try #require(svg.ofClass("point").first { $0.name == "circle" && $0.number("cy") == svg.ofClass("point").compactMap { $0.number("cy") }.min() })
        let cx = try #require(second.number("cx"))
        // The star's first vertex is straight above its centre.
        #expect(best.hasPrefix("M" + cx.svgText + " "))
    }

    @Test func titleIsEscapedAndReadsBackUnchanged() throws {
        let text = plot.svg()
        #expect(text.contains("dev_acc by lr \"quoted\" &amp; &lt;tagged&gt;"))
        let svg = try #require(parseSVG(text))
        #expect(svg.texts(ofClass: "title") == ["dev_acc by lr \"quoted\" & <tagged>"])
    }

    @Test func logTicksMatchTheTerminal() throws {
        let svg = try #require(parseSVG(plot.svg()))
        let terminal = plot.render(traits: renderTraits(width: 80))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "lr"))
        #expect(svg.texts(ofClass: "x-tick-label") == ["1e-04", "0.001", "0.01"])
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
    }

    @Test func multiLineTitlesBecomeSeveralLines() throws {
        var choices = plot
        choices.title = "dev_acc against optimizer\noptimizer: 0 = sgd, 1 = adam"
        let svg = try #require(parseSVG(choices.svg()))
        #expect(svg.texts(ofClass: "title") == ["dev_acc against optimizer", "optimizer: 0 = sgd, 1 = adam"])
        #expect(svg.nodes.first { $0.name == "title" }?.text == "dev_acc against optimizer · optimizer: 0 = sgd, 1 = adam")
    }

    @Test func outputIsDeterministic() {
        #expect(plot.svg() == plot.svg())
        #expect(plot.svg(width: 900, height: 500) != plot.svg())
    }
}
