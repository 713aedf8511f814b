import Foundation

/// Which dataset a stored study was run on: a built-in name with its options (a raw table with
/// its load options), or a CSV file with the SHA-256 of its bytes, so a resumed study notices a
/// file that changed.
///
/// ```swift
/// let ref = try DatasetReference(dataset.source)   // hashes a CSV file now
/// try ref.verify()                                 // later: throws .datasetChanged if edited
/// let again = try ref.loadDataset()                // the same dataset
/// ref.loadArguments                                // "iris", "\"data/x.csv\" target=y task=regression"
/// ```
public enum DatasetReference: Sendable, Hashable, Codable {
    /// A built-in dataset: its canonical name and, for generated ones, every option as
    /// canonical text (`["n": "200", "noise": "0.1", "seed": "0"]`); empty for bundled tables.
    case builtin(name: String, options: [String: String])
    /// A CSV file: the path as given, the folder a relative path starts from (absolute), the
    /// target column, the task, the missing-value policy, the SHA-256 of the file's bytes
    /// (64 lowercase hex digits), and the column options (nil, as stored before they existed: the defaults).
    case csv(path: String, folder: String, target: String, task: LearningTask, missing: MissingValuePolicy,
             sha256: String, columns: CSVColumnOptions? = nil)
    /// A raw built-in table (penguins): its canonical name, the target column, the task, the
    /// missing-value policy and the column options (nil: the defaults).
    case builtinTable(name: String, target: String, task: LearningTask, missing: MissingValuePolicy,
                      columns: CSVColumnOptions? = nil)
    /// No dataset of HyperLab's: the study's objective command reads its own data.
    case ownedByCommand

    /// The reference of `source`; a CSV file is hashed now.
    /// - Parameter folder: the folder a relative CSV path starts from (nil: the current directory).
    /// - Throws: `StorageError` (`.datasetChanged`) when the CSV file cannot be read.
    public init(_ source: DatasetSource, relativeTo folder: String? = nil) throws(StorageError) {
        switch source {
        case let .builtin(name, options):
            self = .builtin(name: name, options: (options?.values ?? [:]).mapValues(\.description))
        case let .csv(path, target, task, missing, columns):
            let base = folder ?? FileManager.default.currentDirectoryPath
            let hash = try SHA256.hex(ofFile: DatasetReference.resolve(path, in: base))
            self = .csv(path: path, folder: base, target: target, task: task, missing: missing, sha256: hash,
                        columns: columns == CSVColumnOptions() ? nil : columns)
        case let .builtinTable(name, target, task, missing, columns):
            self = .builtinTable(name: name, target: target, task: task, missing: missing,
                                 columns: columns == CSVColumnOptions() ? nil : columns)
        }
    }

    /// The name `studies` shows: the built-in name, or the CSV file's name.
    public var displayName: String {
        switch self {
        case .builtin(let name, _), .builtinTable(let name, _, _, _, _): name
        case .csv(let path, _, _, _, _, _, _): URL(fileURLWithPath: path).lastPathComponent
        case .ownedByCommand: "external command"
        }
    }

    /// The arguments of a `load` command that makes this dataset again, in canonical form.
    public var loadArguments: String {
        switch self {
        case let .builtin(name, options):
            let spelled = ["n", "noise", "seed", "classes"].compactMap { key in options[key].map { "\(key)=\($0)" } }
            return ([name] + spelled).joined(separator: " ")
        case let .csv(path, _, target, task, missing, _, columns):
            return DatasetSource.csv(path: path, target: target, task: task, missing: missing,
                                     columns: columns ?? CSVColumnOptions()).loadArguments
        case let .builtinTable(name, target, task, missing, columns):
            return DatasetSource.builtinTable(name: name, target: target, task: task, missing: missing,
                                              columns: columns ?? CSVColumnOptions()).loadArguments
        case .ownedByCommand:
            return ""
        }
    }

    /// The built-in options as values, in the form `BuiltinDatasets.load(name:options:)` takes.
    /// - Throws: `StorageError` (`.invalidRecord`) for an option whose text is not a value.
    public func builtinOptions() throws(StorageError) -> [String: ParameterValue] {
        guard case .builtin(_, let options) = self else { return [:] }
        var values: [String: ParameterValue] = [:]
        for (key, text) in options { values[key] = try ParameterValue(parsing: text) }
        return values
    }

    /// Checks that a CSV file still holds the bytes it held when the study was stored (built-in
    /// datasets always pass).
    /// - Throws: `StorageError` (`.datasetChanged`) naming the file when it is missing or changed.
    public func verify() throws(StorageError) {
        guard case let .csv(path, folder, _, _, _, expected, _) = self else { return }
        let full = DatasetReference.resolve(path, in: folder)
        guard FileManager.default.fileExists(atPath: full) else {
            throw StorageError(.datasetChanged, "the study's data file \(path) is missing",
                               hint: "put the file back at \(full) to resume this study", path: full)
        }
        let actual = try SHA256.hex(ofFile: full)
        guard actual == expected else {
            throw StorageError(.datasetChanged,
                               "\(path) has changed since the study was stored (SHA-256 \(actual.prefix(12))…, stored \(expected.prefix(12))…)",
                               hint: "restore the original file, or start a new sweep on the new data", path: full)
        }
    }

    /// The dataset again: a built-in one regenerated with its options, or the CSV file loaded
    /// after `verify()`.
    /// - Throws: `StorageError` (`.datasetChanged`) when the file changed or no longer loads;
    ///   `.invalidRecord` for a study whose objective command reads its own data.
    public func loadDataset() throws(StorageError) -> Dataset {
        do {
            switch self {
            case .builtin(let name, _):
                return try BuiltinDatasets.load(name: name, options: try builtinOptions())
            case let .csv(path, folder, target, task, missing, _, columns):
                try verify()
                return try CSVDataset.load(path: path, target: target, task: task, missing: missing,
                                           columns: columns ?? CSVColumnOptions(), relativeTo: folder)
            case let .builtinTable(name, target, task, missing, columns):
                return try BuiltinDatasets.loadTable(name: name, target: target, task: task, missing: missing,
                                                     columns: columns ?? CSVColumnOptions())
            case .ownedByCommand:
                throw StorageError(.invalidRecord, "the study runs an objective command, which reads its own data",
                                   hint: "resume the study; HyperLab loads no dataset for it")
            }
        } catch let error as StorageError {
            throw error
        } catch let error as DataError {
            throw StorageError(.datasetChanged, "the study's dataset no longer loads: \(error.message)", hint: error.hint)
        } catch {
            throw StorageError(.datasetChanged, "the study's dataset no longer loads: \(error)")
        }
    }

    /// `path` made absolute: `~/` expanded, a relative path taken from `folder`.
    static func resolve(_ path: String, in folder: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~") { return (path as NSString).expandingTildeInPath }
        return URL(fileURLWithPath: folder).appendingPathComponent(path).path
    }
}
