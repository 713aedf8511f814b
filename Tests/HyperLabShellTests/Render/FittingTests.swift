import Testing
@testable import HyperLabShell

/// Every renderer keeps within the width it is given, in both modes, and is deterministic.
@Suite struct FittingTests {
    static let widths = [24, 40, 61, 80, 132]

    func renderings(_ traits: ConsoleTraits) -> [[String]] {
        let epochs = (1...25).map(Double.init)
        let train = epochs.map { 1 / $0 }
        let dev = epochs.map { 1 / $0 + 0.1 }
        let grid = BoundaryMap.Grid.fitting(xRange: -2...2, yRange: -1...1, traits: traits, height: 8)
        return [
            TextTable(title: "A fairly long title for a narrow terminal",
                      headers: ["trial", "learning_rate", "optimizer", "dev_accuracy", "state"],
                      rows: [["1", "0.001", "adam with warm restarts", "0.972", "complete"]], markedRow: 0)
                .render(traits: traits),
            LineChart(title: "Learning curves", xLabel: "epoch", yLabel: "loss",
                      series: [.init("train_loss", values: train), .init("dev_loss", values: dev)])
                .render(traits: traits),
            ScatterPlot(xLabel: "learning_rate", points: [1e-5, 1e-3, 0.1].map { .init(x: $0, y: $0 * 3) },
                        xScale: .log).render(traits: traits),
            Heatmap(rowName: "lr", columnName: "weight_decay", rowLabels: ["1e-04", "0.001"],
                    columnLabels: ["0", "1e-05", "1e-04", "0.001", "0.01"],
                    values: [[0.9, 0.91, 0.92, 0.93, 0.94], [0.95, 0.96, 0.97, 0.98, 0.99]]).render(traits: traits),
            BarChart(bars: [.init("a rather long parameter name", 0.7), .init("lr", 0.2)]).render(traits: traits),
            BoundaryMap(grid: grid, predictions: grid.points.map { $0.x < 0 ? 0 : 1 },
                        samples: [.init(x: -1, y: 0, label: 0), .init(x: 1, y: 0, label: 1)],
                        classNames: ["left", "right"]).render(traits: traits),
            [ProgressLine.sweep(done: 3, total: 50, running: 2, pruned: 1, failed: 1,
                                best: (metric: "dev_acc", value: 0.9, trial: 2), elapsed: 30).render(traits: traits)],
        ]
    }

    @Test(arguments: widths)
    func everyLineFitsTheWidth(width: Int) {
        for (unicode, color) in [(true, false), (false, false), (true, true)] {
            for rendering in renderings(renderTraits(width: width, unicode: unicode, color: color)) {
                for line in rendering {
                    #expect(line.displayWidth <= width, "\(line)")
                }
            }
        }
    }

    @Test func asciiModeWritesOnlyAscii() {
        for rendering in renderings(renderTraits(width: 80, unicode: false)) {
            for line in rendering {
                #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
            }
        }
    }

    @Test func renderingIsDeterministic() {
        #expect(renderings(renderTraits(width: 80)) == renderings(renderTraits(width: 80)))
    }
}
