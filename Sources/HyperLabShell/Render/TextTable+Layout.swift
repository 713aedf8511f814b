/// How one column of a `TextTable` is laid out: its alignment, its width, and for a column of
/// numbers the widths of the integer and decimal parts.
struct ColumnLayout: Sendable {
    /// The resolved alignment (never `.automatic`).
    let alignment: TextTable.Alignment
    /// The header text.
    let headerText: String
    /// Widest integer part and widest decimal part of the numbers (decimal columns).
    let integerWidth: Int
    let fractionWidth: Int
    /// The widest cell.
    let dataWidth: Int
    /// The width the column has after fitting.
    var width: Int
    /// The column's weight when the table is narrowed (`TextTable.Column.weight`).
    let weight: Int
    /// The widest word of a cell (a wrapped column is not narrowed below it, up to 20 columns).
    let longestWord: Int

    /// Cells that stand for "no value" and do not stop a column from being numeric.
    static let missingMarks: Set<String> = ["", "-", "—", "nan", "inf", "-inf"]

    init(column: TextTable.Column, cells: [String]) {
        headerText = column.header
        weight = column.weight
        longestWord = column.alignment == .wrapped
            ? cells.flatMap { $0.split(separator: " ") }.map { String($0).displayWidth }.max() ?? 0 : 0
        var resolved = column.alignment
        if resolved == .automatic {
            let values = cells.filter { !ColumnLayout.missingMarks.contains($0) }
            resolved = !values.isEmpty && values.allSatisfy { Double($0) != nil } ? .decimal : .left
        }
        alignment = resolved
        if resolved == .decimal {
            let parts = cells.map(ColumnLayout.split)
            integerWidth = parts.map { $0.integer.displayWidth }.max() ?? 0
            fractionWidth = parts.map { $0.fraction.displayWidth }.max() ?? 0
            dataWidth = integerWidth + fractionWidth
        } else {
            integerWidth = 0
            fractionWidth = 0
            dataWidth = cells.map(\.displayWidth).max() ?? 0
        }
        width = max(dataWidth, column.header.displayWidth)
    }

    /// Splits a number at its decimal point ("12.5" → "12" and ".5"; "1e-04" → "1" and "e-04");
    /// text that is not a number stays whole as the integer part.
    static func split(_ cell: String) -> (integer: String, fraction: String) {
        guard Double(cell) != nil else { return (cell, "") }
        if let dot = cell.firstIndex(of: ".") {
            return (String(cell[..<dot]), String(cell[dot...]))
        }
        if let e = cell.dropFirst().firstIndex(where: { $0 == "e" || $0 == "E" }) {
            return (String(cell[..<e]), String(cell[e...]))
        }
        return (cell, "")
    }

    /// The narrowest width this column accepts at the given stage of fitting.
    private func minimum(shrinkNumbers: Bool) -> Int {
        switch alignment {
        case .left, .center, .automatic:
            return min(width, max(4, min(headerText.displayWidth, 6)))
        case .wrapped:
            return min(width, max(12, headerText.displayWidth, min(longestWord, 20)))
        case .right, .decimal:
            return shrinkNumbers ? max(dataWidth, 3) : width
        }
    }

    /// Narrows columns until their widths add up to at most `room`: first the widest text
    /// columns, each width divided by its weight (down to a few characters), then the headers of number columns (down to the
    /// width of their numbers). Numbers are never cut.
    static func fit(_ layouts: inout [ColumnLayout], into room: Int) {
        for shrinkNumbers in [false, true] {
            while layouts.reduce(0, { $0 + $1.width }) > room {
                var chosen: Int?
                for index in layouts.indices where layouts[index].width > layouts[index].minimum(shrinkNumbers: shrinkNumbers) {
                    if let best = chosen,
                       layouts[best].width * layouts[index].weight >= layouts[index].width * layouts[best].weight { continue }
                    chosen = index
                }
                guard let index = chosen else { break }
                layouts[index].width -= 1
            }
        }
    }

    /// The header, cut and placed like the cells.
    func header(ellipsis: String) -> String {
        let text = headerText.truncated(toWidth: width, ellipsis: ellipsis)
        switch alignment {
        case .right, .decimal: return text.padded(to: width, .right)
        case .center: return text.padded(to: width, .center)
        case .left, .automatic, .wrapped: return text.padded(to: width, .left)
        }
    }

    /// A cell as the lines it takes: several for a wrapped column, one (cut) otherwise.
    func cellLines(_ text: String, ellipsis: String) -> [String] {
        guard alignment == .wrapped else { return [cell(text, ellipsis: ellipsis)] }
        return text.wrapped(toWidth: width).map { $0.padded(to: width, .left) }
    }

    /// A cell, cut and placed in the column's width.
    func cell(_ text: String, ellipsis: String) -> String {
        switch alignment {
        case .decimal:
            let parts = ColumnLayout.split(text)
            let block = parts.integer.padded(to: integerWidth, .right) + parts.fraction.padded(to: fractionWidth, .left)
            return block.padded(to: width, .right)
        case .right:
            return text.truncated(toWidth: width, ellipsis: ellipsis).padded(to: width, .right)
        case .center:
            return text.truncated(toWidth: width, ellipsis: ellipsis).padded(to: width, .center)
        case .left, .automatic, .wrapped:
            return text.truncated(toWidth: width, ellipsis: ellipsis).padded(to: width, .left)
        }
    }
}
