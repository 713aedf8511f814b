import Foundation
import HyperLabKit

/// `plot pareto`: a multi-objective sweep's complete trials over its first two metrics, the
/// Pareto front highlighted, in the terminal and in SVG.
extension Shell {
    /// The point kinds of the plot: the front first, then the dominated trials.
    private static let paretoCategories = [
        PointCategory("on the Pareto front", unicodeGlyph: "◆", asciiGlyph: "#", style: .green),
        PointCategory("dominated", unicodeGlyph: "·", asciiGlyph: ".", style: .dim),
    ]

    /// `plot pareto`.
    func plotPareto(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        guard sweep.isMultiObjective else {
            throw InputError("\(sweep.name) optimized one metric, so its front is its best trial", at: command.syntax.span,
                             hint: "sweep for two or three, as sweep tpe n=30 units=int(8, 128) metric=[dev_acc, parameters]; plot history shows a one-metric sweep")
        }
        let x = sweep.objectives[0], y = sweep.objectives[1]
        let front = Set(sweep.paretoFront.map(\.number))
        var points: [ScatterPlot.Point] = []
        for trial in sweep.trials where trial.state == .complete {
            guard let a = trial.metrics[x.name], let b = trial.metrics[y.name], a.isFinite, b.isFinite else { continue }
            points.append(.init(x: a, y: b, category: front.contains(trial.number) ? 0 : 1))
        }
        guard !points.isEmpty else {
            throw InputError("\(sweep.name) has no complete trial to plot", at: command.syntax.span,
                             hint: "results shows why its trials stopped")
        }
        func scale(_ values: [Double]) -> AxisScale {
            guard let low = values.min(), let high = values.max(), low > 0 else { return .linear }
            return high / low >= 20 ? .log : .linear
        }
        let title = "\(y.name) against \(x.name) · \(sweep.name), \(points.count) complete trials, \(front.count) on the front"
            + (sweep.objectives.count > 2 ? " (\(sweep.objectives[2].name) not drawn)" : "")
        let plot = ScatterPlot(title: title, xLabel: "\(x.name) (\(x.direction == .maximize ? "higher" : "lower") is better)",
                               yLabel: y.name, categories: Shell.paretoCategories, points: points,
                               xScale: scale(points.map(\.x)), yScale: scale(points.map(\.y)))
        return PlotResult(text: { traits in plot.render(traits: traits) + ["", Shell.paretoSummary(sweep)]
                              .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } },
                          svg: plot.svg())
    }
}
