/// How a dataset was made: enough to make the same dataset again.
///
/// ```swift
/// switch dataset.source {
/// case .builtin(let name, let options): try BuiltinDatasets.load(name: name, options: options?.values ?? [:])
/// case .csv(let path, let target, let task, let missing, let columns):
///     try CSVDataset.load(path: path, target: target, task: task, missing: missing, columns: columns)
/// case .builtinTable(let name, let target, let task, let missing, let columns):
///     try BuiltinDatasets.loadTable(name: name, target: target, task: task, missing: missing, columns: columns)
/// }
/// ```
public enum DatasetSource: Sendable, Equatable {
    /// A built-in dataset by its canonical name; `options` (every option, defaults filled in)
    /// for the generated ones, nil for the bundled files.
    case builtin(name: String, options: GeneratedDatasetOptions?)
    /// A CSV file: the path as given, the target column, the task (as given or inferred)
    /// the missing-value policy and the column options (`drop=`, `features=`, `text=`, …).
    case csv(path: String, target: String, task: LearningTask, missing: MissingValuePolicy,
             columns: CSVColumnOptions = CSVColumnOptions())
    /// A raw built-in table (penguins) read as a CSV file is: its canonical name, the target
    /// column, the task (as given or inferred), the missing-value policy and the column options.
    case builtinTable(name: String, target: String, task: LearningTask, missing: MissingValuePolicy,
                      columns: CSVColumnOptions = CSVColumnOptions())

    /// The arguments of a `load` command that makes this dataset again, in canonical form:
    /// `iris`, `moons n=200 noise=0.1 seed=0`, `"data/x.csv" target=y task=regression`,
    /// `penguins target=species task=classification missing=median`.
    public var loadArguments: String {
        switch self {
        case .builtin(let name, nil):
            return name
        case .builtin(let name, let options?):
            let values = options.values
            let spelled = ["n", "noise", "seed", "classes"].compactMap { key in values[key].map { "\(key)=\($0)" } }
            return ([name] + spelled).joined(separator: " ")
        case .csv(let path, let target, let task, let missing, let columns):
            return DatasetSource.tableArguments("\"\(path)\"", target: target, task: task, missing: missing, columns: columns)
        case .builtinTable(let name, let target, let task, let missing, let columns):
            return DatasetSource.tableArguments(name, target: target, task: task, missing: missing, columns: columns)
        }
    }

    /// The target column of a CSV file or raw table; nil for the other built-in datasets.
    public var targetColumn: String? {
        switch self {
        case .builtin: nil
        case .csv(_, let target, _, _, _), .builtinTable(_, let target, _, _, _): target
        }
    }

    /// The missing-value policy it was loaded with (`.none` for the built-in datasets but raw tables).
    public var missingPolicy: MissingValuePolicy {
        switch self {
        case .builtin: .none
        case .csv(_, _, _, let missing, _), .builtinTable(_, _, _, let missing, _): missing
        }
    }

    /// The column options it was loaded with (the defaults for the built-in datasets but raw tables).
    public var columnOptions: CSVColumnOptions {
        switch self {
        case .builtin: CSVColumnOptions()
        case .csv(_, _, _, _, let columns), .builtinTable(_, _, _, _, let columns): columns
        }
    }

    /// Whether it was read as a real table (a CSV file or a raw built-in table), whose classes a
    /// split stratifies by default.
    public var isTable: Bool {
        if case .builtin = self { return false }
        return true
    }

    /// `FIRST target=T task=K [missing=M] [column options]`.
    private static func tableArguments(_ first: String, target: String, task: LearningTask,
                                       missing: MissingValuePolicy, columns: CSVColumnOptions) -> String {
        var text = "\(first) target=\(quotedName(target)) task=\(task.rawValue)"
        if missing != .none { text += " missing=\(missing.rawValue)" }
        for argument in columns.arguments { text += " " + argument }
        return text
    }

    /// A column name as the language writes it: bare when it is a word, in double quotes otherwise.
    static func quotedName(_ name: String) -> String {
        let bare = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return bare ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
