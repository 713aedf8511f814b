import Testing
@testable import HyperLabShell

@Suite struct BarChartSVGTests {
    let chart = BarChart(title: "importance <fANOVA>",
                         bars: [.init("lr", 0.62), .init("weight_decay", 0.25), .init("batch", -0.05), .init("units", .nan)])

    @Test func oneBarPerValueWithTheTerminalsNumbers() throws {
        let svg = try #require(parseSVG(chart.svg()))
        #expect(svg.ofClass("bar").count == 3)
        #expect(svg.texts(ofClass: "bar-label") == ["lr", "weight_decay", "batch", "units"])
        #expect(svg.texts(ofClass: "bar-value") == ["0.62", "0.25", "-0.05", "nan"])
        let terminal = chart.render(traits: renderTraits(width: 80))
        for (line, value) in zip(terminal.dropFirst(), svg.texts(ofClass: "bar-value")) {
            #expect(line.hasSuffix(value))
        }
        #expect(svg.texts(ofClass: "title") == ["importance <fANOVA>"])
    }

    @Test func lengthsAreProportionalAndNegativeBarsGrowLeftOfZero() throws {
        let svg = try #require(parseSVG(chart.svg()))
        let bars = svg.ofClass("bar")
        let widths = bars.compactMap { $0.number("width") }
        #expect(abs(widths[0] / widths[1] - 0.62 / 0.25) < 0.02)
        let zero = try #require(svg.ofClass("zero-line").first?.number("x1"))
        #expect(abs((bars[0].number("x") ?? 0) - zero) < 0.01)
        #expect(abs((bars[2].number("x") ?? 0) + widths[2] - zero) < 0.02)
    }

    @Test func fewBarsTakeLessThanTheHeightGiven() throws {
        let svg = try #require(parseSVG(chart.svg()))
        #expect((svg.root?.number("height") ?? 400) < 400)
    }
}
