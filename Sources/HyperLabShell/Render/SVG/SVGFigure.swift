/// Lays out x–y panels as one SVG document: the title on top, the panels one above the other
/// (aligned on their y axes and sharing the width), each with its legend on the right, the
/// x tick labels and axis name under the last panel, then the notes. The document is
/// `width` × `height`, or less high when a panel keeps its aspect ratio and leaves space.
enum SVGFigure {
    /// Space between the plot area and the legend.
    static let legendGap = 20.0
    /// Space between stacked panels.
    static let panelGap = 28.0
    /// The widest a legend may be, as a fraction of the figure's width.
    static let maxLegendShare = 0.34

    /// The figure as SVG text.
    static func render(_ panels: [SVGPanel], width: Int, height: Int) -> String {
        let w = Double(max(1, width))
        let h = Double(max(1, height))
        let margin = SVGStyle.margin
        let title = panels.first?.title
        var elements: [SVGElement] = []
        var top = margin
        if let title {
            let block = titleBlock(title, x: margin, top: top, width: w - 2 * margin)
            elements += block.elements
            top += block.height + 10
        }

        let legendWidth = panels.map { $0.legend.width(maxWidth: w * maxLegendShare) }.max() ?? 0
        let yNameWidth = panels.contains { $0.yLabel != nil } ? 24.0 : 0
        let tickWidth = panels.flatMap { $0.yAxis.tickLabels }
            .map { SVGTextMetrics.width($0, size: SVGStyle.tickSize) }.max() ?? 0
        let left = margin + yNameWidth + tickWidth + 10
        let last = panels.last
        let overhang = (last?.xAxis.tickLabels.last).map { SVGTextMetrics.width($0, size: SVGStyle.tickSize) / 2 } ?? 0
        let right = w - margin - max(overhang, legendWidth > 0 ? legendWidth + legendGap : 0)
        let notes = panels.flatMap(\.notes)
        var bottom = h - margin - Double(notes.count) * 17
        if last?.showXLabels ?? false {
            bottom -= 24
            if last?.xLabel != nil { bottom -= 20 }
        }
        let gaps = panels.dropFirst().map { $0.title == nil ? panelGap : panelGap + SVGStyle.subtitleSize + 8 }.reduce(0, +)
        let totalWeight = max(1e-9, panels.map { max(0, $0.weight) }.reduce(0, +))
        let available = max(40, bottom - top - gaps)

        var lastArea: SVGPlotArea?
        for (index, panel) in panels.enumerated() {
            if index > 0 {
                top += panelGap
                if let subtitle = panel.title {
                    elements.append(SVGElement("text", ["class": "subtitle", "x": margin.svgText,
                                                     "y": (top + SVGStyle.subtitleSize).svgText,
                                                     "font-size": SVGStyle.subtitleSize.svgText, "font-weight": "bold"],
                                            text: singleLine(subtitle)))
                    top += SVGStyle.subtitleSize + 8
                }
            }
            var areaWidth = max(40, right - left)
            var areaHeight = max(20, available * max(0, panel.weight) / totalWeight)
            if let aspect = panel.aspect, aspect.isFinite, aspect > 0 {
                if areaWidth / areaHeight > aspect { areaWidth = areaHeight * aspect } else { areaHeight = areaWidth / aspect }
            }
            let area = SVGPlotArea(left: left, top: top, width: areaWidth, height: areaHeight,
                                   xAxis: panel.xAxis, yAxis: panel.yAxis)
            elements.append(area.gridElement())
            elements.append(SVGElement("g", ["class": "data"], children: panel.layerElements(in: area)))
            elements.append(area.axesElement(showXLabels: panel.showXLabels))
            if let yLabel = panel.yLabel {
                let x = margin + 8
                let y = area.top + area.height / 2
                elements.append(SVGElement("text", ["class": "y-label", "x": x.svgText, "y": y.svgText,
                                                 "transform": "rotate(-90 " + x.svgText + " " + y.svgText + ")",
                                                 "dy": "0.35em", "text-anchor": "middle",
                                                 "font-size": SVGStyle.labelSize.svgText,
                                                 "fill": SVGStyle.mutedTextColor],
                                        text: SVGTextMetrics.truncated(yLabel, toWidth: area.height, size: SVGStyle.labelSize)))
            }
            if !panel.legend.isEmpty {
                elements.append(panel.legend.element(x: area.right + legendGap, y: area.top, width: legendWidth))
            }
            top += areaHeight
            lastArea = area
        }

        var y = top
        if let area = lastArea, let panel = last, panel.showXLabels {
            y += 24
            if let xLabel = panel.xLabel {
                y += 20
                elements.append(SVGElement("text", ["class": "x-label", "x": (area.left + area.width / 2).svgText,
                                                 "y": (y - 4).svgText, "text-anchor": "middle",
                                                 "font-size": SVGStyle.labelSize.svgText, "fill": SVGStyle.mutedTextColor],
                                        text: SVGTextMetrics.truncated(xLabel, toWidth: area.width, size: SVGStyle.labelSize)))
            }
        }
        for note in notes {
            y += 17
            elements.append(noteElement(note, x: left, y: y - 4))
        }
        // A panel that keeps its aspect may leave space below: the document ends after the notes.
        let used = panels.contains { $0.aspect != nil } ? Int((y + margin).rounded(.up)) : height
        var svg = SVGDocument(width: width, height: min(height, max(1, used)), title: title.map(singleLine))
        svg.add(elements)
        return svg.rendered()
    }

