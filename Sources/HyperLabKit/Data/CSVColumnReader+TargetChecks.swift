/// What a target column must satisfy beyond its kind: class labels that are one line of text,
/// not too many classes, and regression values that training can represent.
extension CSVColumnReader {
    /// Refuses a class label holding a control character (a line break inside quotes, a tab, a
    /// NUL byte): it would break every table and message that shows the class.
    /// - Throws: `DataError` `.invalidClassLabel` naming the first such cell.
    func checkClassLabels(column: Int) throws(DataError) {
        for row in table.rows {
            let text = row.cells[column].trimmedCell
            guard let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) else { continue }
            let what = switch control {
            case "\n", "\r": "a line break"
            case "\t": "a tab"
            case "\0": "a NUL byte"
            default: "the control character U+\(String(control.value, radix: 16, uppercase: true))"
            }
            throw DataError(.invalidClassLabel,
                            "line \(row.line), column \(column + 1) ('\(columnName(column))'): the class label '\(text.excerpt)' holds \(what)",
                            hint: "a class label is one line of text: remove \(what) from the cell (quotes let it in)",
                            file: file, line: row.line, column: column + 1, key: "target")
        }
    }

    /// Refuses more than `limit` distinct classes: a column with that many labels is more likely
    /// an identifier or a number to predict than classes to learn.
    /// - Parameter numeric: whether the labels are numbers (then regression is likely meant).
    /// - Throws: `DataError` `.tooManyClasses`.
    func checkClassCount(_ count: Int, column: Int, limit: Int, numeric: Bool) throws(DataError) {
        guard count > limit else { return }
        let name = columnName(column)
        let alternative = numeric ? "task=regression predicts the number; " : "choose another target column; "
        throw DataError(.tooManyClasses,
                        "the target '\(name)' has \(count) distinct classes, more than max_classes=\(limit)",
                        hint: alternative + "max_classes=\(count) allows them all",
                        file: file, line: table.headerLine, column: column + 1, key: "max_classes")
    }

    /// Refuses a regression target beyond ±`Float.greatestFiniteMagnitude` (about 3.4e38):
    /// training holds targets as 32-bit numbers, in which it would be infinite.
    /// - Parameter values: the targets, one per row of the table.
    /// - Throws: `DataError` `.valueOutOfRange` naming the first such cell.
    func checkRegressionRange(_ values: [Double], column: Int) throws(DataError) {
        let limit = Double(Float.greatestFiniteMagnitude)
        guard let r = values.firstIndex(where: { abs($0) > limit }) else { return }
        let line = table.rows[r].line
        throw DataError(.valueOutOfRange,
                        "line \(line), column \(column + 1) ('\(columnName(column))'): the target \(NumberText.canonical(values[r])) is too large to train on (beyond ±3.4e38, the range of 32-bit numbers)",
                        hint: "rescale the column in the file (divide it by a power of ten), or predict its logarithm",
                        file: file, line: line, column: column + 1, key: "target")
    }

    /// A column's name as an error quotes it.
    func columnName(_ column: Int) -> String {
        table.header[column].trimmedCell.excerpt
    }
}
