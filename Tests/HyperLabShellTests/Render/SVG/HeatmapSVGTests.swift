import Testing
@testable import HyperLabShell

@Suite struct HeatmapSVGTests {
    let map = Heatmap(title: "dev_acc & more", rowName: "lr", columnName: "weight_decay",
                      rowLabels: ["1e-04", "0.001", "0.01"], columnLabels: ["0", "1e-04"],
                      values: [[0.91, 0.92], [0.97, 0.972], [0.95, nil]], higherIsBetter: true)

    @Test func oneCellPerValueWithItsNumberAndTheBestOutlined() throws {
        let svg = try #require(parseSVG(map.svg()))
        let cells = svg.ofClass("cell")
        #expect(cells.count == 6)
        #expect(svg.texts(ofClass: "cell-value") == ["0.91", "0.92", "0.97", "0.972", "0.95", "—"])
        let best = try #require(svg.ofClass("best").first)
        #expect(svg.ofClass("best").count == 1)
        // The outline sits inside the cell of 0.972 (row 1, column 1).
        let cell = cells[3]
        #expect((best.number("x") ?? 0) > (cell.number("x") ?? 0))
        #expect((best.number("y") ?? 0) > (cell.number("y") ?? 0))
        #expect((best.number("x") ?? 0) < (cell.number("x") ?? 0) + (cell.number("width") ?? 0))
        #expect(svg.texts(ofClass: "row-label") == ["1e-04", "0.001", "0.01"])
        #expect(svg.texts(ofClass: "column-label") == ["0", "1e-04"])
        #expect(svg.texts(ofClass: "row-name") == ["lr"])
        #expect(svg.texts(ofClass: "column-name") == ["weight_decay"])
        #expect(svg.texts(ofClass: "title") == ["dev_acc & more"])
    }

    @Test func shadesAreTheTerminalsLevelsDarkerForBetter() throws {
        let svg = try #require(parseSVG(map.svg()))
        let fills = svg.ofClass("cell").map { $0.attributes["fill"] ?? "" }
        let ramp = SVGPalette.heat(levels: 4)
        #expect(fills[0] == ramp[0])
        #expect(fills[3] == ramp[3])
        #expect(fills[5] == SVGStyle.emptyCellColor)
        // The legend lists the same ranges as the terminal's, best first.
        let terminal = map.render(traits: renderTraits(width: 80)).joined(separator: " ")
        let ranges = svg.texts(ofClass: "legend-label").dropLast()
        #expect(ranges.count == 4)
        for range in ranges { #expect(terminal.contains(range)) }
        #expect(svg.texts(ofClass: "legend-label").last == "best (highest)")
    }

    @Test func aSmallGridTakesLessThanTheHeightGiven() throws {
        let svg = try #require(parseSVG(map.svg(width: 720, height: 1000)))
        let height = try #require(svg.root?.number("height"))
        #expect(height < 400)
        #expect(svg.root?.attributes["viewBox"] == "0 0 720 \(Int(height))")
    }

    @Test func noValuesSaysSo() throws {
        let empty = Heatmap(rowName: "a", columnName: "b", rowLabels: ["1"], columnLabels: ["2"], values: [[nil]])
        let svg = try #require(parseSVG(empty.svg()))
        #expect(svg.texts(ofClass: "note") == ["(no values to show)"])
    }
}
