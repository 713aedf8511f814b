/// The rectangle of an SVG plot that data is drawn in, with the axes that map data to it.
///
/// Axis fraction 0 is the left (x) or bottom (y) edge, 1 the right or top edge, as in the
/// terminal frame; the grid lines, tick marks and tick labels sit at the same `Axis` ticks
/// the terminal labels.
struct SVGPlotArea: Sendable {
    /// Left edge.
    var left: Double
    /// Top edge.
    var top: Double
    /// Width.
    var width: Double
    /// Height.
    var height: Double
    /// The horizontal axis.
    var xAxis: Axis
    /// The vertical axis.
    var yAxis: Axis

    /// Right edge.
    var right: Double { left + width }
    /// Bottom edge.
    var bottom: Double { top + height }

    /// The horizontal position of a fraction of the x axis.
    func x(fraction: Double) -> Double { left + fraction * width }
    /// The vertical position of a fraction of the y axis.
    func y(fraction: Double) -> Double { bottom - fraction * height }

    /// Where a point is drawn, or nil when it cannot be shown (not finite, ≤ 0 on a log axis,
    /// or outside the axes).
    func position(_ point: PlotPoint) -> (x: Double, y: Double)? {
        guard let fx = xAxis.fraction(point.x), let fy = yAxis.fraction(point.y),
              fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
        return (x(fraction: fx), y(fraction: fy))
    }

    /// Light grid lines at the ticks of both axes (drawn under the data).
    func gridElement() -> SVGElement {
        var lines: [SVGElement] = []
        for position in yAxis.tickPositions where position >= -1e-9 && position <= 1 + 1e-9 {
            let y = self.y(fraction: position)
            lines.append(SVGElement("line", ["x1": left.svgText, "y1": y.svgText, "x2": right.svgText, "y2": y.svgText]))
        }
        for position in xAxis.tickPositions where position >= -1e-9 && position <= 1 + 1e-9 {
            let x = self.x(fraction: position)
            lines.append(SVGElement("line", ["x1": x.svgText, "y1": top.svgText, "x2": x.svgText, "y2": bottom.svgText]))
        }
        return SVGElement("g", ["class": "grid", "stroke": SVGStyle.gridColor, "stroke-width": "1"], children: lines)
    }

    /// The axis lines, tick marks and tick labels (drawn over the data). X tick labels that
    /// would overlap the one before are left out, as in the terminal.
    func axesElement(showXLabels: Bool) -> SVGElement {
        var children: [SVGElement] = [
            SVGElement("path", ["class": "axis-line",
                                "d": "M" + left.svgText + " " + top.svgText + "V" + bottom.svgText + "H" + right.svgText,
                                "fill": "none", "stroke": SVGStyle.axisColor, "stroke-width": "1.2"]),
        ]
        for (position, label) in zip(yAxis.tickPositions, yAxis.tickLabels) where position >= -1e-9 && position <= 1 + 1e-9 {
            let y = self.y(fraction: position)
            children.append(SVGElement("line", ["class": "tick", "x1": (left - 5).svgText, "y1": y.svgText,
                                                "x2": left.svgText, "y2": y.svgText,
                                                "stroke": SVGStyle.axisColor, "stroke-width": "1.2"]))
            children.append(SVGElement("text", ["class": "y-tick-label", "x": (left - 8).svgText, "y": y.svgText,
                                                "dy": "0.35em", "text-anchor": "end", "fill": SVGStyle.mutedTextColor],
                                       text: label))
        }
        var labelEnd = -Double.infinity
        for (position, label) in zip(xAxis.tickPositions, xAxis.tickLabels) where position >= -1e-9 && position <= 1 + 1e-9 {
            let x = self.x(fraction: position)
            children.append(SVGElement("line", ["class": "tick", "x1": x.svgText, "y1": bottom.svgText,
                                                "x2": x.svgText, "y2": (bottom + 5).svgText,
                                                "stroke": SVGStyle.axisColor, "stroke-width": "1.2"]))
            guard showXLabels else { continue }
            let half = SVGTextMetrics.width(label, size: SVGStyle.tickSize) / 2
            guard x - half >= labelEnd + 6 else { continue }
            labelEnd = x + half
            children.append(SVGElement("text", ["class": "x-tick-label", "x": x.svgText, "y": (bottom + 19).svgText,
                                                "text-anchor": "middle", "fill": SVGStyle.mutedTextColor],
                                       text: label))
        }
        return SVGElement("g", ["class": "axes"], children: children)
    }
}
