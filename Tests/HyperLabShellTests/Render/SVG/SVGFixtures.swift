import Foundation
@testable import HyperLabShell

/// Realistic plots for the SVG tests, from fixed formulas (no random streams).
enum SVGFixtures {
    /// A small deterministic wobble in -1…1.
    static func wobble(_ i: Int) -> Double { sin(Double(i) * 12.9898) * 0.5 + sin(Double(i) * 4.1414) * 0.5 }

    /// Learning curves of 30 epochs: losses above, dev accuracy below.
    static var curves: [LineChart] {
        let epochs = 1...30
        let train = epochs.map { 0.15 + 0.9 * exp(-Double($0) / 6) + 0.01 * wobble($0) }
        let dev = epochs.map { 0.25 + 0.8 * exp(-Double($0) / 7) + 0.004 * Double($0) + 0.02 * wobble($0 + 50) }
        let accuracy = epochs.map { 0.95 - 0.4 * exp(-Double($0) / 5) + 0.01 * wobble($0 + 99) }
        return [
            LineChart(title: "run 3 · mlp 2×64 relu · adam lr=0.001", yLabel: "loss",
                      series: [.init("train_loss", values: train), .init("dev_loss", values: dev)], height: 10),
            LineChart(xLabel: "epoch", yLabel: "dev_acc", series: [.init("dev_acc", values: accuracy)], height: 8),
        ]
    }

    /// 30 trials of a learning-rate sweep: the dev accuracy peaks near 3e-3; trials 7 and 19
    /// were pruned, trial 25 failed.
    static var trials: [(number: Int, lr: Double, value: Double, category: Int)] {
        (1...30).map { n in
            let lr = pow(10, -5 + 4 * (0.5 + 0.5 * wobble(n * 7)))
            let distance = log10(lr) - log10(3e-3)
            let value = 0.97 - 0.05 * distance * distance + 0.008 * wobble(n + 200)
            switch n {
            case 7, 19: return (n, lr, value - 0.1, 1)
            case 25: return (n, lr, .nan, 2)
            default: return (n, lr, value, 0)
            }
        }
    }

    /// The sweep as a scatter plot against the learning rate.
    static var scatter: ScatterPlot {
        let points = trials.map { ScatterPlot.Point(x: $0.lr, y: $0.value, category: $0.category) }
        let best = points.indices.filter { points[$0].category == 0 }.max { points[$0].y < points[$1].y }
        return ScatterPlot(title: "dev_acc against lr · sweep1, 30 trials", xLabel: "lr", yLabel: "dev_acc",
                           categories: [.complete, .pruned, .failed], points: points, xScale: .log, best: best)
    }

    /// The sweep as a history plot.
    static var history: HistoryPlot {
        HistoryPlot(title: "dev_acc per trial · sweep1 (tpe)", metric: "dev_acc", higherIsBetter: true,
                    trials: trials.map { .init(number: $0.number, value: $0.value, category: $0.category,
                                               countsForBest: $0.category == 0) })
    }

    /// A 5 × 4 grid of lr × weight decay, one cell missing.
    static var heatmap: Heatmap {
        let rates = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2]
        let decays = [0, 1e-5, 1e-4, 1e-3]
        let values: [[Double?]] = rates.enumerated().map { r, lr in
            decays.enumerated().map { c, wd in
                if r == 4 && c == 3 { return nil }
                let distance = log10(lr) - log10(2e-3)
                return 0.96 - 0.03 * distance * distance - (wd >= 1e-3 ? 0.02 : 0) + 0.003 * wobble(r * 4 + c)
            }
        }
        return Heatmap(title: "dev_acc over lr × weight_decay · grid1", rowName: "lr", columnName: "weight_decay",
                       rowLabels: rates.map { NumberFormat.metric($0) }, columnLabels: decays.map { NumberFormat.metric($0) },
                       values: values, higherIsBetter: true)
    }

    /// fANOVA-like importances, one of them slightly negative.
    static var bars: BarChart {
        BarChart(title: "importance for dev_acc · sweep1, 27 complete trials (fANOVA)",
                 bars: [.init("lr", 0.62), .init("weight_decay", 0.21), .init("units", 0.09),
                        .init("dropout", 0.031), .init("batch", -0.012)])
    }

    /// Two interleaved half moons, 120 points, with the regions of a 3-nearest-neighbour model.
    static var boundary: BoundaryMap {
        let samples = (0..<120).map { i -> BoundaryMap.Sample in
            let label = i % 2
            let t = Double.pi * Double(i / 2) / 59
            let noise = 0.12
            let x = label == 0 ? cos(t) : 1 - cos(t)
            let y = label == 0 ? sin(t) : 0.5 - sin(t)
            return .init(x: x + noise * wobble(i), y: y + noise * wobble(i + 500), label: label)
        }
        let grid = BoundaryMap.Grid.covering(samples.map { PlotPoint(x: $0.x, y: $0.y) }, traits: .plain, height: 20)
        // A 3-nearest-neighbour classifier: a wavy boundary with a few islands.
        let predictions = grid.points.map { p -> Int in
            let nearest = samples.sorted { a, b in
                (a.x - p.x) * (a.x - p.x) + (a.y - p.y) * (a.y - p.y) < (b.x - p.x) * (b.x - p.x) + (b.y - p.y) * (b.y - p.y)
            }.prefix(3)
            return nearest.filter { $0.label == 1 }.count >= 2 ? 1 : 0
        }
        return BoundaryMap(title: "run 2 · decision regions · 120 dev points", grid: grid, predictions: predictions,
                           samples: samples, classNames: ["0", "1"], xLabel: "x1", yLabel: "x2")
    }
}
