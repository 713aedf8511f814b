import GRDB
import GRDBSQLite

/// Runs one of GRDB's cached statements with values bound through the SQLite C API.
///
/// A trial's rows are written several times a second per worker; GRDB's checked
/// `execute(arguments:)` boxes every value and validates the argument list, which cost more
/// than SQLite's own work. This binds in place and steps once, and reports the result code
/// instead of throwing on a constraint, so a caller can treat a conflict as an answer.
struct SQLiteFastStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection

    /// The cached statement for `sql` on `db`.
    init(_ sql: String, _ db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: sql)
        }
        self.connection = connection
    }

    /// Binds the values of one execution: call `bind` for each parameter, from 1.
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    /// Binds a real; nil and NaN bind NULL.
    func bind(_ index: Int32, _ value: Double?) {
        if let value, !value.isNaN { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds a text; nil binds NULL.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var copy = value
        copy.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), sqliteTransient)
            }
        }
    }

    /// Binds UTF-8 text given as bytes (JSON from `JSONBytes`).
    func bind(_ index: Int32, utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let start = chars.baseAddress {
                    _ = sqlite3_bind_text(handle, index, start, Int32(chars.count), sqliteTransient)
                } else {
                    _ = sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
            }
        }
    }

    /// Steps the bound statement to its end and resets it: SQLITE_DONE, or SQLITE_CONSTRAINT
    /// for a uniqueness conflict (nothing written).
    /// - Throws: `DatabaseError` for any other failure.
    @discardableResult
    func run() throws -> Int32 {
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE || code == SQLITE_ROW {
            sqlite3_reset(handle)
            return SQLITE_DONE
        }
        let extended = sqlite3_extended_errcode(connection)
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(handle)
        if extended == constraintPrimaryKey || extended == constraintUnique { return SQLITE_CONSTRAINT }
        throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
    }
}

/// SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (macros Swift does not import).
private let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
private let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

/// SQLite's "copy the bytes now" destructor.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
