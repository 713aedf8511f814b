import Testing
@testable import HyperLabShell

@Suite struct BoundaryMapSVGTests {
    let grid = BoundaryMap.Grid(columns: 8, rows: 4, xRange: 0...4, yRange: 0...2)

    var map: BoundaryMap {
        BoundaryMap(title: "regions", grid: grid, predictions: grid.points.map { $0.x < 2 ? 0 : 1 },
                    samples: [.init(x: 0.5, y: 0.5, label: 0), .init(x: 3.5, y: 1.5, label: 1),
                              .init(x: 1.2, y: 1.7, label: 1), .init(x: 9, y: 9, label: 0)],
                    classNames: ["a", "b"], xLabel: "x1", yLabel: "x2")
    }

    @Test func regionsAreRunsOfCellsAndSamplesAreMarkersByClass() throws {
        let svg = try #require(parseSVG(map.svg()))
        // Each row is two runs (class a left of x = 2, class b right of it).
        let regions = svg.ofClass("region")
        #expect(regions.count == 8)
        #expect(regions.map { $0.attributes["fill"] } == Array(repeating: [SVGPalette.tint(0), SVGPalette.tint(1)], count: 4).flatMap { $0 })
        let widths = regions.compactMap { $0.number("width") }
        #expect(abs(widths[0] - widths[1]) < 0.02)
        let samples = svg.ofClass("sample")
        #expect(samples.count == 3)
        #expect(samples.filter { $0.name == "circle" }.count == 1)
        #expect(samples.filter { $0.attributes["stroke"] == SVGPalette.color(1) }.count == 2)
        #expect(svg.texts(ofClass: "legend-heading") == ["points", "regions"])
        #expect(svg.texts(ofClass: "legend-label") == ["a", "b", "a", "b"])
    }

    @Test func theNoteAndTicksMatchTheTerminal() throws {
        let svg = try #require(parseSVG(map.svg()))
        let terminal = map.render(traits: renderTraits(width: 80))
        #expect(svg.texts(ofClass: "note") == ["misclassified: 1 of 3 points; 1 outside the map"])
        #expect(terminal.last?.trimmingCharacters(in: .whitespaces) == svg.texts(ofClass: "note").first)
        #expect(svgYTicks(svg) == terminalYTicks(terminal))
        #expect(svg.texts(ofClass: "x-tick-label") == terminalXTicks(terminal, xLabel: "x1"))
    }

    @Test func equalUnitsOnBothAxes() throws {
        let svg = try #require(parseSVG(map.svg()))
        let regions = svg.ofClass("region")
        let cellWidth = (regions[0].number("width") ?? 0) / 4
        let cellHeight = regions[0].number("height") ?? 0
        // Cells are 0.5 × 0.5 data units: square on the page.
        #expect(abs(cellWidth - cellHeight) < 0.05)
    }
}
