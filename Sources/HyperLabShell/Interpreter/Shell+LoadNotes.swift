import HyperLabKit

/// What `load` and `show data` say about what loading did: columns encoded, dropped and left
/// out as identifiers, rows left out, cells to fill.
extension Shell {
    /// The options of `load` that only a CSV file and a raw table (penguins) take.
    static let csvOnlyKeys: Set<String> = ["target", "task", "missing", "drop", "features", "keep", "text", "max_categories",
                                           "missing_indicators", "max_field", "max_line", "max_classes"]

    /// Those options as a hint lists them.
    static let tableOptionList = "target=, task=, missing=, drop=, features=, keep=, text=, max_categories=, missing_indicators=, max_classes=, max_field= and max_line="

    /// One line per thing loading did besides reading the cells (none for a plain numeric file).
    /// - Parameter indicators: the missing indicators a split chose (nil before a split: those the
    ///   file's gaps would give are named).
    static func loadNotes(_ dataset: Dataset, indicators: MissingIndicators? = nil) -> [String] {
        var lines = [String]()
        let report = dataset.report
        if !report.dropped.isEmpty || !report.identifiers.isEmpty || !dataset.textColumns.isEmpty {
            let names = dataset.featureNames + dataset.textColumns.map(\.name)
            lines.append("features used: " + names.joined(separator: ", "))
        }
        if !dataset.textColumns.isEmpty {
            let how = dataset.textEncoding == .onehot ? "one-hot" : "ordinal"
            let described = dataset.textColumns.map { column -> String in
                let gaps = column.missingCount > 0 ? ", \(column.missingCount) missing" : ""
                return "\(column.name) (\(NumberFormat.count(column.values.count, "value"))\(gaps))"
            }
            lines.append("text encoded \(how) with the train part's categories: " + described.joined(separator: ", "))
        }
        if !report.dropped.isEmpty {
            lines.append("dropped: " + report.dropped.joined(separator: ", "))
        }
        for identifier in report.identifiers {
            let name = identifier.name.isEmpty ? "column \(identifier.column) (unnamed)" : "'\(identifier.name)' (column \(identifier.column))"
            let keep = identifier.name.isEmpty ? "name it in the header and use keep= to use it"
                : "keep=[\(identifier.name.contains(" ") ? "\"\(identifier.name)\"" : identifier.name)] uses it as a feature"
            lines.append("left out \(name), an identifier: \(identifier.reason); \(keep)")
        }
        if report.rowsWithoutTarget > 0 {
            lines.append("left out \(NumberFormat.count(report.rowsWithoutTarget, "row")) without a target")
        }
        if report.rowsWithGaps > 0 {
            lines.append("left out \(NumberFormat.count(report.rowsWithGaps, "row")) with missing cells (missing=drop)")
        }
        if dataset.missingTotal > 0 {
            let statistic = switch dataset.missingPolicy {
            case .median: "median"
            case .mostFrequent: "most frequent value"
            default: "mean"
            }
            lines.append("\(NumberFormat.count(dataset.missingTotal, "empty cell")): a split fills \(dataset.missingTotal == 1 ? "it" : "each")"
                         + " with its column's \(statistic) over the train part (show data lists them)")
        }
        if let line = indicatorNote(dataset, indicators: indicators) { lines.append(line) }
        return lines
    }

    /// What `missing_indicators=yes` adds: the columns a split chose, or before a split the
    /// features with empty cells in the file; nil without the option.
    static func indicatorNote(_ dataset: Dataset, indicators: MissingIndicators?) -> String? {
        guard dataset.source.columnOptions.missingIndicators else { return nil }
        if let indicators {
            return indicators.names.isEmpty ? "missing indicators: none (no empty cells in the train part)"
                : "missing indicators from the train part's empty cells: " + indicators.names.joined(separator: ", ")
        }
        let numeric = dataset.featureNames.indices.filter { dataset.missingCounts[$0] > 0 }.map { dataset.featureNames[$0] }
        let text = dataset.textEncoding == .ordinal ? dataset.textColumns.filter { $0.missingCount > 0 }.map(\.name) : []
        let gappy = (numeric + text).map(MissingIndicators.name(of:))
        return gappy.isEmpty ? "missing indicators: none (no feature has empty cells)"
            : "missing indicators: a split adds \(gappy.joined(separator: ", ")) (for the features with empty cells in its train part)"
    }

    /// The text columns and their categories: the whole file's, or those the split learned from train.
    func textColumnTable(_ dataset: Dataset, encoder: CategoryEncoder?) -> [String] {
        let rows = dataset.textColumns.enumerated().map { (i, column) -> [String] in
            let learned = encoder.map { $0.columns[i] }
            let categories = learned?.categories ?? column.values
            var shown = categories.joined(separator: ", ")
            if learned?.missingIndicator == true || (learned == nil && column.missingCount > 0) { shown += ", NA" }
            let columns = learned?.width ?? (dataset.textEncoding == .onehot ? categories.count + (column.missingCount > 0 ? 1 : 0) : 1)
            return [column.name, dataset.textEncoding.rawValue, String(columns), String(column.missingCount), shown]
        }
        let note = encoder == nil ? "categories of the whole file; a split encodes with those of its train part"
                                  : "categories learned from the train part; one unseen in train is all zeros"
        return TextTable(columns: [.init("text column", alignment: .left), .init("encoding", alignment: .left), .init("columns"),
                                   .init("missing"), .init("categories", alignment: .left)],
                         rows: rows, notes: [note]).render(traits: console.traits)
    }
}
