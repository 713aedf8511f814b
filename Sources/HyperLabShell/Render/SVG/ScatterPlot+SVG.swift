extension ScatterPlot {
    /// The plot as an SVG document `width` × `height` user units: the same points, axes
    /// (log axes with ticks at powers of ten), legend counts and notes as `render(traits:)` in
    /// an 80-column terminal (at the default width); each category has its own marker and
    /// colour, and the best point is a star.
    public func svg(width: Int = 720, height: Int = 400) -> String {
        guard let panel = svgPanel(width: width) else {
            return SVGFigure.empty(title: title, message: "(no data to plot)", width: width, height: height)
        }
        return SVGFigure.render([panel], width: width, height: height)
    }

    /// The categories, padded with "category N" up to the largest index the points use (as
    /// `render` names them).
    var svgCategories: [PointCategory] {
        let count = max(categories.count, (points.map(\.category).max() ?? -1) + 1)
        return (0..<count).map { $0 < categories.count ? categories[$0] : PointCategory("category \($0)") }
    }

    /// The plot as a panel for a figure `width` units wide, or nil when no point can be shown.
    func svgPanel(width: Int) -> SVGPanel? {
        guard let spec = spec(traits: SVGFigure.traits(width: width)) else { return nil }
        var panel = SVGPanel(title: title, xLabel: xLabel, yLabel: yLabel, xAxis: spec.xAxis, yAxis: spec.yAxis)
        panel.weight = Double(height)
        let all = svgCategories
        // The first category is drawn last, on top, as in the terminal.
        for index in all.indices.reversed() {
            let shown = placedPoints(yAxis: spec.yAxis).filter { $0.category == index }.map { PlotPoint(x: $0.x, y: $0.y) }
            panel.layers.append(.markers(.init(points: shown, shape: SVGMarker.forCategory(all[index], index: index),
                                               color: SVGPalette.color(index, style: all[index].style))))
        }
        var entries: [SVGLegend.Entry] = []
        for (index, category) in all.enumerated() {
            let count = points.filter { $0.category == index }.count
            guard count > 0 else { continue }
            entries.append(.init(sample: .marker(SVGMarker.forCategory(category, index: index),
                                                 color: SVGPalette.color(index, style: category.style)),
                                 label: "\(category.name) (\(count))"))
        }
        if let best, points.indices.contains(best), panel.xAxis.fraction(points[best].x) != nil,
           panel.yAxis.fraction(points[best].y) != nil {
            panel.layers.append(.markers(.init(points: [PlotPoint(x: points[best].x, y: points[best].y)],
                                               shape: .star, color: SVGPalette.best, className: "best", size: 13)))
            entries.append(.init(sample: .marker(.star, color: SVGPalette.best), label: "best"))
        }
        panel.legend = SVGLegend(entries)
        panel.notes = spec.notes
        return panel
    }
}
