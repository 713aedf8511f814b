import Testing
@testable import HyperLabShell

@Suite struct ScatterPlotTests {
    let plot = ScatterPlot(title: "dev_acc by lr", xLabel: "lr", categories: [.complete, .pruned, .failed],
                           points: [.init(x: 1e-4, y: 0.9, category: 0), .init(x: 1e-3, y: 0.97, category: 0),
                                    .init(x: 1e-2, y: 0.93, category: 1), .init(x: 0.1, y: .nan, category: 2)],
                           xScale: .log, best: 1, height: 4)

    @Test func logAxisTicksAtPowersOfTenAndCategoriesHaveMarkers() {
        #expect(plot.render(traits: renderTraits(width: 50)) == textLines("""
            dev_acc by lr
            1.00 ┤
                 │                  ★
            0.95 ┤
                 │                                    ○
            0.90 ┤●
                 └┬─────────────────┬─────────────────┬
                1e-04             0.001              0.01  lr
                  ● complete (2)   ○ pruned (1)   × failed (1)
                  ★ best
                  1 of 4 not shown (no value or ≤ 0)
            """))
    }

    @Test func pointsWithoutAValueOfTheEdgeCategoryAreDrawnOnTheBottomEdge() {
        var edged = plot
        edged.bottomEdgeCategory = 2
        #expect(edged.render(traits: renderTraits(width: 50)) == textLines("""
            dev_acc by lr
            1.00 ┤
                 │                   ★
            0.95 ┤
                 │                             ○
            0.90 ┤          ●                           ×
                 └┬──────────────────┬──────────────────┬
                1e-05              0.001               0.1  lr
                  ● complete (2)   ○ pruned (1)   × failed (1)
                  ★ best
                  1 failed (no value) on the bottom edge
            """))
    }

    @Test func asciiMarkersAndBestPoint() {
        #expect(plot.render(traits: renderTraits(width: 50, unicode: false)) == textLines("""
            dev_acc by lr
            1.00 +
                 |                  @
            0.95 +
                 |                                    .
            0.90 +o
                 ++-----------------+-----------------+
                1e-04             0.001              0.01  lr
                  o complete (2)   . pruned (1)   x failed (1)
                  @ best
                  1 of 4 not shown (no value or <= 0)
            """))
    }

    @Test func moreDecadesShowEveryPowerOfTen() {
        let wide = ScatterPlot(points: [1e-5, 3e-4, 0.02, 0.3].map { .init(x: $0, y: 1) }, xScale: .log)
        let output = wide.render(traits: renderTraits(width: 80))
        let labels = output.first { $0.contains("1e-05") } ?? ""
        #expect(labels.split(separator: " ").map(String.init) == ["1e-05", "1e-04", "0.001", "0.01", "0.1", "1"])
    }

    @Test func colourOnlyWhenAllowed() {
        let coloured = plot.render(traits: renderTraits(width: 50, color: true))
        #expect(coloured.joined().contains("\u{1B}[32m●"))
        #expect(coloured.map(\.strippingANSI) == plot.render(traits: renderTraits(width: 50)))
    }
}
