/// A plain text table in the style of `sqlite3 .mode column`: a header line, a rule under it,
/// columns two spaces apart, no boxes.
///
/// ```swift
/// let table = TextTable(title: "Trials", headers: ["trial", "lr", "dev_acc"],
///                       rows: [["1", "0.01", "0.95"], ["2", "1e-04", "0.972"]], markedRow: 1)
/// for line in table.render(traits: console.traits) { console.line(line) }
/// ```
/// prints
/// ```text
/// Trials
///   trial  lr     dev_acc
///   ─────  ─────  ───────
///       1  0.01      0.95
/// ★     2  1e-04    0.972
/// ```
/// (With `markerNote: "best dev_acc"`, a line "★ best dev_acc" follows.)
/// Columns of numbers line up on the decimal point (integer parts right-aligned, decimals
/// left-aligned). The marked row (the best trial) gets "★" ("*" in ASCII mode) in a marker
/// column and is bold when colour is allowed. The table fits `traits.width`: wide text cells are
/// cut with "…" ("~" in ASCII mode), or wrapped in a `.wrapped` column; numbers are never cut,
/// long numeric headers are; notes wrap.
public struct TextTable: Sendable {
    /// How the cells of a column sit in it.
    public enum Alignment: Sendable, Equatable {
        /// `.decimal` when every cell that has a value is a number, `.left` otherwise.
        case automatic
        /// Text flush left; cut with an ellipsis when the table is too wide.
        case left
        /// Text flush right.
        case right
        /// Text centred.
        case center
        /// Numbers on the decimal point: integer parts right-aligned, decimals left-aligned.
        case decimal
        /// Text flush left, wrapped over several lines at spaces when the table is too wide
        /// (help pages: nothing is cut).
        case wrapped
    }

    /// One column: its header and alignment.
    public struct Column: Sendable, Equatable {
        /// The header text.
        public var header: String
        /// How cells sit in the column.
        public var alignment: Alignment
        /// How much room the column keeps when the table is narrowed: one of weight 2 is
        /// narrowed as if it were half as wide (the meaning column of a help table).
        public var weight: Int

        /// A column with a header and an alignment (automatic by default).
        public init(_ header: String, alignment: Alignment = .automatic, weight: Int = 1) {
            self.header = header
            self.alignment = alignment
            self.weight = max(weight, 1)
        }
    }

    /// A line above the table, or nil.
    public var title: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The cells, row by row; a short row is filled with empty cells.
    public var rows: [[String]]
    /// The index in `rows` of the row to mark (the best one), or nil for no marker column.
    public var markedRow: Int?
    /// Further rows to mark beside `markedRow` (a sweep's Pareto front: every trial on it).
    public var markedRows: Set<Int> = []
    /// What the marker means ("best dev_acc"): printed under the table after the marker glyph
    /// when a row is marked, or nil.
    public var markerNote: String?
    /// Lines printed under the table (a count of hidden rows, a hint).
    public var notes: [String]

    /// A table of `columns` and `rows`.
    public init(title: String? = nil, columns: [Column], rows: [[String]], markedRow: Int? = nil,
                markerNote: String? = nil, notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.markedRow = markedRow
        self.markerNote = markerNote
        self.notes = notes
    }

    /// A table whose columns are all aligned automatically.
    public init(title: String? = nil, headers: [String], rows: [[String]], markedRow: Int? = nil,
                markerNote: String? = nil, notes: [String] = []) {
        self.init(title: title, columns: headers.map { Column($0) }, rows: rows, markedRow: markedRow,
                  markerNote: markerNote, notes: notes)
    }

    /// Whether a row is marked, so the table has a marker column.
    var hasMarker: Bool {
        (markedRow.map { rows.indices.contains($0) } ?? false) || markedRows.contains { rows.indices.contains($0) }
    }

    /// Whether row `index` is marked (`markedRow` or one of `markedRows`).
    func isMarked(_ index: Int) -> Bool {
        hasMarker && (index == markedRow || markedRows.contains(index))
    }

