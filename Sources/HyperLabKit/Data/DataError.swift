/// Why a dataset could not be loaded, generated or split.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`.
/// Errors about a file name the file and, where known, the 1-based `line` (as an editor
/// counts lines of the file, header included) and the 1-based `column` (the cell's place in
/// its row, as a spreadsheet counts columns). Errors about an option name the option's `key`
/// (`noise`, `target`, `test`) so the shell can point at it.
///
/// ```swift
/// do { _ = try CSVDataset.load(path: "data.csv", target: "y") }
/// catch { print("\(error.file ?? ""):\(error.line ?? 0): \(error.message)") }
/// ```
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to particular failures (and for tests).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        // Files
        /// The file does not exist.
        case fileNotFound
        /// The path exists but cannot be read as a file (a folder, no permission).
        case unreadableFile
        /// The file is not UTF-8 text.
        case notText
        /// The file holds nothing (or only blank lines).
        case emptyFile
        /// The file holds a header row and no data rows.
        case headerOnly
        /// A quoted cell is not closed, or a quote sits where none may.
        case malformedQuotes
        /// A cell is longer than `max_field=` bytes.
        case fieldTooLong
        /// A row is longer than `max_line=` bytes.
        case lineTooLong
        /// The reading was stopped from outside (Ctrl-C) before the end of the file.
        case interrupted
        // Columns
        /// A header cell is empty.
        case unnamedColumn
        /// Two header cells have the same name.
        case duplicateColumn
        /// The target column is not in the header.
        case missingTargetColumn
        /// The header names only the target: there are no feature columns.
        case noFeatures
        /// `drop=`, `features=` or `keep=` names a column the header does not have.
        case unknownColumn
        /// A column is named in both `features=` and `drop=`, or the target is dropped.
        case conflictingColumns
        /// A text feature column has more distinct values than `max_categories=`.
        case tooManyCategories
        /// No row is left after leaving out rows with a missing target or missing cells.
        case noRowsLeft
        // Cells
        /// A row has more or fewer cells than the header.
        case raggedRow
        /// A feature cell is not a number.
        case nonNumericCell
        /// A feature column holds no numbers at all.
        case nonNumericColumn
        /// Feature cells are empty and no missing-value policy fills them.
        case missingValues
        /// A target cell is empty.
        case missingTarget
        /// A regression target cell is not a number.
        case nonNumericTarget
        /// A classification target has a single class.
        case singleClass
        /// A class label holds a control character (a line break, a tab, a NUL byte).
        case invalidClassLabel
        /// A classification target has more distinct classes than `max_classes=`.
        case tooManyClasses
        /// A number lies beyond what training can represent (a regression target over ±3.4e38).
        case valueOutOfRange
        // Built-in datasets
        /// No built-in dataset has this name.
        case unknownDataset
        /// A built-in dataset file is missing from the bundle (a broken installation).
        case bundledFileMissing
        /// The dataset takes no option of this name.
        case unknownOption
        /// An option's value has the wrong kind or is out of range.
        case invalidOption
        // Splits
        /// Split fractions are not positive, or do not sum to 1.
        case invalidFractions
        /// A part of the split would hold no rows.
        case emptyPart
        /// A class has too few rows to appear in every part of a stratified split.
        case classTooSmall
        /// Stratification was asked for on a regression dataset.
        case stratifyNeedsClasses
    }

    /// What went wrong.
    public let kind: Kind
    /// One line saying what went wrong.
    public let message: String
    /// How to fix it, when there is a likely fix.
    public let hint: String?
    /// The file concerned, as given.
    public let file: String?
    /// The 1-based line of `file`, counting the header as line 1 and every line break in quoted cells.
    public let line: Int?
    /// The 1-based column (cell number within its row).
    public let column: Int?
    /// The option or argument concerned (`target`, `noise`, `train`), for pointing at it.
    public let key: String?

    /// An error with its message and optional hint, file position and option key.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, file: String? = nil,
                line: Int? = nil, column: Int? = nil, key: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.column = column
        self.key = key
    }

    /// `file:line:column: message (hint)`, leaving out what is not known.
    public var description: String {
        var place = [String]()
        if let file { place.append(file.excerpt) }
        if let line { place.append(String(line)) }
        if let column { place.append(String(column)) }
        var text = place.isEmpty ? message : place.joined(separator: ":") + ": " + message
        if let hint { text += " (" + hint + ")" }
        return text
    }
}
