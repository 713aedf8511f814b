extension HistoryPlot {
    /// The plot as an SVG document `width` × `height` user units: each trial a marker of its
    /// category, the best-so-far staircase, the best trial starred, with the axes, legend and
    /// notes `render(traits:)` shows in an 80-column terminal (at the default width).
    public func svg(width: Int = 720, height: Int = 400) -> String {
        let (scatter, clipped) = scatterPlot
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
        if clipped > 0 { panel.notes.append(HistoryPlot.clippedNote(clipped)) }
        return SVGFigure.render([panel], width: width, height: height)
    }

    /// The colour of the best-so-far line.
    static let svgBestSoFarColor = SVGPalette.blue
}
