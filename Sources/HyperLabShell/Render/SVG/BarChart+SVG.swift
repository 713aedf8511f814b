extension BarChart {
    /// The chart as an SVG document `width` units wide and at most `height` high (fewer bars
    /// take less): the bars in the order given, each labelled with the value the terminal
    /// shows, lengths proportional to the values (the longest spans the plot, as in the terminal), light grid
    /// lines at nice ticks,
    /// negative bars left of a zero line.
    public func svg(width: Int = 720, height: Int = 400) -> String {
        guard !bars.isEmpty else {
            return SVGFigure.empty(title: title, message: "(no data to plot)", width: width, height: height)
        }
        let w = Double(max(1, width))
        let margin = SVGStyle.margin
        var elements: [SVGElement] = []
        var top = margin
        if let title {
            let block = SVGFigure.titleBlock(title, x: margin, top: top, width: w - 2 * margin)
            elements += block.elements
            top += block.height + 14
        }
        let texts = bars.map { NumberFormat.metric($0.value, significant: significant) }
        let labelWidth = min(w * 0.3, bars.map { SVGTextMetrics.width($0.label, size: SVGStyle.labelSize) }.max() ?? 0)
        let valueWidth = texts.map { SVGTextMetrics.width($0, size: SVGStyle.tickSize) }.max() ?? 0
        let axis = svgAxis
        let hasNegative = axis.low < 0
        let areaLeft = margin + labelWidth + 12 + (hasNegative ? valueWidth + 6 : 0)
        let areaRight = w - margin - valueWidth - 8
        let areaWidth = max(20, areaRight - areaLeft)
        let axisSpace = 28.0
        let rowHeight = min(40, max(14, (Double(height) - top - margin - axisSpace) / Double(bars.count)))
        let areaHeight = rowHeight * Double(bars.count)
        let documentHeight = Int((top + areaHeight + axisSpace + margin).rounded(.up))
        func x(_ value: Double) -> Double { areaLeft + (axis.fraction(value) ?? 0) * areaWidth }

        var grid: [SVGElement] = []
        var ticks: [SVGElement] = []
        for (position, label) in zip(axis.tickPositions, axis.tickLabels) {
            let tx = areaLeft + position * areaWidth
            grid.append(SVGElement("line", ["x1": tx.svgText, "y1": top.svgText, "x2": tx.svgText,
                                            "y2": (top + areaHeight).svgText]))
            ticks.append(SVGElement("text", ["class": "x-tick-label", "x": tx.svgText, "y": (top + areaHeight + 19).svgText,
                                             "text-anchor": "middle", "fill": SVGStyle.mutedTextColor], text: label))
        }
        elements.append(SVGElement("g", ["class": "grid", "stroke": SVGStyle.gridColor, "stroke-width": "1"], children: grid))

        var marks: [SVGElement] = []
        let zero = x(0)
        for (index, (bar, text)) in zip(bars, texts).enumerated() {
            let middle = top + (Double(index) + 0.5) * rowHeight
            marks.append(SVGElement("text", ["class": "bar-label", "x": (areaLeft - 12 - (hasNegative ? valueWidth + 6 : 0)).svgText,
                                             "y": middle.svgText, "dy": "0.35em", "text-anchor": "end",
                                             "font-size": SVGStyle.labelSize.svgText],
                                    text: SVGTextMetrics.truncated(bar.label, toWidth: labelWidth, size: SVGStyle.labelSize)))
            let end = bar.value.isFinite ? x(bar.value) : zero
            let thickness = rowHeight * 0.64
            if bar.value.isFinite, bar.value != 0 {
                marks.append(SVGElement("rect", ["class": "bar", "x": min(zero, end).svgText,
                                                 "y": (middle - thickness / 2).svgText,
                                                 "width": abs(end - zero).svgText, "height": thickness.svgText,
                                                 "fill": SVGPalette.color(of: bar.style ?? .cyan)]))
            }
            let negative = bar.value.isFinite && bar.value < 0
            marks.append(SVGElement("text", ["class": "bar-value", "x": (negative ? end - 6 : max(end, zero) + 6).svgText,
                                             "y": middle.svgText, "dy": "0.35em",
                                             "text-anchor": negative ? "end" : "start"], text: text))
        }
        elements.append(SVGElement("g", ["class": "data"], children: marks))
        elements.append(SVGElement("line", ["class": "zero-line", "x1": zero.svgText, "y1": top.svgText,
                                            "x2": zero.svgText, "y2": (top + areaHeight).svgText,
                                            "stroke": SVGStyle.axisColor, "stroke-width": "1.2"]))
        elements.append(SVGElement("g", ["class": "axes"], children: ticks))

        var document = SVGDocument(width: width, height: min(max(1, height), documentHeight),
                                   title: title.map(SVGFigure.singleLine))
        document.add(elements)
        return document.rendered()
    }

    /// The value axis: from the smallest value (or zero) to the largest (or zero), as the
    /// terminal scales the bars, with nice ticks inside that range.
    var svgAxis: Axis {
        let finite = bars.map(\.value).filter(\.isFinite)
        let low = min(finite.min() ?? 0, 0)
        let high = max(finite.max() ?? 0, 0)
        return Axis.inside(low: low, high: high > low ? high : low + 1, targetTicks: 5)
    }
}
