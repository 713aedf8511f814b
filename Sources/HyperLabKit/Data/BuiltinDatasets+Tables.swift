/// The raw built-in tables (penguins): bundled CSV files loaded exactly as `load "FILE.csv"` loads
/// a file, with the same options.
///
/// ```swift
/// let birds = try BuiltinDatasets.loadTable(name: "penguins", missing: .median)
/// birds.textColumns.map(\.name)   // ["island", "sex"]
/// birds.source.loadArguments      // "penguins target=species task=classification missing=median"
/// let mass = try BuiltinDatasets.loadTable(name: "penguins", target: "body_mass_g", missing: .drop)
/// mass.task                       // .regression (inferred, as for a CSV file)
/// ```
extension BuiltinDatasets {
    /// Loads the raw table `name` with the rules of `CSVDataset` (identifiers, text columns,
    /// missing values, task inference when `task` is nil).
    /// - Parameters:
    ///   - target: the column to predict; nil takes the table's default (`species` for penguins).
    ///   - missing: what to do with empty numeric cells; `.none` (an error naming the first) by default.
    ///   - columns: `drop=`, `features=`, `keep=`, `text=`, `max_categories=`, `missing_indicators=`.
    /// - Returns: the dataset, with `source` `.builtinTable` (the task as resolved).
    /// - Throws: `DataError` as `CSVDataset.load` does, naming the bundled file; `.unknownOption`
    ///   for a dataset that is not a raw table.
    public static func loadTable(name: String, target: String? = nil, task: LearningTask? = nil,
                                 missing: MissingValuePolicy = .none,
                                 columns: CSVColumnOptions = CSVColumnOptions()) throws(DataError) -> Dataset {
        let info = try info(named: name)
        guard case .table(let file, let defaultTarget) = info.origin else {
            throw DataError(.unknownOption, "\(info.name) takes no CSV options",
                            hint: "the CSV options apply to a CSV file and to the raw tables: "
                                + catalogue.filter(\.isTable).map(\.name).joined(separator: ", "),
                            key: "target")
        }
        let column = target ?? defaultTarget
        let text = try CSVDataset.readText(path: try bundledPath(file))
        do {
            return try CSVDataset.parse(text: text, file: "datasets/\(file).csv", name: info.name, target: column,
                                        task: task, missing: missing, columns: columns) { resolved in
                .builtinTable(name: info.name, target: column, task: resolved, missing: missing, columns: columns)
            }
        } catch where error.kind == .missingValues && error.key == "missing" {
            // A bundled file cannot be edited: only the load options can deal with its gaps.
            throw DataError(error.kind, error.message,
                            hint: "load \(info.name) missing=drop leaves such rows out; missing=mean, median or most_frequent fills them from the train part",
                            file: error.file, line: error.line, column: error.column, key: error.key)
        }
    }

    /// The header of the raw table `name` (for Tab completion of its column names); empty for
    /// any other dataset.
    public static func columnNames(ofTable name: String) -> [String] {
        guard let info = try? info(named: name), case .table(let file, _) = info.origin,
              let path = try? bundledPath(file) else { return [] }
        return CSVDataset.columnNames(path: path)
    }
}
