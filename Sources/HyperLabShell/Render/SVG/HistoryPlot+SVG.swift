extension HistoryPlot {
    /// The plot as an SVG document `width` × `height` user units: each trial a marker of its
    /// category, the best-so-far staircase, the best trial starred, with the axes, legend and
    /// notes `render(traits:)` shows in an 80-column terminal (at the default width).
    public func svg(width: Int = 720, height: Int = 400) -> String {
        let scatter = svgScatter
        guard var panel = scatter.svgPanel(width: width) else {
            return SVGFigure.empty(title: scatter.title ?? metric, message: "(no data to plot)",
                                   width: width, height: height)
        }
        // The staircase goes under the markers.
        panel.layers.insert(.line(.init(points: bestSoFar, color: HistoryPlot.svgBestSoFarColor, step: true,
                                        className: "best-so-far")), at: 0)
        var entries = panel.legend.sections.first?.entries ?? []
        let insertAt = entries.firstIndex { $0.label == "best" } ?? entries.count
        entries.insert(.init(sample: .line(color: HistoryPlot.svgBestSoFarColor, marker: nil), label: "best so far"),
                       at: insertAt)
        panel.legend = SVGLegend(entries)
        return SVGFigure.render([panel], width: width, height: height)
    }

    /// The colour of the best-so-far line.
    static let svgBestSoFarColor = SVGPalette.blue

    /// The trials as the scatter plot `render` draws: in trial order, the best counting trial
    /// marked.
    var svgScatter: ScatterPlot {
        let ordered = trials.sorted { $0.number < $1.number }
        let bestIndex = ordered.indices.filter { ordered[$0].countsForBest && ordered[$0].value.isFinite }
            .min { a, b in
                higherIsBetter ? ordered[a].value > ordered[b].value : ordered[a].value < ordered[b].value
            }
        return ScatterPlot(title: title ?? "\(metric) per trial", xLabel: "trial", yLabel: metric,
                           categories: categories,
                           points: ordered.map { .init(x: Double($0.number), y: $0.value, category: $0.category) },
                           best: bestIndex, height: height)
    }
}
