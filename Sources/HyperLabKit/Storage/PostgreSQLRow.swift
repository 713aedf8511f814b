/// One row of a query result, copied out of libpq: every column as text (PostgreSQL's text
/// format) or nil for NULL, read back typed by name.
///
/// ```swift
/// let rows = try connection.query("SELECT number, value FROM trial WHERE study_id = $1", [.int(1)])
/// let number = try rows[0].int("number")       // Int
/// let value = try rows[0].optionalDouble("value") // Double? (nil for NULL)
/// ```
public struct PostgreSQLRow: Sendable {
    /// The column names, in order.
    public let columns: [String]
    /// The values, in the order of `columns`; nil for NULL.
    public let values: [String?]

    /// A row of named values.
    public init(columns: [String], values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// The text of `column`, nil for NULL or a column the row does not have.
    public subscript(column: String) -> String? {
        columns.firstIndex(of: column).flatMap { values[$0] }
    }

    /// The text of `column`.
    /// - Throws: `PostgreSQLError` (`.value`) for NULL or a missing column.
    public func string(_ column: String) throws(PostgreSQLError) -> String {
        guard let text = self[column] else { throw PostgreSQLError(.value, "the column \(column) is NULL or missing") }
        return text
    }

    /// `column` as a whole number.
    /// - Throws: `PostgreSQLError` (`.value`) for NULL or text that is not an integer.
    public func int(_ column: String) throws(PostgreSQLError) -> Int {
        let text = try string(column)
        guard let n = Int(text) else { throw PostgreSQLError(.value, "the column \(column) holds \(text), not an integer") }
        return n
    }

    /// `column` as a number; nil for NULL.
    /// - Throws: `PostgreSQLError` (`.value`) for text that is not a number.
    public func optionalDouble(_ column: String) throws(PostgreSQLError) -> Double? {
        guard let text = self[column] else { return nil }
        return try PostgreSQLRow.double(text, column: column)
    }

    /// `column` as a number.
    /// - Throws: `PostgreSQLError` (`.value`) for NULL or text that is not a number.
    public func double(_ column: String) throws(PostgreSQLError) -> Double {
        try PostgreSQLRow.double(try string(column), column: column)
    }

    /// PostgreSQL's text of a float8 (`0.1`, `1e-05`, `NaN`, `Infinity`, `-Infinity`) as a Double.
    static func double(_ text: String, column: String) throws(PostgreSQLError) -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let x = Double(text) else { throw PostgreSQLError(.value, "the column \(column) holds \(text), not a number") }
            return x
        }
    }
}

/// A parameter of a statement: text, a whole number, a number, or NULL, sent in PostgreSQL's
/// text format (numbers spelled so they read back bit for bit).
public enum PostgreSQLValue: Sendable, Hashable {
    /// NULL.
    case null
    /// Text.
    case text(String)
    /// A whole number.
    case int(Int)
    /// A number (NaN and infinities spelled as PostgreSQL reads them).
    case double(Double)

    /// Text, or NULL for nil.
    public static func optional(_ text: String?) -> PostgreSQLValue { text.map { .text($0) } ?? .null }

    /// A number, or NULL for nil.
    public static func optional(_ x: Double?) -> PostgreSQLValue { x.map { .double($0) } ?? .null }

    /// The text libpq sends, nil for NULL.
    var text: String? {
        switch self {
        case .null: return nil
        case .text(let s): return s
        case .int(let n): return String(n)
        case .double(let x):
            if x.isNaN { return "NaN" }
            if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
            return "\(x)"
        }
    }
}
