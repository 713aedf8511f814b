import Synchronization

/// The connection a `PostgreSQLStudyStore` and its trial stores share, behind a lock: one
/// statement or transaction at a time, errors mapped to `StorageError`.
final class PostgreSQLSession: Sendable {
    private let connection: Mutex<PostgreSQLConnection>
    /// The server's URL without a password.
    let location: String

    init(_ connection: consuming sending PostgreSQLConnection) {
        location = connection.location
        self.connection = Mutex(connection)
    }

    /// Runs `body` on the connection (no transaction: each statement commits on its own).
    func withConnection<T: Sendable>(_ doing: String,
                                     _ body: (PostgreSQLConnection) throws -> T) throws(StorageError) -> T {
        let location = location
        return try connection.withLock { (db: inout PostgreSQLConnection) throws(StorageError) -> T in
            do {
                return try body(db)
            } catch let error as StorageError {
                throw error
            } catch let error as PostgreSQLError {
                throw error.storageError(doing: doing, location: location)
            } catch {
                throw StorageError(.databaseFailure, "cannot \(doing) in \(location): \(error)")
            }
        }
    }

    /// Runs `body` in one transaction, rolled back if it throws.
    func transaction<T: Sendable>(_ doing: String,
                                  _ body: (PostgreSQLConnection) throws -> T) throws(StorageError) -> T {
        try withConnection(doing) { db in
            try db.execute("BEGIN")
            do {
                let value = try body(db)
                try db.execute("COMMIT")
                return value
            } catch {
                _ = try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}
