import Foundation
import GRDB

/// The tables of a HyperLab store, their migrations, and the checks made before a file is
/// written to.
///
/// Schema 1:
/// - `meta(key, value)`: `schema_version`, `created_by`, `written_by` (HyperLab versions).
/// - `study`: one row per study, its listing columns and the `StudyDefinition` as JSON.
/// - `trial`: one row per trial (study, number) with state, parameters (JSON), failure,
///   value, metrics (JSON), seed and seconds.
/// - `trial_step`: one row per reported epoch (study, number, step, value; NULL for NaN).
///
/// Schema 2 adds `test_look`: one row per look at a dataset's test part (id, the dataset's
/// content hash, date, the `TestLook` as JSON), counted per dataset across splits and sessions.
///
/// A later schema adds a migration ("v2", ...) and raises `SQLiteStudyStore.schemaVersion`;
/// files of the older schema are migrated on open, files of a newer one are refused.
enum SQLiteSchema {
    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE study (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    created REAL NOT NULL,
                    status TEXT NOT NULL,
                    sampler TEXT NOT NULL,
                    dataset TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    trial_count INTEGER NOT NULL,
                    definition TEXT NOT NULL
                );
                CREATE TABLE trial (
                    study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'pruned', 'failed')),
                    parameters TEXT NOT NULL,
                    failure TEXT,
                    value REAL,
                    metrics TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    seconds REAL NOT NULL,
                    PRIMARY KEY (study_id, number)
                );
                CREATE TABLE trial_step (
                    study_id INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    step INTEGER NOT NULL,
                    value REAL,
                    PRIMARY KEY (study_id, number, step),
                    FOREIGN KEY (study_id, number) REFERENCES trial(study_id, number) ON DELETE CASCADE
                );
                """)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('created_by', ?)",
                           arguments: [HyperLabVersion.current])
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE test_look (
                    id TEXT PRIMARY KEY NOT NULL,
                    dataset_hash TEXT NOT NULL,
                    created REAL NOT NULL,
                    look TEXT NOT NULL
                );
                CREATE INDEX test_look_dataset ON test_look (dataset_hash, created);
                """)
        }
        return migrator
    }

    /// Refuses an existing file that is not a HyperLab store this version can write, without
    /// writing to it. A missing or empty file passes (it becomes a new store).
    static func checkExisting(path: String) throws(StorageError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
                throw StorageError(.inaccessible, "cannot create \(path): the folder \(folder) is missing or read-only",
                                   hint: "choose another file with --store PATH, or --store memory", path: path)
            }
            return
        }
        if let problem = SQLiteStoreFile.problem(path: path) { throw problem }
        guard !isFolder.boolValue else {
            throw StorageError(.inaccessible, "\(path) is a folder, not a store file",
                               hint: "give a file name such as \(path)/hyperlab.sqlite", path: path)
        }
        // The file is never opened outside SQLite: closing any other descriptor of it would drop
        // this process's POSIX locks, which other connections here may hold (SQLite's own
        // warning), and another process could then delete the WAL under them.
        var info = stat()
        guard stat(path, &info) == 0, FileManager.default.isReadableFile(atPath: path) else {
            throw StorageError(.inaccessible, "cannot read \(path)", hint: "check the file's permissions", path: path)
        }
        guard info.st_size > 0 else { return }
        guard info.st_size >= 512 else { throw notADatabase(path, detail: "it is too short to be a SQLite database") }
        // A read-only connection: SQLite writes nothing to the file through it, and a refused
        // file keeps no -wal or -shm file that this check made beside it.
        try SQLiteStoreFile.leavingNoSideFiles(of: path) { () throws(StorageError) in try check(path) }
    }

    /// The checks of `checkExisting` made through a read-only connection to the file.
    private static func check(_ path: String) throws(StorageError) {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: SQLiteStoreFile.connectionName(path), configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw notADatabase(path, detail: "its pages are damaged (\(check.prefix(2).joined(separator: "; ")))")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                let hasMeta = tables.contains("meta")
                let meta = hasMeta ? try self.meta(db) : [:]
                let recorded = Int(meta["schema_version"] ?? "") ?? version
                let newest = max(version, recorded)
                let superseded = try migrator.hasBeenSuperseded(db)
                if newest > SQLiteStudyStore.schemaVersion || superseded {
                    let writer = meta["written_by"].map { "HyperLab \($0)" } ?? "a newer HyperLab"
                    throw StorageError(.newerSchema,
                                       "\(path) was written by \(writer) (store schema \(newest)); this HyperLab \(HyperLabVersion.current) reads schema \(SQLiteStudyStore.schemaVersion) and older",
                                       hint: "upgrade HyperLab to open it, or choose another file with --store PATH; the file was not changed",
                                       path: path)
                }
                let foreign = tables.subtracting(["sqlite_sequence"])
                if !foreign.isEmpty && !(hasMeta && tables.contains("study")) {
                    throw StorageError(.foreignDatabase,
                                       "\(path) is a SQLite database of another program (tables: \(foreign.sorted().prefix(4).joined(separator: ", ")))",
                                       hint: "choose another file with --store PATH; the file was not changed", path: path)
                }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw openError(error, path: path)
        }
    }

    /// Runs the migrations and records the schema version and this HyperLab's version.
    static func migrate(_ pool: DatabasePool, path: String) throws(StorageError) {
        do {
            try migrator.migrate(pool)
            let wanted = ["schema_version": String(SQLiteStudyStore.schemaVersion), "written_by": HyperLabVersion.current]
            guard try pool.read({ db in try meta(db) }).filter({ wanted[$0.key] != nil }) != wanted else { return }
            try pool.write { db in
                for (key, value) in wanted.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                   arguments: [key, value])
                }
                try db.execute(sql: "PRAGMA user_version = \(SQLiteStudyStore.schemaVersion)")
            }
        } catch {
            throw failure(error, doing: "set up the store", path: path)
        }
    }

    /// The `meta` table as a dictionary.
    static func meta(_ db: Database) throws -> [String: String] {
        var meta: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row["key"]] = row["value"] }
        return meta
    }

    static func notADatabase(_ path: String, detail: String) -> StorageError {
        StorageError(.notADatabase, "\(path) is not a HyperLab store: \(detail)",
                     hint: "if it was one, restore it from a copy; otherwise choose another file with --store PATH. The file was not changed",
                     path: path)
    }

    /// The error for a file SQLite could not open or read.
    static func openError(_ error: any Error, path: String) -> StorageError {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return notADatabase(path, detail: error.message ?? "SQLite cannot read it")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                return StorageError(.inaccessible, "cannot open \(path): \(error.message ?? "\(error.resultCode)")",
                                    hint: "check the file and its folder's permissions, or use --store memory", path: path)
            default: break
            }
        }
        return failure(error, doing: "open the store", path: path)
    }

    /// A database error while doing something, as a `StorageError` with a hint for the usual causes.
    static func failure(_ error: any Error, doing: String, path: String) -> StorageError {
        guard let error = error as? DatabaseError else {
            return StorageError(.databaseFailure, "cannot \(doing) in \(path): \(error)", path: path)
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError(.databaseFailure, "cannot \(doing) in \(path): another process holds it (\(detail))",
                                hint: "wait for the other HyperLab to finish, or use another --store file", path: path)
        case .SQLITE_FULL:
            return StorageError(.databaseFailure, "cannot \(doing) in \(path): the disk is full",
                                hint: "free some space; the trials stored so far are kept", path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return notADatabase(path, detail: detail)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            return StorageError(.inaccessible, "cannot \(doing) in \(path): \(detail)",
                                hint: "check the file and its folder's permissions, or use --store memory", path: path)
        default:
            return StorageError(.databaseFailure, "cannot \(doing) in \(path): \(detail)", path: path)
        }
    }
}
