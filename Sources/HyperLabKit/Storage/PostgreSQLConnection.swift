import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: parameterized statements, transactions,
/// typed errors carrying libpq's message.
///
/// ```swift
/// let db = try PostgreSQLConnection(url: "postgresql://hyperlab@127.0.0.1:5432/hyperlab")
/// try db.transaction { db throws(PostgreSQLError) in
///     try db.execute("UPDATE study SET status = $1 WHERE name = $2", [.text("complete"), .text("sweep 1")])
/// }
/// let rows = try db.query("SELECT name FROM study ORDER BY id")
/// ```
/// The password is libpq's business: it reads `PGPASSWORD` or `~/.pgpass` (or the URL, if the
/// user put it there); HyperLab never stores it, and `location` leaves it out.
///
/// Not thread-safe: use one connection per thread, or guard it with a `Mutex` (as
/// `PostgreSQLStudyStore` does). A connection that broke is reset before the next statement.
public final class PostgreSQLConnection {
    private let connection: OpaquePointer
    /// The URL without any password, for messages.
    public let location: String

    /// Connects to the server named by `url` (`postgresql://USER@HOST:PORT/DB`, any libpq
    /// connection string works).
    /// - Throws: `PostgreSQLError` (`.connection`) with libpq's reason.
    public init(url: String) throws(PostgreSQLError) {
        location = PostgreSQLConnection.redacted(url)
        guard let connection = PQconnectdb(url) else {
            throw PostgreSQLError(.connection, "libpq could not allocate a connection to \(location)")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgreSQLConnection.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgreSQLError(.connection, "cannot connect to \(location): \(message)")
        }
        // Notices ("relation already exists, skipping") are not errors: keep them off stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { PQfinish(connection) }

    /// Runs one statement with `$1`, `$2`, ... bound to `parameters`; returns the rows it
    /// affected (or returned).
    /// - Throws: `PostgreSQLError` with the server's message and SQLSTATE.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgreSQLValue] = []) throws(PostgreSQLError) -> Int {
        let (result, _) = try run(sql, parameters, keepRows: false)
        return result
    }

    /// Runs a query with `$1`, `$2`, ... bound to `parameters`; returns its rows.
    /// - Throws: `PostgreSQLError` with the server's message and SQLSTATE.
    public func query(_ sql: String, _ parameters: [PostgreSQLValue] = []) throws(PostgreSQLError) -> [PostgreSQLRow] {
        try run(sql, parameters, keepRows: true).1
    }

    /// Runs `body` between BEGIN and COMMIT; rolls back when it throws.
    /// - Throws: the body's error, or `PostgreSQLError` when BEGIN or COMMIT fail.
    public func transaction<T>(_ body: (PostgreSQLConnection) throws(PostgreSQLError) -> T) throws(PostgreSQLError) -> T {
        try execute("BEGIN")
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Whether the connection is usable (resetting it once if it broke).
    public var isConnected: Bool {
        if PQstatus(connection) == CONNECTION_OK { return true }
        PQreset(connection)
        return PQstatus(connection) == CONNECTION_OK
    }

    // MARK: libpq

    private func run(_ sql: String, _ parameters: [PostgreSQLValue],
                     keepRows: Bool) throws(PostgreSQLError) -> (Int, [PostgreSQLRow]) {
        guard isConnected else {
            throw PostgreSQLError(.connection, "lost the connection to \(location): "
                                  + PostgreSQLConnection.trimmed(PQerrorMessage(connection)))
        }
        let texts: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.text.flatMap { strdup($0) } }
        defer { for pointer in texts { free(pointer) } }
        let result = texts.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard let result else {
            throw PostgreSQLError(.connection, "no answer from \(location): "
                                  + PostgreSQLConnection.trimmed(PQerrorMessage(connection)))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PostgreSQLConnection.trimmed(PQresultErrorMessage(result))
            let kind: PostgreSQLError.Kind = PQstatus(connection) == CONNECTION_OK ? .statement : .connection
            throw PostgreSQLError(kind, message.isEmpty ? "the statement failed" : message, sqlState: state)
        }
        let rowCount = Int(PQntuples(result))
        let affected = Int(String(cString: PQcmdTuples(result))) ?? rowCount
        guard keepRows, rowCount > 0 else { return (affected, []) }
        let columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        var rows: [PostgreSQLRow] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<Int32(rowCount) {
            let values = (0..<columnCount).map { c -> String? in
                PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c))
            }
            rows.append(PostgreSQLRow(columns: columns, values: values))
        }
        return (affected, rows)
    }

    /// libpq's message without the trailing newline and the "ERROR:" prefix.
    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        var text = String(cString: message).storageTrimmed
        if text.hasPrefix("ERROR:") { text = String(text.dropFirst(6)).storageTrimmed }
        if let end = text.firstIndex(of: "\n") { text = String(text[..<end]) }
        return text
    }

    /// `url` with the password, if any, left out (`postgresql://USER@HOST/DB`).
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else {
            guard url.contains("password=") else { return url }
            return url.split(separator: " ").filter { !$0.hasPrefix("password=") }.joined(separator: " ")
        }
        parts.password = nil
        return parts.string ?? url
    }
}
