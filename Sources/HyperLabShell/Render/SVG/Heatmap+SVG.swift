extension Heatmap {
    /// The map as an SVG document `width` units wide and at most `height` high (a small grid
    /// takes less): one coloured cell per value with the value written in it (as the terminal
    /// writes it), the same four shade levels as the Unicode terminal (by rank, darker for
    /// better) in a colour-blind-safe blue ramp, the best cell outlined, missing cells "—",
    /// and a legend of the levels' value ranges.
    public func svg(width: Int = 720, height: Int = 400) -> String {
        let rowCount = max(rowLabels.count, values.count)
        let columnCount = max(columnLabels.count, values.map(\.count).max() ?? 0)
        let finite = (0..<rowCount).flatMap { r in (0..<columnCount).compactMap { value(r, $0) } }
        guard !finite.isEmpty, rowCount > 0, columnCount > 0 else {
            return SVGFigure.empty(title: title, message: "(no values to show)", width: width, height: height)
        }
        let w = Double(max(1, width))
        let margin = SVGStyle.margin
        let levels = Heatmap.svgLevels
        let fills = SVGPalette.heat(levels: levels)
        var elements: [SVGElement] = []
        var top = margin
        if let title {
            let block = SVGFigure.titleBlock(title, x: margin, top: top, width: w - 2 * margin)
            elements += block.elements
            top += block.height + 12
        }

        let legend = svgLegend(finite: finite, fills: fills)
        let legendWidth = legend.width(maxWidth: w * SVGFigure.maxLegendShare)
        let rowTexts = (0..<rowCount).map { $0 < rowLabels.count ? rowLabels[$0] : "" }
        let columnTexts = (0..<columnCount).map { $0 < columnLabels.count ? columnLabels[$0] : "" }
        let rowLabelWidth = min(w * 0.25, rowTexts.map { SVGTextMetrics.width($0, size: SVGStyle.labelSize) }.max() ?? 0)
        let left = margin + 24 + rowLabelWidth + 10
        let available = w - left - margin - legendWidth - SVGFigure.legendGap
        let cellWidth = max(24, min(120, available / Double(columnCount)))
        let headerHeight = 20.0 + 22.0
        let cellHeight = max(18, min(44, (Double(height) - top - headerHeight - margin) / Double(rowCount)))
        let gridTop = top + headerHeight
        let gridWidth = cellWidth * Double(columnCount)
        let gridHeight = cellHeight * Double(rowCount)

        elements.append(SVGElement("text", ["class": "column-name", "x": (left + gridWidth / 2).svgText,
                                            "y": (top + 14).svgText, "text-anchor": "middle",
                                            "font-size": SVGStyle.labelSize.svgText, "font-weight": "bold",
                                            "fill": SVGStyle.mutedTextColor], text: columnName))
        var labels: [SVGElement] = []
        // Column labels shrink (to 9 units) to fit their cells before they are cut.
        let columnSize = SVGTextMetrics.fittingSize(columnTexts, maxWidth: cellWidth - 6, size: SVGStyle.labelSize)
        for (c, text) in columnTexts.enumerated() {
            labels.append(SVGElement("text", ["class": "column-label", "x": (left + (Double(c) + 0.5) * cellWidth).svgText,
                                              "y": (gridTop - 7).svgText, "text-anchor": "middle",
                                              "font-size": columnSize.svgText],
                                     text: SVGTextMetrics.truncated(text, toWidth: cellWidth - 4, size: columnSize)))
        }
        for (r, text) in rowTexts.enumerated() {
            labels.append(SVGElement("text", ["class": "row-label", "x": (left - 10).svgText,
                                              "y": (gridTop + (Double(r) + 0.5) * cellHeight).svgText, "dy": "0.35em",
                                              "text-anchor": "end", "font-size": SVGStyle.labelSize.svgText],
                                     text: SVGTextMetrics.truncated(text, toWidth: rowLabelWidth, size: SVGStyle.labelSize)))
        }
        let nameX = margin + 8
        let nameY = gridTop + gridHeight / 2
        labels.append(SVGElement("text", ["class": "row-name", "x": nameX.svgText, "y": nameY.svgText,
                                          "transform": "rotate(-90 " + nameX.svgText + " " + nameY.svgText + ")",
                                          "dy": "0.35em", "text-anchor": "middle", "font-size": SVGStyle.labelSize.svgText,
                                          "font-weight": "bold", "fill": SVGStyle.mutedTextColor],
                                 text: SVGTextMetrics.truncated(rowName, toWidth: max(gridHeight, 60), size: SVGStyle.labelSize,
                                                                bold: true)))
        elements.append(SVGElement("g", ["class": "labels"], children: labels))

        let best = bestCell
        let texts = (0..<rowCount).map { r in
            (0..<columnCount).map { c in value(r, c).map { NumberFormat.metric($0, significant: significant) } ?? "—" }
        }
        // One size for all values, the largest at which every value fits its cell.
        let valueSize = SVGTextMetrics.fittingSize(texts.flatMap { $0 }, maxWidth: cellWidth - 8,
                                                   size: min(SVGStyle.labelSize, cellHeight * 0.5), minimum: 7)
        var cells: [SVGElement] = []
        var outline: SVGElement?
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                let x = left + Double(c) * cellWidth
                let y = gridTop + Double(r) * cellHeight
                let v = value(r, c)
                let fill = v.map { fills[level($0, among: finite, levels: levels)] } ?? SVGStyle.emptyCellColor
                cells.append(SVGElement("rect", ["class": "cell", "x": x.svgText, "y": y.svgText,
                                                 "width": cellWidth.svgText, "height": cellHeight.svgText,
                                                 "fill": fill, "stroke": "#ffffff", "stroke-width": "2"]))
                let isBest = best.map { $0.row == r && $0.column == c } ?? false
                var label = SVGElement("text", ["class": "cell-value", "x": (x + cellWidth / 2).svgText,
                                                "y": (y + cellHeight / 2).svgText, "dy": "0.35em",
                                                "text-anchor": "middle", "font-size": valueSize.svgText,
                                                "fill": v == nil ? SVGStyle.noteColor
                                                    : SVGPalette.needsLightText(on: fill) ? "#ffffff" : SVGStyle.textColor],
                                       text: texts[r][c])
                if isBest {
                    label.set("font-weight", "bold")
                    outline = SVGElement("rect", ["class": "best", "x": (x + 2).svgText, "y": (y + 2).svgText,
                                                  "width": (cellWidth - 4).svgText, "height": (cellHeight - 4).svgText,
                                                  "fill": "none", "stroke": Heatmap.svgBestColor, "stroke-width": "3.5"])
                }
                cells.append(label)
            }
        }
        if let outline { cells.append(outline) }
        elements.append(SVGElement("g", ["class": "data"], children: cells))
        elements.append(legend.element(x: left + gridWidth + SVGFigure.legendGap, y: gridTop, width: legendWidth))

        let documentHeight = Int((max(gridTop + gridHeight, gridTop + legend.height) + margin).rounded(.up))
        var document = SVGDocument(width: width, height: min(max(1, height), documentHeight),
                                   title: title.map(SVGFigure.singleLine))
        document.add(elements)
        return document.rendered()
    }

    /// Shade levels of the SVG: the four of the Unicode terminal.
    static let svgLevels = 4
    /// The outline of the best cell (vermillion, apart from the blue ramp).
    static let svgBestColor = SVGPalette.vermillion

    /// The legend: each level's range of values (as the terminal writes them), then the best.
    func svgLegend(finite: [Double], fills: [String]) -> SVGLegend {
        var entries: [SVGLegend.Entry] = []
        for l in fills.indices.reversed() {
            let members = finite.filter { level($0, among: finite, levels: fills.count) == l }
            guard let from = members.min(), let to = members.max() else { continue }
            let range = from == to ? NumberFormat.metric(from, significant: significant)
                : NumberFormat.metric(from, significant: significant) + "–" + NumberFormat.metric(to, significant: significant)
            entries.append(.init(sample: .swatch(fill: fills[l]), label: range))
        }
        entries.append(.init(sample: .outline(color: Heatmap.svgBestColor),
                             label: higherIsBetter ? "best (highest)" : "best (lowest)"))
        return SVGLegend(entries)
    }
}
