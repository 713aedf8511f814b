/// Leaving rows out (a missing target, `missing=drop`) and reading text feature columns.
extension CSVColumnReader {
    /// Whether a cell's text marks a missing value.
    static func isMissing(_ text: String) -> Bool {
        missingMarkers.contains(text.trimmedCell.lowercased())
    }

    /// The reader over the rows that have a target and, under `missing=drop`, no missing feature
    /// cell; `report` counts the rows left out.
    /// - Throws: `DataError` `.noRowsLeft` when no row remains.
    func keepingRows(plan: ColumnPlan, missing: MissingValuePolicy,
                     report: inout LoadReport) throws(DataError) -> CSVColumnReader {
        let features = plan.numeric + plan.text
        var rows = [CSVTable.Row]()
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            if CSVColumnReader.isMissing(row.cells[plan.target]) {
                report.rowsWithoutTarget += 1
            } else if missing == .drop, features.contains(where: { CSVColumnReader.isMissing(row.cells[$0]) }) {
                report.rowsWithGaps += 1
            } else {
                rows.append(row)
            }
        }
        let left = report.rowsWithoutTarget + report.rowsWithGaps
        guard !rows.isEmpty else {
            var why = [String]()
            if report.rowsWithoutTarget > 0 { why.append("\(report.rowsWithoutTarget) without a target") }
            if report.rowsWithGaps > 0 { why.append("\(report.rowsWithGaps) with missing cells (missing=drop)") }
            throw DataError(.noRowsLeft, "no row is left: all \(left) rows were left out (\(why.joined(separator: ", ")))",
                            hint: report.rowsWithGaps > 0 ? "impute instead: missing=median or missing=mean, or drop= the gappy columns"
                                                          : "fill in the target column '\(columnName(plan.target))'",
                            file: file, line: table.headerLine, column: plan.target + 1,
                            key: report.rowsWithGaps > 0 ? "missing" : "target")
        }
        var reader = CSVColumnReader(table: CSVTable(header: table.header, headerLine: table.headerLine, rows: rows), file: file)
        if left > 0 { reader.afterDropping = " after leaving out \(left) row\(left == 1 ? "" : "s")" }
        return reader
    }

    /// The text feature columns, each with its distinct values.
    /// - Throws: `DataError` `.tooManyCategories` for a column with more than `maxCategories` values.
    func textColumns(_ columns: [Int], maxCategories: Int) throws(DataError) -> [TextColumn] {
        var out = [TextColumn]()
        for c in columns {
            let name = table.header[c].trimmedCell
            let cells = table.rows.map { row -> String? in
                let text = row.cells[c].trimmedCell
                return CSVColumnReader.isMissing(text) ? nil : text
            }
            let column = TextColumn(name: name, cells: cells)
            if column.values.count > maxCategories {
                let line = table.rows.first.map(\.line) ?? table.headerLine
                throw DataError(.tooManyCategories,
                                "column \(c + 1) ('\(columnName(c))') holds text with \(column.values.count) distinct values, more than max_categories=\(maxCategories)",
                                hint: "drop=[\(DatasetSource.quotedName(name).excerpt)] leaves it out; max_categories=\(column.values.count) encodes every value",
                                file: file, line: line, column: c + 1, key: "max_categories")
            }
            out.append(column)
        }
        return out
    }
}
