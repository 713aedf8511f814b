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
/// - A class label is one line of text (no line break, tab or other control character); a
///   target has at most `columns.limits.maxClasses` classes; a regression target lies within
///   ±3.4e38 (training holds it as a 32-bit number).
/// - The file is read in chunks, never whole: a NUL byte (binary data), a cell over
///   `columns.limits.maxField` bytes or a row over `maxLine` bytes stops the load at once.
///
/// Every error is a `DataError` naming the file and, for a cell, its line and column.
public enum CSVDataset {
    /// The most distinct whole-number targets that are still read as classes when the task is inferred.
    public static let maximumInferredClasses = 20

    /// Loads the CSV file at `path`, reading it in chunks (never whole into memory).
    /// - Parameters:
    ///   - path: the file, absolute or relative to the current directory.
    ///   - target: the name of the target column, as in the header.
    ///   - task: the learning task; nil infers it from the target column.
    ///   - missing: what to do with empty feature cells.
    ///   - columns: the column options and the caps on cells, rows and classes (`columns.limits`).
    ///   - name: the dataset's name; nil uses the file name without its extension.
    ///   - folder: the folder a relative `path` starts from (nil: the current directory). Errors
    ///     and the source keep `path` as given; `~/` is expanded.
    ///   - interruption: asked between chunks of the file and between the steps after reading;
    ///     a request stops the load with `.interrupted`.
    /// - Returns: the dataset, with `source` `.csv(path:target:task:missing:)` (the task as resolved).
    /// - Throws: `DataError` for a file that is missing, unreadable, not text, empty, malformed or
    ///   over a cap, and `.interrupted`.
    public static func load(path: String, target: String, task: LearningTask? = nil,
                            missing: MissingValuePolicy = .none, columns: CSVColumnOptions = CSVColumnOptions(),
                            name: String? = nil, relativeTo folder: String? = nil,
                            interruption: Interruption = .never) throws(DataError) -> Dataset {
        let resolved = try existingFile(path: path, relativeTo: folder)
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let delimiter: Character = (ext == "tsv" || ext == "tab") ? "\t" : ","
        let table = try CSVTable.read(path: resolved, file: path, delimiter: delimiter, limits: columns.limits,
                                      interruption: interruption)
        return try dataset(of: table, file: path, name: name ?? url.deletingPathExtension().lastPathComponent,
                           target: target, task: task, missing: missing, columns: columns,
                           interruption: interruption) { resolvedTask in
            .csv(path: path, target: target, task: resolvedTask, missing: missing, columns: columns)
        }
    }

    /// Builds a dataset from CSV `text` (the contents of `file`, named in errors).
    /// - Parameter source: the dataset's source, given the resolved task.
    static func parse(text: String, file: String, name: String, target: String, task: LearningTask?,
                      missing: MissingValuePolicy, columns options: CSVColumnOptions = CSVColumnOptions(),
                      delimiter: Character = ",",
                      source: (LearningTask) -> DatasetSource) throws(DataError) -> Dataset {
        let table = try CSVTable.parse(text, file: file, delimiter: delimiter, limits: options.limits)
        return try dataset(of: table, file: file, name: name, target: target, task: task, missing: missing,
                           columns: options, source: source)
    }

    /// The dataset of a parsed `table`; `interruption` is asked between the steps.
    private static func dataset(of table: CSVTable, file: String, name: String, target: String, task: LearningTask?,
                                missing: MissingValuePolicy, columns options: CSVColumnOptions,
                                interruption: Interruption = .never,
                                source: (LearningTask) -> DatasetSource) throws(DataError) -> Dataset {
        if options.missingIndicators, !missing.imputes {
            throw DataError(.invalidOption,
                            "missing_indicators=yes marks the cells that missing= fills, and missing=\(missing == .none ? "error" : missing.rawValue) fills none",
                            hint: "add missing=median (or mean, most_frequent), or leave out missing_indicators=yes",
                            key: "missing_indicators")
        }
        func checkInterruption(_ line: Int) throws(DataError) {
            guard interruption.isRequested else { return }
            throw DataError(.interrupted, "stopped after reading the file", hint: "the previous dataset is kept",
                            file: file, line: line)
        }
        let lastLine = table.rows.last?.line ?? table.headerLine
        let whole = CSVColumnReader(table: table, file: file)
        let plan = try whole.plan(target: target, options: options)
        var report = plan.report
        report.taskInferred = task == nil
        try checkInterruption(lastLine)
        let reader = try whole.keepingRows(plan: plan, missing: missing, report: &report)
        let targetValues = try reader.target(column: plan.target, task: task, limits: options.limits)
        try checkInterruption(lastLine)
        let features = try reader.features(columns: plan.numeric, missing: missing)
        let texts = try reader.textColumns(plan.text, maxCategories: options.maxCategories)
        if targetValues.task == .classification { try reader.checkClassLabels(column: plan.target) }
        try checkInterruption(lastLine)
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

    /// The file system path of the file at `path` (relative to `folder`), or an error saying
    /// why there is none: no such file, or a folder.
    static func existingFile(path: String, relativeTo folder: String? = nil) throws(DataError) -> String {
        let resolved = resolve(path, relativeTo: folder)
        var isFolder: ObjCBool = false
        let quoted = path.excerpt
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw DataError(.fileNotFound, "no file '\(quoted)'", hint: nearbyFileHint(for: path, resolved: resolved), file: path)
        }
        if isFolder.boolValue {
            throw DataError(.unreadableFile, "'\(quoted)' is a folder, not a file",
                            hint: "give the path of a .csv file inside it", file: path)
        }
        return resolved
    }

    /// The text of the file at `path` (relative to `folder`), or an error saying why it cannot be read.
    static func readText(path: String, relativeTo folder: String? = nil) throws(DataError) -> String {
        let resolved = try existingFile(path: path, relativeTo: folder)
        let quoted = path.excerpt
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw DataError(.unreadableFile, "cannot read '\(quoted)'", hint: "check the file's permissions", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.notText, "'\(quoted)' is not UTF-8 text", hint: "save the file as CSV in UTF-8", file: path)
        }
        return text
    }

    /// "did you mean …?" over the files beside a missing one, or a general hint.
    private static func nearbyFileHint(for path: String, resolved: String) -> String {
        let url = URL(fileURLWithPath: resolved)
        let folderPrefix = path.contains("/") ? String(path[...(path.lastIndex(of: "/") ?? path.startIndex)]) : ""
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        if let match = ClosestMatch.suggestion(for: url.lastPathComponent, among: names.sorted()) {
            return "did you mean \"\((folderPrefix + match).excerpt)\"?"
        }
        return "a relative path starts from the folder the shell was started in"
    }
}