    /// A note (small grey text) with its baseline at y.
    static func noteElement(_ note: String, x: Double, y: Double) -> SVGElement {
        SVGElement("text", ["class": "note", "x": x.svgText, "y": y.svgText, "fill": SVGStyle.noteColor], text: note)
    }

    /// A title whose top is at `top`, and the height it takes: one text element per line,
    /// the first line of `title` large and bold (wrapped onto a second line when too long),
    /// further lines (after "\n") smaller.
    static func titleBlock(_ title: String, x: Double, top: Double, width: Double) -> (elements: [SVGElement], height: Double) {
        var elements: [SVGElement] = []
        var y = top
        for (index, line) in title.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let size = index == 0 ? SVGStyle.titleSize : SVGStyle.labelSize
            let pieces = index == 0
                ? SVGTextMetrics.wrapped(String(line), toWidth: width, size: size, bold: true)
                : [SVGTextMetrics.truncated(String(line), toWidth: width, size: size)]
            for piece in pieces {
                y += size * 1.25
                var element = SVGElement("text", ["class": "title", "x": x.svgText, "y": (y - size * 0.25).svgText,
                                                  "font-size": size.svgText], text: piece)
                if index == 0 { element.set("font-weight", "bold") } else { element.set("fill", SVGStyle.mutedTextColor) }
                elements.append(element)
            }
        }
        return (elements, y - top)
    }

    /// A document saying there is nothing to plot, under the title (if any).
    static func empty(title: String?, message: String, width: Int, height: Int) -> String {
        var document = SVGDocument(width: width, height: height, title: title.map(singleLine))
        var top = SVGStyle.margin
        if let title {
            let block = titleBlock(title, x: SVGStyle.margin, top: top, width: Double(width) - 2 * SVGStyle.margin)
            document.add(block.elements)
            top += block.height
        }
        document.add(noteElement(message, x: SVGStyle.margin, y: top + 24))
        return document.rendered()
    }

    /// `text` on one line (line breaks become " · "), for a document's `<title>`.
    static func singleLine(_ text: String) -> String {
        text.split(separator: "\n").joined(separator: " · ")
    }

    /// The traits of a terminal as wide as an SVG figure, for the axes' tick counts: a
    /// character cell stands for 9 user units, so the default 720 units are 80 columns and an
    /// SVG gets the ticks an 80-column terminal shows.
    static func traits(width: Int) -> ConsoleTraits {
        ConsoleTraits(isTerminal: false, color: false, width: max(20, width / 9), unicode: true)
    }
}
