import Foundation

/// Loads a dataset from a CSV file with a header row (`load "FILE.csv" target=COLUMN`).
///
/// ```swift
/// let data = try CSVDataset.load(path: "houses.csv", target: "price")          // task inferred
/// let iris = try CSVDataset.load(path: "iris.csv", target: "species", task: .classification)
/// let gaps = try CSVDataset.load(path: "survey.csv", target: "y", missing: .mean)
/// ```
///
/// Rules:
/// - The first non-blank line is the header; every name must be present and unique. Cells are
///   separated by commas (tabs for `.tsv` and `.tab` files); quoting follows RFC 4180.
/// - Every column but the target is a feature, unless `columns` drops it (`drop=`, `features=`)
///   or it looks like a row identifier (a first column that is unnamed or named `rownames`,
///   `index`, `id`, `Unnamed: 0`; text with a different value in every row; the numbers 1…n or
///   0…n−1), which is left out unless `keep=` names it. `Dataset.report` lists what was left out.
/// - A column whose present cells hold no number is a text feature (`Dataset.textColumns`),
///   encoded by a split from its train rows (`CategoryEncoder`); more than
///   `columns.maxCategories` distinct values is an error.
/// - An empty cell (or `NA`, `NaN`, `null`, `?`) is missing. A row whose target is missing is
///   left out (counted in the report). A missing numeric cell is an error under `.none`; `.drop`
///   leaves out every row with a missing feature cell; `.mean`, `.median` and `.mostFrequent`
///   mark the cell (`Dataset.missingCells`), and a split fills it from its train part
///   (`Standardizer`), so no statistic of dev or test rows reaches training. A missing text cell
///   is a category of its own.
/// - `missing_indicators=yes` (with an imputing policy) makes a split add a 0/1 column
///   `NAME_missing` per feature with gaps in its train part (`MissingIndicators`).
/// - The target is a class label (any text) or a number. When `task` is nil it is inferred:
///   classification if any target is not a number, or if the targets are whole numbers with at
///   most 20 distinct values and fewer distinct values than half the rows; regression otherwise.
/// - Class names are ordered naturally (numbers by value; text alphabetically with digit runs
///   compared as numbers: `class_2` before `class_10`), so labels do not depend on the row order.
///   Numeric labels that are equal (`1`, `1.0`) are one class, named canonically (`1`).
///
/// Every error is a `DataError` naming the file and, for a cell, its line and column.
public enum CSVDataset {
    /// The most distinct whole-number targets that are still read as classes when the task is inferred.
    public static let maximumInferredClasses = 20

    /// Loads the CSV file at `path`.
    /// - Parameters:
    ///   - path: the file, absolute or relative to the current directory.
    ///   - target: the name of the target column, as in the header.
    ///   - task: the learning task; nil infers it from the target column.
    ///   - missing: what to do with empty feature cells.
    ///   - name: the dataset's name; nil uses the file name without its extension.
    ///   - folder: the folder a relative `path` starts from (nil: the current directory). Errors
    ///     and the source keep `path` as given; `~/` is expanded.
    /// - Returns: the dataset, with `source` `.csv(path:target:task:missing:)` (the task as resolved).
    /// - Throws: `DataError` for a file that is missing, unreadable, not text, empty or malformed.
    public static func load(path: String, target: String, task: LearningTask? = nil,
                            missing: MissingValuePolicy = .none, columns: CSVColumnOptions = CSVColumnOptions(),
                            name: String? = nil, relativeTo folder: String? = nil) throws(DataError) -> Dataset {
        let text = try readText(path: path, relativeTo: folder)
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let delimiter: Character = (ext == "tsv" || ext == "tab") ? "\t" : ","
        let datasetName = name ?? url.deletingPathExtension().lastPathComponent
        return try parse(text: text, file: path, name: datasetName, target: target, task: task,
                         missing: missing, columns: columns, delimiter: delimiter) { resolvedTask in
            .csv(path: path, target: target, task: resolvedTask, missing: missing, columns: columns)
        }
    }

    /// Builds a dataset from CSV `text` (the contents of `file`, named in errors).
    /// - Parameter source: the dataset's source, given the resolved task.
    static func parse(text: String, file: String, name: String, target: String, task: LearningTask?,
                      missing: MissingValuePolicy, columns options: CSVColumnOptions = CSVColumnOptions(),
                      delimiter: Character = ",",
                      source: (LearningTask) -> DatasetSource) throws(DataError) -> Dataset {
        if options.missingIndicators, !missing.imputes {
            throw DataError(.invalidOption,
                            "missing_indicators=yes marks the cells that missing= fills, and missing=\(missing == .none ? "error" : missing.rawValue) fills none",
                            hint: "add missing=median (or mean, most_frequent), or leave out missing_indicators=yes",
                            key: "missing_indicators")
        }
        let table = try CSVTable.parse(text, file: file, delimiter: delimiter)
        let whole = CSVColumnReader(table: table, file: file)
        let plan = try whole.plan(target: target, options: options)
        var report = plan.report
        report.taskInferred = task == nil
        let reader = try whole.keepingRows(plan: plan, missing: missing, report: &report)
        let targetValues = try reader.target(column: plan.target, task: task)
        let features = try reader.features(columns: plan.numeric, missing: missing)
        let texts = try reader.textColumns(plan.text, maxCategories: options.maxCategories)
        return Dataset(name: name, featureNames: plan.numeric.map { table.header[$0].trimmedCell },
                       features: features.values, target: targetValues, missingCounts: features.missingCounts,
                       missingCells: features.missingCells,
                       source: source(targetValues.task), textColumns: texts, report: report)
    }

    /// The file system path of `path` (as typed) read from `folder`.
    static func resolve(_ path: String, relativeTo folder: String?) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard let folder, !expanded.hasPrefix("/") else { return expanded }
        return (folder as NSString).appendingPathComponent(expanded)
    }

    /// The text of the file at `path` (relative to `folder`), or an error saying why it cannot be read.
    static func readText(path: String, relativeTo folder: String? = nil) throws(DataError) -> String {
        let manager = FileManager.default
        let resolved = resolve(path, relativeTo: folder)
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw DataError(.fileNotFound, "no file '\(path)'", hint: nearbyFileHint(for: path, resolved: resolved), file: path)
        }
        if isFolder.boolValue {
            throw DataError(.unreadableFile, "'\(path)' is a folder, not a file",
                            hint: "give the path of a .csv file inside it", file: path)
        }
        guard let data = manager.contents(atPath: resolved) else {
            throw DataError(.unreadableFile, "cannot read '\(path)'", hint: "check the file's permissions", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.notText, "'\(path)' is not UTF-8 text", hint: "save the file as CSV in UTF-8", file: path)
        }
        return text
    }

    /// "did you mean …?" over the files beside a missing one, or a general hint.
    private static func nearbyFileHint(for path: String, resolved: String) -> String {
        let url = URL(fileURLWithPath: resolved)
        let folderPrefix = path.contains("/") ? String(path[...(path.lastIndex(of: "/") ?? path.startIndex)]) : ""
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        if let match = ClosestMatch.suggestion(for: url.lastPathComponent, among: names.sorted()) {
            return "did you mean \"\(folderPrefix)\(match)\"?"
        }
        return "a relative path starts from the folder the shell was started in"
    }
}
