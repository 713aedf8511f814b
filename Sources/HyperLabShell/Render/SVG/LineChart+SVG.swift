extension LineChart {
    /// The chart as an SVG document `width` × `height` user units: the same series, names,
    /// values and axis ticks as `render(traits:)` in an 80-column terminal (at the default
    /// width; a character cell stands for 9 units), each series a coloured line, with markers
    /// when there are several, and a legend.
    public func svg(width: Int = 720, height: Int = 400) -> String {
        LineChart.svgStacked([self], width: width, height: height)
    }

    /// Several charts one above the other sharing one x axis (ticks and axis name under the
    /// last only) and aligned on their y axes, as `renderStacked(_:traits:)` draws them: e.g.
    /// train and dev loss above, the dev metric below. Each chart's share of the height
    /// follows its `height`.
    public static func svgStacked(_ charts: [LineChart], width: Int = 720, height: Int = 440) -> String {
        let drawable = charts.filter(\.hasData)
        guard !drawable.isEmpty else {
            let titles = charts.compactMap(\.title)
            return SVGFigure.empty(title: titles.isEmpty ? nil : titles.joined(separator: "\n"),
                                   message: "(no data to plot)", width: width, height: height)
        }
        let traits = SVGFigure.traits(width: width)
        let allX = drawable.flatMap { $0.series.flatMap { $0.points.filter { $0.y.isFinite }.map(\.x) } }
        let integers = allX.allSatisfy { $0.isFinite && $0 == $0.rounded() }
        let xAxis = Axis.covering(allX, scale: .linear, targetTicks: max(2, (traits.width - 16) / 12),
                                  integers: integers)
        let panels = drawable.enumerated().map { index, chart in
            chart.svgPanel(xAxis: xAxis, showXLabels: index == drawable.count - 1)
        }
        return SVGFigure.render(panels, width: width, height: height)
    }

    /// The y axis, as the terminal computes it.
    var svgYAxis: Axis {
        let ys = series.flatMap { $0.points.filter(\.x.isFinite).map(\.y) }
        return Axis.covering(ys, scale: yScale, targetTicks: max(3, height / 3 + 1))
    }

    private func svgPanel(xAxis: Axis, showXLabels: Bool) -> SVGPanel {
        var panel = SVGPanel(title: title, xLabel: showXLabels ? xLabel : nil, yLabel: yLabel,
                             xAxis: xAxis, yAxis: svgYAxis)
        panel.showXLabels = showXLabels
        panel.weight = Double(max(1, height))
        let marked = series.count > 1
        var entries: [SVGLegend.Entry] = []
        for (index, one) in series.enumerated() {
            let color = SVGPalette.color(index, style: one.style)
            let marker = marked ? SVGMarker.series(index) : nil
            panel.layers.append(.line(.init(points: one.points, color: color, marker: marker,
                                            markerPhase: Double(index) / Double(series.count))))
            entries.append(.init(sample: .line(color: color, marker: marker), label: one.name))
        }
        panel.legend = SVGLegend(entries)
        panel.notes += sameCurveNotes
        return panel
    }
}
