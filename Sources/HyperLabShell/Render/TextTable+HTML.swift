/// A `TextTable` as an HTML table, for notebook front ends that show `text/html` (the Jupyter
/// kernel sends it beside the text).
extension TextTable {
    /// The table as HTML: its title as the caption, every column whole (no narrowing), numbers
    /// right-aligned, the marked rows bold with the marker glyph, the marker note and the notes as
    /// paragraphs under it. Cells are escaped, so any text is safe.
    ///
    /// ```swift
    /// TextTable(headers: ["trial", "dev_acc"], rows: [["1", "0.95"]], markedRow: 0).html
    /// // <table class="hyperlab">…<tr style="font-weight: bold"><td>★</td>…
    /// ```
    public var html: String {
        let (cells, layouts) = cellsAndLayouts()
        let styles = layouts.map { layout -> String in
            switch layout.alignment {
            case .decimal, .right: " style=\"text-align: right\""
            case .center: " style=\"text-align: center\""
            default: " style=\"text-align: left\""
            }
        }
        var html = "<table class=\"hyperlab\">\n"
        if let title { html += "<caption>\(Self.escaped(title))</caption>\n" }
        html += "<thead><tr>" + (hasMarker ? "<th></th>" : "")
        for (layout, style) in zip(layouts, styles) { html += "<th\(style)>\(Self.escaped(layout.headerText))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in cells.enumerated() {
            let marked = isMarked(rowIndex)
            html += marked ? "<tr style=\"font-weight: bold\">" : "<tr>"
            if hasMarker { html += "<td>" + (marked ? "★" : "") + "</td>" }
            for (cell, style) in zip(row, styles) { html += "<td\(style)>\(Self.escaped(cell))</td>" }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        for note in footer(marker: "★") { html += "<p>\(Self.escaped(note))</p>\n" }
        return html
    }

    /// `text` escaped for HTML character content (as for SVG: entities, no control characters).
    static func escaped(_ text: String) -> String { SVGEscape.text(text) }
}