    /// Every row padded with empty cells to the column count, and each column's layout before
    /// any fitting (a row longer than `columns` adds columns without a header).
    func cellsAndLayouts() -> (cells: [[String]], layouts: [ColumnLayout]) {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        let allColumns = (0..<count).map { $0 < columns.count ? columns[$0] : Column("") }
        let cells = rows.map { row in (0..<count).map { $0 < row.count ? row[$0] : "" } }
        let layouts = allColumns.indices.map { index in
            ColumnLayout(column: allColumns[index], cells: cells.map { $0[index] })
        }
        return (cells, layouts)
    }

    /// The lines under the table: the marker's meaning after `marker` when a row is marked, then the notes.
    func footer(marker: String) -> [String] {
        guard hasMarker, let markerNote else { return notes }
        return [marker + " " + markerNote] + notes
    }

    /// The width of the table with no column narrowed (marker, gaps and every cell whole).
    public var naturalWidth: Int {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        let widths = (0..<count).map { index -> Int in
            let header = index < columns.count ? columns[index].header.displayWidth : 0
            return rows.reduce(header) { widest, row in index < row.count ? max(widest, row[index].displayWidth) : widest }
        }
        let marker = hasMarker ? 2 : 0
        return marker + widths.reduce(0, +) + 2 * max(0, count - 1)
    }

    /// Removes the column at `index` and its cells.
    public mutating func removeColumn(at index: Int) {
        guard columns.indices.contains(index) else { return }
        columns.remove(at: index)
        for r in rows.indices where rows[r].indices.contains(index) { rows[r].remove(at: index) }
    }

    /// The table as lines of text, fitted to `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        let glyphs = Glyphs(unicode: traits.unicode)
        let (cells, unfitted) = cellsAndLayouts()
        var layouts = unfitted
        let count = layouts.count
        let markerWidth = hasMarker ? 2 : 0
        let gap = 2
        ColumnLayout.fit(&layouts, into: traits.width - markerWidth - gap * max(0, count - 1))

        var lines: [String] = []
        if let title {
            lines.append(Ink(.bold).apply(title.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                          enabled: traits.color))
        }
        guard count > 0 else { return lines + notes }
        let spacer = String(repeating: " ", count: gap)
        let leading = String(repeating: " ", count: markerWidth)

        var header = InkedLine()
        header.append(leading)
        for (index, layout) in layouts.enumerated() {
            if index > 0 { header.append(spacer) }
            header.append(layout.header(ellipsis: glyphs.ellipsis), Ink(.bold))
        }
        lines.append(clip(header, traits: traits, glyphs: glyphs))

        var rule = InkedLine()
        rule.append(leading)
        for (index, layout) in layouts.enumerated() {
            if index > 0 { rule.append(spacer) }
            rule.append(String(repeating: glyphs.rule, count: layout.width), Ink(.dim))
        }
        lines.append(clip(rule, traits: traits, glyphs: glyphs))

        for (rowIndex, row) in cells.enumerated() {
            let marked = isMarked(rowIndex)
            let ink = marked ? Ink(.bold) : Ink.none
            let parts = layouts.indices.map { layouts[$0].cellLines(row[$0], ellipsis: glyphs.ellipsis) }
            for part in 0..<(parts.map(\.count).max() ?? 1) {
                var line = InkedLine()
                if hasMarker {
                    line.append(marked && part == 0 ? glyphs.marker : " ", Ink(foreground: 3, bold: true))
                    line.append(" ")
                }
                for (index, layout) in layouts.enumerated() {
                    if index > 0 { line.append(spacer, ink) }
                    line.append(part < parts[index].count ? parts[index][part] : String(repeating: " ", count: layout.width), ink)
                }
                lines.append(clip(line, traits: traits, glyphs: glyphs).trimmingTrailingSpaces(if: part > 0))
            }
        }
        // Notes wrap at the width: a hint cut short says nothing.
        return lines + footer(marker: glyphs.marker).flatMap { $0.wrapped(toWidth: traits.width) }
    }

    /// A line cut to the width as a last resort (when even the narrowest columns do not fit).
    private func clip(_ line: InkedLine, traits: ConsoleTraits, glyphs: Glyphs) -> String {
        line.rendered(color: traits.color).fitted(toWidth: traits.width, ellipsis: glyphs.ellipsis)
    }
}

private extension String {
    /// The continuation line of a wrapped row without the padding of the columns after its text.
    func trimmingTrailingSpaces(if trim: Bool) -> String {
        guard trim else { return self }
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
