/// How much of a CSV file `load` accepts: the longest cell and row, and the most classes
/// (`max_field=`, `max_line=`, `max_classes=` of `load "FILE.csv"`).
///
/// The caps keep a file that is not a table (a binary file, a quote never closed, a log with
/// a 50 MB line) from filling memory: the file is read in chunks, and the first cell or row over
/// its cap stops the load with its line and column.
///
/// ```swift
/// var limits = CSVLoadLimits()            // 64 KiB cells, 1 MiB rows, 1,000 classes
/// limits.maxClasses = 5_000
/// limits.arguments                       // ["max_classes=5000"]
/// ```
/// Invariant: `maxField` ≥ 1, `maxLine` ≥ 1, `maxClasses` ≥ 2. A cell is within its row, so the
/// smaller of the two caps is the one a long cell meets first.
public struct CSVLoadLimits: Sendable, Hashable, Codable {
    /// The default of `max_field=`: 64 KiB.
    public static let defaultMaxField = 65_536
    /// The default of `max_line=`: 1 MiB.
    public static let defaultMaxLine = 1_048_576
    /// The default of `max_classes=`.
    public static let defaultMaxClasses = 1_000

    /// The most bytes in one cell, quotes not counted (`max_field=`).
    public var maxField: Int
    /// The most bytes in one row, from its first byte to its line break, line breaks inside
    /// quoted cells included (`max_line=`).
    public var maxLine: Int
    /// The most distinct classes of a classification target (`max_classes=`).
    public var maxClasses: Int

    /// Limits with the defaults unless given.
    public init(maxField: Int = CSVLoadLimits.defaultMaxField, maxLine: Int = CSVLoadLimits.defaultMaxLine,
                maxClasses: Int = CSVLoadLimits.defaultMaxClasses) {
        precondition(maxField >= 1 && maxLine >= 1, "max_field and max_line are at least 1")
        precondition(maxClasses >= 2, "max_classes is at least 2")
        self.maxField = maxField
        self.maxLine = maxLine
        self.maxClasses = maxClasses
    }

    /// The `load` options that give these limits, defaults left out.
    public var arguments: [String] {
        var parts = [String]()
        if maxField != CSVLoadLimits.defaultMaxField { parts.append("max_field=\(maxField)") }
        if maxLine != CSVLoadLimits.defaultMaxLine { parts.append("max_line=\(maxLine)") }
        if maxClasses != CSVLoadLimits.defaultMaxClasses { parts.append("max_classes=\(maxClasses)") }
        return parts
    }
}
