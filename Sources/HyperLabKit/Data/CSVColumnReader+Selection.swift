/// Choosing the feature columns of a CSV file: `drop=`, `features=`, `keep=` and identifiers.
extension CSVColumnReader {
    /// The columns a load uses, as header positions, and what it left out.
    struct ColumnPlan {
        /// The target column.
        let target: Int
        /// Numeric feature columns, in file order.
        let numeric: [Int]
        /// Text feature columns, in file order.
        let text: [Int]
        /// Columns left out and identifier columns (rows are counted later).
        let report: LoadReport
    }

    /// Names read as a first column of row labels (compared without case): R's `rownames`,
    /// pandas' `index` and `Unnamed: 0`, and the like.
    static let rowLabelNames: Set<String> = ["", "rownames", "row.names", "row_names", "index", "id", "unnamed: 0", "...1"]

    /// The fewest rows for which a column's values (all distinct, or counting 1…n) mark it as an
    /// identifier: in a shorter, hand-made file such a column is more likely a feature.
    static let identifierMinimumRows = 10

    /// The target and feature columns after checking the header (named, unique columns; only the
    /// first may be unnamed, as R and pandas write row labels), the rows' widths, and the options.
    func plan(target: String, options: CSVColumnOptions) throws(DataError) -> ColumnPlan {
        let names = table.header.map(\.trimmedCell)
        var seen = [String: Int]()
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                if index == 0 { continue }
                throw DataError(.unnamedColumn, "column \(index + 1) of the header has no name",
                                hint: "give every column a name in the header row", file: file,
                                line: table.headerLine, column: index + 1)
            }
            if let first = seen[name] {
                throw DataError(.duplicateColumn, "the header names '\(name.excerpt)' twice (columns \(first + 1) and \(index + 1))",
                                hint: "rename one of the columns", file: file, line: table.headerLine, column: index + 1)
            }
            seen[name] = index
        }
        let wanted = target.trimmedCell
        guard let targetColumn = seen[wanted] else {
            throw unknownColumn(wanted, key: "target", names: names)
        }
        if names.count < 2 {
            throw DataError(.noFeatures, "the file has only the target column '\(wanted.excerpt)', no features",
                            hint: "a dataset needs at least one numeric feature column besides the target",
                            file: file, line: table.headerLine)
        }
        if table.rows.isEmpty {
            throw DataError(.headerOnly, "the file has a header but no data rows",
                            hint: "add rows of values below the header", file: file, line: table.headerLine)
        }
        for row in table.rows where row.cells.count != names.count {
            let k = row.cells.count, m = names.count
            throw DataError(.raggedRow, "line \(row.line) has \(k) cell\(k == 1 ? "" : "s"), the header has \(m)",
                            hint: k > m ? "remove the extra cells (a trailing comma adds one), or quote cells that contain commas"
                                        : "add the missing cells; an empty cell is written as nothing between two commas",
                            file: file, line: row.line, column: min(k, m) + 1)
        }
        return try select(target: targetColumn, names: names, seen: seen, options: options)
    }

    /// Applies `drop=`, `features=` and `keep=`, and leaves identifier columns out.
    private func select(target: Int, names: [String], seen: [String: Int],
                        options: CSVColumnOptions) throws(DataError) -> ColumnPlan {
        func positions(_ list: [String], key: String) throws(DataError) -> Set<Int> {
            var out = Set<Int>()
            for name in list {
                guard let index = seen[name.trimmedCell] else { throw unknownColumn(name.trimmedCell, key: key, names: names) }
                out.insert(index)
            }
            return out
        }
        let dropped = try positions(options.drop, key: "drop")
        let listed = try options.features.map { (list) throws(DataError) -> Set<Int> in try positions(list, key: "features") }
        let kept = try positions(options.keep, key: "keep")
        if let both = listed?.intersection(dropped).min() {
            throw DataError(.conflictingColumns, "'\(names[both].excerpt)' is named in both features= and drop=",
                            hint: "name each column in one of them: features= keeps only its columns, drop= removes its columns",
                            file: file, line: table.headerLine, column: both + 1, key: "drop")
        }
        for (key, set) in [("drop", dropped), ("features", listed ?? []), ("keep", kept)] where set.contains(target) {
            throw DataError(.conflictingColumns, "\(key)= names the target '\(names[target].excerpt)'",
                            hint: "the target is never a feature; leave it out of \(key)=",
                            file: file, line: table.headerLine, column: target + 1, key: key)
        }
        var report = LoadReport()
        var numeric = [Int](), text = [Int]()
        for index in names.indices where index != target {
            if dropped.contains(index) || listed.map({ !$0.contains(index) }) == true {
                report.dropped.append(names[index])
                continue
            }
            let isText = holdsText(column: index)
            if !kept.contains(index), listed == nil || names[index].isEmpty,
               let reason = identifierReason(column: index, name: names[index], isText: isText) {
                report.identifiers.append(LoadReport.Identifier(name: names[index], column: index + 1, reason: reason))
                continue
            }
            if isText { text.append(index) } else { numeric.append(index) }
        }
        if numeric.isEmpty && text.isEmpty {
            let what = report.identifiers.isEmpty ? "" : " (identifier columns were left out: keep=[COLUMN] uses one)"
            throw DataError(.noFeatures, "no feature column is left besides the target '\(names[target].excerpt)'\(what)",
                            hint: "drop= and features= must leave at least one feature column",
                            file: file, line: table.headerLine, key: options.features == nil ? "drop" : "features")
        }
        return ColumnPlan(target: target, numeric: numeric, text: text, report: report)
    }

    /// The error for a column name the header lacks, with the closest name or the list of names.
    func unknownColumn(_ name: String, key: String, names: [String]) -> DataError {
        let named = names.filter { !$0.isEmpty }
        let suggestion = ClosestMatch.suggestion(for: name, among: named)
        let list = (named.count <= 12 ? named.joined(separator: ", ") : named.prefix(12).joined(separator: ", ") + ", …").excerpt
        return DataError(key == "target" ? .missingTargetColumn : .unknownColumn, "no column '\(name.excerpt)' in the header",
                         hint: suggestion.map { "did you mean \($0.excerpt)?" } ?? "the columns are: \(list)",
                         file: file, line: table.headerLine, key: key)
    }

    /// Whether a column holds text: some present cell, and no present cell is a number.
    func holdsText(column: Int) -> Bool {
        var anyPresent = false
        for row in table.rows {
            let text = row.cells[column].trimmedCell
            if CSVColumnReader.missingMarkers.contains(text.lowercased()) { continue }
            if let x = Double(text), x.isFinite { return false }
            anyPresent = true
        }
        return anyPresent
    }

    /// Why a feature column looks like a row identifier, or nil: a first column named like row
    /// labels; with at least `identifierMinimumRows` rows, a text column whose values are all
    /// distinct, or a numeric column counting 1…n or 0…n−1.
    func identifierReason(column: Int, name: String, isText: Bool) -> String? {
        if column == 0, CSVColumnReader.rowLabelNames.contains(name.lowercased()) {
            return name.isEmpty ? "an unnamed first column (row labels)" : "a first column named like row labels"
        }
        let cells = table.rows.map { $0.cells[column].trimmedCell }
        guard cells.count >= CSVColumnReader.identifierMinimumRows else { return nil }
        if isText {
            let present = !cells.contains { CSVColumnReader.missingMarkers.contains($0.lowercased()) }
            return present && Set(cells).count == cells.count ? "text with a different value in every row" : nil
        }
        for start in [1.0, 0.0] {
            let counts = cells.enumerated().allSatisfy { (i, text) in Double(text) == start + Double(i) }
            if counts { return start == 1 ? "the numbers 1…\(cells.count), one per row" : "the numbers 0…\(cells.count - 1), one per row" }
        }
        return nil
    }
}
