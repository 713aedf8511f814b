/// Turns the cells of a parsed CSV table into numeric features and a target, checking each
/// cell and naming the line and column of the first bad one.
struct CSVColumnReader {
    /// The parsed table.
    let table: CSVTable
    /// The file named in errors.
    let file: String
    /// Words added to a single-class error when rows were left out before it (" after leaving out 3 rows").
    var afterDropping = ""

    /// Cell texts read as missing values (compared without case, after trimming).
    static let missingMarkers: Set<String> = ["", "na", "nan", "n/a", "null", "?"]

    /// The target column as class labels or values; `task` nil infers it. Rows with a missing
    /// target must have been left out (`rows(keeping:)`). At most `limits.maxClasses` classes;
    /// regression values must fit training's 32-bit numbers. (`checkClassLabels` checks the
    /// labels' text, after the feature cells.)
    func target(column: Int, task: LearningTask?, limits: CSVLoadLimits = CSVLoadLimits()) throws(DataError) -> DatasetTarget {
        let name = columnName(column)
        var texts = [String]()
        var numbers = [Double]()
        var firstText: (line: Int, text: String)?
        texts.reserveCapacity(table.rows.count)
        for row in table.rows {
            let text = row.cells[column].trimmedCell
            texts.append(text)
            if firstText == nil {
                if let x = Double(text), x.isFinite { numbers.append(x) } else { firstText = (row.line, text) }
            }
        }
        let resolved = task ?? CSVColumnReader.inferTask(numbers: firstText == nil ? numbers : nil, rows: texts.count)
        switch resolved {
        case .regression:
            if let bad = firstText {
                throw DataError(.nonNumericTarget, "line \(bad.line): the target '\(name)' is '\(bad.text.excerpt)', not a number",
                                hint: "regression needs a numeric target; use task=classification for labels",
                                file: file, line: bad.line, column: column + 1)
            }
            try checkRegressionRange(numbers, column: column)
            return .values(numbers)
        case .classification:
            let distinct = firstText == nil ? Set(numbers).count : Set(texts).count
            try checkClassCount(distinct, column: column, limit: limits.maxClasses, numeric: firstText == nil)
            let keys = firstText == nil ? numbers.map { NumberText.canonical($0) } : texts
            let names = firstText == nil
                ? Array(Set(numbers)).sorted().map { NumberText.canonical($0) }
                : Array(Set(texts)).sorted(by: NaturalOrder.areInIncreasingOrder)
            if names.count < 2 {
                throw DataError(.singleClass, "the target '\(name)' has a single class ('\((names.first ?? "").excerpt)')\(afterDropping)",
                                hint: "classification needs at least two classes; choose another target column",
                                file: file, line: table.headerLine, column: column + 1, key: "target")
            }
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            return .classes(labels: keys.map { index[$0] ?? 0 }, names: names)
        }
    }

    /// Classification for whole numbers with few distinct values (at most 20, and fewer than half
    /// the rows) or for any non-numeric target (`numbers` nil); regression otherwise.
    static func inferTask(numbers: [Double]?, rows: Int) -> LearningTask {
        guard let numbers else { return .classification }
        guard numbers.allSatisfy({ $0 == $0.rounded() }) else { return .regression }
        let distinct = Set(numbers).count
        return distinct <= CSVDataset.maximumInferredClasses && 2 * distinct < rows ? .classification : .regression
    }

    /// The feature columns as row-major values, with the number of empty cells per feature and
    /// the flat indices of the empty cells. Under `missing=mean` an empty cell holds its column's
    /// mean over the whole file, for `show data` only: a split fills it again from its train part.
    func features(columns: [Int], missing: MissingValuePolicy) throws(DataError)
        -> (values: [Double], missingCounts: [Int], missingCells: Set<Int>) {
        let width = columns.count
        var values = [Double](repeating: 0, count: table.rows.count * width)
        var missingCounts = [Int](repeating: 0, count: width)
        var sums = [Double](repeating: 0, count: width)
        var missingCells = Set<Int>()
        for (r, row) in table.rows.enumerated() {
            for (j, c) in columns.enumerated() {
                let text = row.cells[c].trimmedCell
                if let x = Double(text), x.isFinite {
                    values[r * width + j] = x
                    sums[j] += x
                } else if CSVColumnReader.missingMarkers.contains(text.lowercased()) {
                    if missing == .none { throw missingError(line: row.line, column: c, text: text, columns: columns) }
                    values[r * width + j] = .nan
                    missingCells.insert(r * width + j)
                    missingCounts[j] += 1
                } else {
                    throw nonNumericError(line: row.line, column: c, text: text)
                }
            }
        }
        for j in 0..<width where missingCounts[j] > 0 {
            let present = table.rows.count - missingCounts[j]
            guard present > 0 else {
                let c = columns[j]
                throw DataError(.missingValues, "column \(c + 1) ('\(columnName(c))') is empty in every row",
                                hint: "remove the column; a mean needs at least one value",
                                file: file, line: table.headerLine, column: c + 1)
            }
            var mean = sums[j] / Double(present)
            if !mean.isFinite {   // values near ±1.8e308: the plain sum overflows
                mean = ScaledMoments.of(stride(from: j, to: values.count, by: width).map { values[$0] }.filter { !$0.isNaN }).mean
            }
            for r in 0..<table.rows.count where values[r * width + j].isNaN { values[r * width + j] = mean }
        }
        return (values, missingCounts, missingCells)
    }

    /// The error for the first empty feature cell, counting all empty feature cells.
    private func missingError(line: Int, column: Int, text: String, columns: [Int]) -> DataError {
        var total = 0
        for row in table.rows {
            for c in columns where CSVColumnReader.missingMarkers.contains(row.cells[c].trimmedCell.lowercased()) { total += 1 }
        }
        let name = columnName(column)
        let what = text.isEmpty ? "is empty" : "is '\(text.excerpt)' (a missing value)"
        let others = total > 1 ? " (\(total) missing cells in all)" : ""
        return DataError(.missingValues, "line \(line), column \(column + 1) ('\(name)') \(what)\(others)",
                         hint: "fill in the cells, or load with missing=drop (leave such rows out), or missing=mean, median or most_frequent (fill from the train part)",
                         file: file, line: line, column: column + 1, key: "missing")
    }

    /// The error for a feature cell that is not a number: the whole column if it holds no number at all.
    private func nonNumericError(line: Int, column: Int, text: String) -> DataError {
        let name = columnName(column)
        let text = text.excerpt
        let columnHasNumbers = table.rows.contains { row in
            Double(row.cells[column].trimmedCell).map { $0.isFinite } ?? false
        }
        if !columnHasNumbers {
            return DataError(.nonNumericColumn, "column \(column + 1) ('\(name)') holds text, not numbers (line \(line): '\(text)')",
                             hint: "only the target may hold text: use target=\(name) to predict it, or remove the column",
                             file: file, line: line, column: column + 1)
        }
        return DataError(.nonNumericCell, "line \(line), column \(column + 1) ('\(name)'): '\(text)' is not a number",
                         hint: "fix the cell; leave it empty and load with missing=mean to fill it with the column mean",
                         file: file, line: line, column: column + 1)
    }
}

extension String {
    /// The cell's text without surrounding spaces and tabs.
    var trimmedCell: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
