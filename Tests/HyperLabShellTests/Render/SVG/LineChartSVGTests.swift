import Testing
@testable import HyperLabShell

@Suite struct LineChartSVGTests {
    let chart = LineChart(title: "Loss & accuracy <run 1>", xLabel: "epoch", yLabel: "loss",
                          series: [.init("train_loss", values: [1.0, 0.6, 0.4, 0.3, 0.25]),
                                   .init("dev_loss", values: [1.1, 0.8, 0.7, 0.7, 0.72])])

    @Test func parsesWithOnePathPerSeriesAndALegend() throws {
        let svg = try #require(parseSVG(chart.svg()))
        #expect(svg.ofClass("series").count == 2)
        #expect(svg.ofClass("series").map { $0.attributes["stroke"] } == ["#0072B2", "#E69F00"])
        #expect(svg.texts(ofClass: "legend-label") == ["train_loss", "dev_loss"])
        #expect(svg.texts(ofClass: "title") == ["Loss & accuracy <run 1>"])
        #expect(svg.texts(ofClass: "x-label") == ["epoch"])
        #expect(svg.texts(ofClass: "y-label") == ["loss"])
        // Two series: each has markers, of different shapes.
        let markers = svg.ofClass("series-marker")
        #expect(markers.contains { $0.name == "circle" } && markers.contains { $0.name == "path" })
    }

    @Test func pathsGoThroughEveryPointAndBreakAtGaps() throws {
        let gappy = LineChart(series: [.init("loss", values: [1, .nan, 0.5, 0.4, 0.3])])
        let svg = try #require(parseSVG(gappy.svg()))
        let d = try #require(svg.ofClass("series").first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "L" }.count == 2)
        // The first point stands alone: it gets a dot.
        #expect(svg.ofClass("series-dot").count == 1)
    }

    @Test func tickLabelsMatchTheTerminal() throws {
        let svg = try #require(parseSVG(chart.svg()))
        let terminal = chart.render(traits: renderTraits(width: 80))
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "epoch"))
    }

    @Test func logScaleTicksMatchTheTerminal() throws {
        let log = LineChart(xLabel: "epoch", series: [.init("loss", values: [2, 0.5, 0.05, 0.004, 0.001])], yScale: .log)
        let svg = try #require(parseSVG(log.svg()))
        let terminal = log.render(traits: renderTraits(width: 80))
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
        #expect(svgYTicks(svg).contains("0.01"))
    }

    @Test func stackedChartsShareOneXAxisAndAlignTheirYAxes() throws {
        let loss = LineChart(title: "run 1", yLabel: "loss",
                             series: [.init("train_loss", values: [0.9, 0.5, 0.3, 0.2]),
                                      .init("dev_loss", values: [1.0, 0.7, 0.6, 0.6])], height: 10)
        let accuracy = LineChart(xLabel: "epoch", yLabel: "dev_acc",
                                 series: [.init("dev_acc", values: [0.7, 0.85, 0.9, 0.92])], height: 8)
        let text = LineChart.svgStacked([loss, accuracy])
        let svg = try #require(parseSVG(text))
        #expect(svg.ofClass("series").count == 3)
        #expect(svg.texts(ofClass: "legend-label") == ["train_loss", "dev_loss", "dev_acc"])
        #expect(svg.texts(ofClass: "y-label") == ["loss", "dev_acc"])
        #expect(svg.texts(ofClass: "x-label") == ["epoch"])
        let terminal = LineChart.renderStacked([loss, accuracy], traits: renderTraits(width: 80))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "epoch"))
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
        // The panels' axis lines start at the same x; the upper panel is taller (10 rows vs 8).
        let axes = svg.ofClass("axis-line").compactMap { $0.attributes["d"] }
        #expect(axes.count == 2)
        let starts = axes.map { $0.split(separator: " ").first.map(String.init) }
        #expect(starts[0] == starts[1])
        #expect(text == LineChart.svgStacked([loss, accuracy]))
    }

    @Test func noDataSaysSo() throws {
        let empty = LineChart(title: "Loss", series: [.init("loss", values: [.nan])])
        let svg = try #require(parseSVG(empty.svg()))
        #expect(svg.texts(ofClass: "note") == ["(no data to plot)"])
        #expect(svg.texts(ofClass: "title") == ["Loss"])
    }
}
