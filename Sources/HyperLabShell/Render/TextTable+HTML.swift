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
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        let styles = (0..<count).map { index -> String in
            let column = index < columns.count ? columns[index] : Column("")
            let cells = rows.map { index < $0.count ? $0[index] : "" }
            switch ColumnLayout(column: column, cells: cells).alignment {
            case .decimal, .right: return " style=\"text-align: right\""
            case .center: return " style=\"text-align: center\""
            default: return " style=\"text-align: left\""
            }
        }
        var html = "<table class=\"hyperlab\">\n"
        if let title { html += "<caption>\(Self.escaped(title))</caption>\n" }
        html += "<thead><tr>" + (hasMarker ? "<th></th>" : "")
        for index in 0..<count {
            html += "<th\(styles[index])>\(Self.escaped(index < columns.count ? columns[index].header : ""))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in rows.enumerated() {
            let marked = hasMarker && (rowIndex == markedRow || markedRows.contains(rowIndex))
            html += marked ? "<tr style=\"font-weight: bold\">" : "<tr>"
            if hasMarker { html += "<td>" + (marked ? "★" : "") + "</td>" }
            for index in 0..<count {
                html += "<td\(styles[index])>\(Self.escaped(index < row.count ? row[index] : ""))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        var footer = notes
        if hasMarker, let markerNote { footer.insert("★ " + markerNote, at: 0) }
        for note in footer { html += "<p>\(Self.escaped(note))</p>\n" }
        return html
    }

    /// `text` escaped for HTML character content (as for SVG: entities, no control characters).
    static func escaped(_ text: String) -> String { SVGEscape.text(text) }
}
