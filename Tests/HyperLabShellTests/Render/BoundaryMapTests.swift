import Testing
@testable import HyperLabShell

@Suite struct BoundaryMapTests {
    let grid = BoundaryMap.Grid(columns: 8, rows: 4, xRange: 0...4, yRange: 0...2)

    @Test func gridCellsStandForTheirCentresRowByRowFromTheTop() {
        #expect(grid.points.count == 32)
        #expect(grid.points[0] == PlotPoint(x: 0.25, y: 1.75))
        #expect(grid.points[7] == PlotPoint(x: 3.75, y: 1.75))
        #expect(grid.points[31] == PlotPoint(x: 3.75, y: 0.25))
        #expect(grid.cell(of: PlotPoint(x: 1.2, y: 1.7)).map { [$0.column, $0.row] } == [2, 0])
        #expect(grid.cell(of: PlotPoint(x: 4, y: 0)).map { [$0.column, $0.row] } == [7, 3])
        #expect(grid.cell(of: PlotPoint(x: 5, y: 0)) == nil)
    }

    @Test func fittingMakesUnitsLookSquareWithinTheWidth() {
        let square = BoundaryMap.Grid.fitting(xRange: 0...1, yRange: 0...1, traits: renderTraits(width: 80), height: 10)
        #expect(square.rows == 10 && square.columns == 20)
        let wide = BoundaryMap.Grid.fitting(xRange: 0...100, yRange: 0...1, traits: renderTraits(width: 40), height: 10)
        #expect(wide.columns <= 40 - 4)
        let covering = BoundaryMap.Grid.covering([PlotPoint(x: 0, y: 0), PlotPoint(x: 10, y: 5)], traits: renderTraits())
        #expect(covering.xRange == -1...11 && covering.yRange == -0.5...5.5)
    }

    var map: BoundaryMap {
        BoundaryMap(grid: grid, predictions: grid.points.map { $0.x < 2 ? 0 : 1 },
                    samples: [.init(x: 0.5, y: 0.5, label: 0), .init(x: 3.5, y: 1.5, label: 1),
                              .init(x: 1.2, y: 1.7, label: 1)],
                    classNames: ["a", "b"], xLabel: "x1", yLabel: "x2")
    }

    @Test func regionsAreTexturedAndPointsMarkedByClass() {
        #expect(map.render(traits: renderTraits()) == textLines("""
            x2
            2 ┤  × ░░░×
            1 ┤    ░░░░
              │ ●  ░░░░
            0 ┤    ░░░░
              └┬───┬──┬
               0   2  4  x1
               points:  ● a   × b
               regions: (blank) a   ░░ b
               misclassified: 1 of 3 points
            """))
        #expect(map.render(traits: renderTraits(unicode: false)) == textLines("""
            x2
            2 +  x ...x
            1 +    ....
              | o  ....
            0 +    ....
              ++---+--+
               0   2  4  x1
               points:  o a   x b
               regions: (blank) a   .. b
               misclassified: 1 of 3 points
            """))
    }

    @Test func colourPaintsRegionBackgroundsInsteadOfTextures() {
        let coloured = map.render(traits: renderTraits(color: true))
        #expect(coloured.joined().contains("\u{1B}[48;5;153m"))
        #expect(coloured.joined().contains("\u{1B}[48;5;223m"))
        #expect(!coloured.joined().contains("░"))
    }

    @Test func theMajorityClassOfACellIsShown() {
        let crowded = BoundaryMap(grid: grid, predictions: Array(repeating: 0, count: 32),
                                  samples: [.init(x: 0.1, y: 0.1, label: 1), .init(x: 0.2, y: 0.2, label: 0),
                                            .init(x: 0.3, y: 0.3, label: 1), .init(x: 9, y: 9, label: 0)],
                                  classNames: ["a", "b"])
        let output = crowded.render(traits: renderTraits(width: 60))
        #expect(output.contains { $0.hasPrefix("0.0 ┤×") || $0.hasPrefix("0 ┤×") })
        #expect(output.last == "   misclassified: 2 of 3 points; 1 outside the map")
    }

    @Test func theModelsOwnPredictionsDecideWhatIsMisclassified() {
        // Every cell says class 0, but the model put the first point in class 1 (its own
        // position lies across a boundary from its cell's centre): only the prediction counts.
        let predicted = BoundaryMap(grid: grid, predictions: Array(repeating: 0, count: 32),
                                    samples: [.init(x: 0.1, y: 0.1, label: 1, predicted: 1),
                                              .init(x: 1.1, y: 0.1, label: 0, predicted: 1),
                                              .init(x: 2.1, y: 0.1, label: 0, predicted: 0)],
                                    classNames: ["a", "b"])
        #expect(predicted.placement.misclassified == 1)
        #expect(predicted.render(traits: renderTraits(width: 60)).last == "   misclassified: 1 of 3 points")
        #expect(predicted.svg().contains("misclassified: 1 of 3 points"))
    }
}
