/// What loading a CSV file did besides reading it: columns dropped or left out as identifiers,
/// and rows left out, so the shell can say so (`load`, `show data`).
///
/// ```swift
/// let data = try CSVDataset.load(path: "glass.csv", target: "type")
/// data.report.identifiers.first?.name     // "rownames"
/// data.report.rowsWithoutTarget           // 0
/// ```
public struct LoadReport: Sendable, Equatable {
    /// A column left out because it looks like a row identifier.
    public struct Identifier: Sendable, Equatable {
        /// The header name ("" for an unnamed column).
        public let name: String
        /// The 1-based column in the file.
        public let column: Int
        /// Why it looks like an identifier: "row names", "all values distinct", "numbers 1…n".
        public let reason: String

        /// An identifier column and why it was recognised.
        public init(name: String, column: Int, reason: String) {
            self.name = name
            self.column = column
            self.reason = reason
        }
    }

    /// Columns left out by `drop=` or by not being listed in `features=`, in file order.
    public var dropped: [String]
    /// Columns left out as identifiers, in file order.
    public var identifiers: [Identifier]
    /// Rows left out because their target was missing.
    public var rowsWithoutTarget: Int
    /// Rows left out by `missing=drop` because a feature cell was missing.
    public var rowsWithGaps: Int
    /// Whether the task was inferred from the target column (no `task=`).
    public var taskInferred: Bool

    /// A report of what was left out (nothing, by default).
    public init(dropped: [String] = [], identifiers: [Identifier] = [], rowsWithoutTarget: Int = 0, rowsWithGaps: Int = 0,
                taskInferred: Bool = false) {
        self.dropped = dropped
        self.identifiers = identifiers
        self.rowsWithoutTarget = rowsWithoutTarget
        self.rowsWithGaps = rowsWithGaps
        self.taskInferred = taskInferred
    }

    /// Whether two reports left out the same columns and rows. `taskInferred` is not compared:
    /// a file read with its task given or inferred is the same data.
    public static func == (lhs: LoadReport, rhs: LoadReport) -> Bool {
        lhs.dropped == rhs.dropped && lhs.identifiers == rhs.identifiers
            && lhs.rowsWithoutTarget == rhs.rowsWithoutTarget && lhs.rowsWithGaps == rhs.rowsWithGaps
    }
}
