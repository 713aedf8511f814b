/// Why libpq could not connect or a statement failed, with libpq's own message.
///
/// ```swift
/// do { _ = try PostgreSQLConnection(url: "postgresql://hyperlab@db.example/hyperlab") }
/// catch { print(error.message, error.sqlState ?? "") }
/// ```
public struct PostgreSQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable, Equatable {
        /// The server could not be reached, or refused the connection (password, database).
        case connection
        /// A statement failed on the server (the SQLSTATE says why).
        case statement
        /// A value read back is not of the expected type.
        case value
    }

    /// What failed.
    public let kind: Kind
    /// The one-line message (libpq's, trimmed).
    public let message: String
    /// The five-character SQLSTATE of a failed statement (`40001`, `23505`, ...), if any.
    public let sqlState: String?

    /// An error of `kind` with its message.
    public init(_ kind: Kind, _ message: String, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
    }

    /// The message with the SQLSTATE when known.
    public var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }

    /// Whether the server ended the session or refused it for now (SQLSTATE class 08, or
    /// 57P01–57P03: shut down, crashed, starting up): the same statement may work later.
    public var isServerGone: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// As a `StorageError` about `location` while `doing` something, with a hint for the usual causes.
    public func storageError(doing: String, location: String) -> StorageError {
        switch kind {
        case .connection:
            return StorageError(.unreachable, "cannot \(doing) in \(location): \(message)",
                                hint: "check that the server runs and the URL is right; the password comes from PGPASSWORD or ~/.pgpass")
        case .value:
            return StorageError(.invalidRecord, "cannot \(doing) in \(location): \(message)",
                                hint: "the record may have been edited by hand")
        case .statement where isServerGone:
            return StorageError(.unreachable, "cannot \(doing) in \(location): \(description)",
                                hint: "the server is shutting down or restarting; check that it runs")
        case .statement:
            let hint: String? = switch sqlState?.prefix(2) {
            case "42": "the database may hold tables of another program; use another database or schema"
            case "28": "check the user and the password (PGPASSWORD or ~/.pgpass)"
            case "53": "the server is out of resources (disk, memory, connections)"
            default: nil
            }
            return StorageError(.databaseFailure, "cannot \(doing) in \(location): \(description)", hint: hint)
        }
    }
}
