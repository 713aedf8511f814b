/// A legend drawn as a column of entries (a sample of the mark, then its name), in sections
/// that may have a heading ("points", "regions").
struct SVGLegend: Sendable {
    /// What an entry's sample shows.
    enum Sample: Sendable, Equatable {
        /// A short line, with a marker in the middle when the series has markers.
        case line(color: String, marker: SVGMarker?)
        /// A point marker.
        case marker(SVGMarker, color: String)
        /// A filled square (a shade of a heat map, a decision region).
        case swatch(fill: String)
        /// An empty square with a thick outline (the best heat-map cell).
        case outline(color: String)
    }

    /// One entry.
    struct Entry: Sendable, Equatable {
        /// The sample.
        var sample: Sample
        /// The name shown beside it.
        var label: String
    }

    /// Entries under an optional heading.
    struct Section: Sendable, Equatable {
        /// The heading, or nil.
        var heading: String?
        /// The entries.
        var entries: [Entry]
    }

    /// The sections, top to bottom.
    var sections: [Section] = []

    /// Height of one row.
    static let rowHeight = 20.0
    /// Width of a sample.
    static let sampleWidth = 26.0
    /// Space between a sample and its label.
    static let sampleGap = 8.0

    /// A legend of one section without a heading.
    init(_ entries: [Entry] = []) {
        if !entries.isEmpty { sections = [Section(heading: nil, entries: entries)] }
    }

    /// A legend of the given sections.
    init(sections: [Section]) {
        self.sections = sections.filter { !$0.entries.isEmpty }
    }

    /// Whether there is nothing to show.
    var isEmpty: Bool { sections.allSatisfy(\.entries.isEmpty) }

    /// The width it needs, at most `maxWidth` (longer labels are cut).
    func width(maxWidth: Double) -> Double {
        guard !isEmpty else { return 0 }
        var widest = 0.0
        for section in sections {
            if let heading = section.heading {
                widest = max(widest, SVGTextMetrics.width(heading, size: SVGStyle.labelSize, bold: true))
            }
            for entry in section.entries {
                widest = max(widest, SVGLegend.sampleWidth + SVGLegend.sampleGap
                             + SVGTextMetrics.width(entry.label, size: SVGStyle.labelSize))
            }
        }
        // One unit of slack, so that labels measured to fit are not cut by rounding.
        return min(widest + 1, maxWidth)
    }

    /// The height it needs.
    var height: Double {
        var rows = 0.0
        for (index, section) in sections.enumerated() {
            if index > 0 { rows += 0.5 }
            rows += Double(section.entries.count) + (section.heading == nil ? 0 : 1)
        }
        return rows * SVGLegend.rowHeight
    }

    /// The legend as a group whose top-left corner is (x, y), `width` wide.
    func element(x: Double, y: Double, width: Double) -> SVGElement {
        var children: [SVGElement] = []
        var top = y
        let labelWidth = max(10, width - SVGLegend.sampleWidth - SVGLegend.sampleGap)
        for (index, section) in sections.enumerated() {
            if index > 0 { top += SVGLegend.rowHeight / 2 }
            if let heading = section.heading {
                children.append(SVGElement("text", ["class": "legend-heading", "x": x.svgText,
                                                    "y": (top + SVGLegend.rowHeight / 2).svgText, "dy": "0.35em",
                                                    "font-size": SVGStyle.labelSize.svgText, "font-weight": "bold",
                                                    "fill": SVGStyle.mutedTextColor],
                                           text: SVGTextMetrics.truncated(heading, toWidth: width, size: SVGStyle.labelSize, bold: true)))
                top += SVGLegend.rowHeight
            }
            for entry in section.entries {
                let middle = top + SVGLegend.rowHeight / 2
                children += sample(entry.sample, x: x, y: middle)
                children.append(SVGElement("text", ["class": "legend-label",
                                                    "x": (x + SVGLegend.sampleWidth + SVGLegend.sampleGap).svgText,
                                                    "y": middle.svgText, "dy": "0.35em",
                                                    "font-size": SVGStyle.labelSize.svgText],
                                           text: SVGTextMetrics.truncated(entry.label, toWidth: labelWidth,
                                                                          size: SVGStyle.labelSize)))
                top += SVGLegend.rowHeight
            }
        }
        return SVGElement("g", ["class": "legend"], children: children)
    }

    private func sample(_ sample: Sample, x: Double, y: Double) -> [SVGElement] {
        let w = SVGLegend.sampleWidth
        switch sample {
        case .line(let color, let marker):
            var out = [SVGElement("line", ["class": "legend-sample", "x1": x.svgText, "y1": y.svgText,
                                           "x2": (x + w).svgText, "y2": y.svgText, "stroke": color,
                                           "stroke-width": "2.5", "stroke-linecap": "round"])]
            if let marker {
                out.append(marker.element(x: x + w / 2, y: y, size: 9, color: color, className: "legend-sample"))
            }
            return out
        case .marker(let marker, let color):
            return [marker.element(x: x + w / 2, y: y, size: marker == .star ? 10 : 9, color: color,
                                   className: "legend-sample")]
        case .swatch(let fill):
            return [SVGElement("rect", ["class": "legend-sample", "x": (x + 3).svgText, "y": (y - 7).svgText,
                                        "width": (w - 6).svgText, "height": "14", "fill": fill,
                                        "stroke": "#bbbbbb", "stroke-width": "0.6"])]
        case .outline(let color):
            return [SVGElement("rect", ["class": "legend-sample", "x": (x + 4).svgText, "y": (y - 6).svgText,
                                        "width": (w - 8).svgText, "height": "12", "fill": "none",
                                        "stroke": color, "stroke-width": "2.5"])]
        }
    }
}
