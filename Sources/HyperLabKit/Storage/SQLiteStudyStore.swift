import Foundation
import GRDB

/// Studies kept in a SQLite file (`hyperlab.sqlite` by default): crash-safe, shared by
/// processes, many studies per file.
///
/// ```swift
/// let store = try SQLiteStudyStore.open(path: "hyperlab.sqlite")
/// let id = try store.createStudy(definition)
/// let report = study.run(parallel: 2, store: store.trialStore(for: id), objective: objective)
/// try store.setStatus(report.stoppedEarly ? .interrupted : .complete, of: definition.name)
/// try store.studies()   // [StudySummary]
/// ```
///
/// Durability. The file is in WAL mode with `PRAGMA synchronous = NORMAL` (GRDB's
/// `DatabasePool` default), and every trial event — started, each reported epoch, finished
/// — is written in a transaction as `Study.run` hands it over: events that piled up while
/// the previous write ran, or within the store's 20 ms commit interval, share one (group
/// commit; see `SQLiteTrialStore`). A trial's line is printed only once its end is committed.
/// A commit returns once its frames are
/// written to the `-wal` file with `write()`: they sit in the operating system's page cache,
/// which outlives the process. So a `kill -9` (or a crash of HyperLab) at any moment loses
/// nothing that was committed: the next opener replays the WAL, and a transaction cut in the
/// middle is discarded whole. What such a kill loses is only what was not yet committed: the
/// epochs in flight of running trials, which stay "running" until `markInterrupted`. NORMAL
/// skips the fsync at each commit; what it gives up is durability of the last commits on a
/// power cut or kernel crash (the file stays consistent; WAL is synced at checkpoints), the
/// trade SQLite documents for WAL mode. A finished trial is never half-written.
///
/// Versions. The schema is built by GRDB migrations; `PRAGMA user_version` and the `meta`
/// table hold the schema version, and `meta` the HyperLab versions that created and last
/// wrote the file. `open` first checks the file without writing to it: a file that is not a
/// SQLite database, is damaged, belongs to another program, or was written by a newer schema
/// is refused with a typed error, and its bytes are left exactly as they were.
public final class SQLiteStudyStore: StudyRepository {
    /// The schema version this HyperLab writes and reads.
    public static let schemaVersion = 2

    /// The file, as given to `open`.
    public let path: String
    /// Whether the file was opened read-only (it or its folder cannot be written): studies can
    /// be listed and loaded, and every write is refused with a clear error.
    public let isReadOnly: Bool
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool, isReadOnly: Bool) {
        self.path = path
        self.pool = pool
        self.isReadOnly = isReadOnly
    }

    /// Opens the store at `path`, creating the file (and migrating an older schema) as needed.
    ///
    /// Nothing is written to an existing file until it has been checked: it must be a SQLite
    /// database that passes `PRAGMA quick_check`, made by HyperLab, with a schema version no
    /// newer than `schemaVersion`.
    /// - Throws: `StorageError` — `.notADatabase` (not SQLite, or damaged), `.foreignDatabase`
    ///   (another program's database), `.newerSchema` (written by a newer HyperLab),
    ///   `.inaccessible` (cannot be opened or created), `.databaseFailure`.
    public static func open(path: String) throws(StorageError) -> SQLiteStudyStore {
        try SQLiteSchema.checkExisting(path: path)
        let readOnly = SQLiteStoreFile.isReadOnly(path: path)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.label = "HyperLab.SQLiteStudyStore"
        let pool = try SQLiteStoreFile.leavingNoSideFiles(of: path) { () throws(StorageError) in
            let name = readOnly ? SQLiteStoreFile.connectionName(path) : path
            do { return try DatabasePool(path: name, configuration: configuration) } catch {
                throw SQLiteSchema.openError(error, path: path)
            }
        }
        if !readOnly { try SQLiteSchema.migrate(pool, path: path) }
        return SQLiteStudyStore(path: path, pool: pool, isReadOnly: readOnly)
    }

    /// The error for a write to a store opened read-only.
    var readOnlyError: StorageError {
        StorageError(.inaccessible, "\(path) is read-only: its studies can be listed and opened, not changed",
                     hint: "copy it to a folder you can write to, or use --store memory for new sweeps", path: path)
    }

    /// The file path.
    public var location: String { path }

    /// Stores a new study with no trials.
    public func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID {
        try StudyName.checkForStore(definition.name)
        let json = try SQLiteCoding.encode(definition)
        return try write("store the study \(definition.name)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM study WHERE name = ?", arguments: [definition.name]) == true {
                throw StorageError(.studyExists, "a study named '\(definition.name)' already exists in \(path)",
                                   hint: "choose another name=, or resume '\(definition.name)'", path: path)
            }
            try db.execute(sql: """
                INSERT INTO study (name, created, status, sampler, dataset, metric, direction, trial_count, definition)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [definition.name, definition.created.timeIntervalSince1970, definition.status.rawValue,
                                 definition.sampler, definition.datasetDisplayName, definition.metric,
                                 definition.direction.rawValue, definition.trialCount, json])
            return StudyID(db.lastInsertedRowID)
        }
    }

    /// Every stored study, oldest first.
    public func studies() throws(StorageError) -> [StudySummary] {
        try read { db in
            var counts: [Int64: [TrialState: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT study_id, state, COUNT(*) AS n FROM trial GROUP BY study_id, state") {
                guard let state = TrialState(rawValue: row["state"]) else { continue }
                counts[row["study_id"], default: [:]][state] = row["n"]
            }
            var interrupted: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT study_id, COUNT(*) AS n FROM trial WHERE state = 'failed' AND failure = ? GROUP BY study_id
                """, arguments: [Study.interruptedReason]) {
                interrupted[row["study_id"]] = row["n"]
            }
            var extremes: [Int64: (low: Double, high: Double)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT study_id, MIN(value) AS low, MAX(value) AS high FROM trial
                WHERE state = 'complete' AND value IS NOT NULL GROUP BY study_id
                """) {
                extremes[row["study_id"]] = (row["low"], row["high"])
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, name, created, status, sampler, dataset, metric, direction, trial_count
                FROM study ORDER BY created, id
                """).map { (row: Row) -> StudySummary in
                let id: Int64 = row["id"]
                let direction = MetricDirection(rawValue: row["direction"]) ?? .maximize
                let best = extremes[id].map { direction == .maximize ? $0.high : $0.low }
                return StudySummary(id: StudyID(id), name: row["name"], dataset: row["dataset"], sampler: row["sampler"],
                                    status: StudyStatus(rawValue: row["status"]) ?? .running,
                                    created: Date(timeIntervalSince1970: row["created"]), metric: row["metric"],
                                    direction: direction, trialCount: row["trial_count"], counts: counts[id] ?? [:],
                                    best: best, interrupted: interrupted[id] ?? 0)
            }
        }
    }

    /// The study named `name` with its trials.
    public func load(_ name: String) throws(StorageError) -> StoredStudy {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status, definition FROM study WHERE name = ?",
                                             arguments: [name]) else {
                throw noSuchStudy(name, among: try String.fetchAll(db, sql: "SELECT name FROM study ORDER BY created, id"))
            }
            let id: Int64 = row["id"]
            let definition = try SQLiteCoding.definition(row["definition"], status: row["status"], name: name)
            return StoredStudy(id: StudyID(id), definition: definition, trials: try SQLiteTrialStore.trials(db, study: id))
        }
    }

    /// Marks trials left running as failed ("interrupted") and a running study as interrupted.
    @discardableResult
    public func markInterrupted(_ name: String) throws(StorageError) -> Int {
        try write("mark the study \(name) interrupted") { db in
            let id = try studyID(db, name)
            try db.execute(sql: "UPDATE trial SET state = 'failed', failure = ? WHERE study_id = ? AND state = 'running'",
                           arguments: [Study.interruptedReason, id])
            let marked = db.changesCount
            try db.execute(sql: "UPDATE study SET status = 'interrupted' WHERE id = ? AND status = 'running'", arguments: [id])
            return marked
        }
    }

    /// Sets the status of the study named `name`.
    public func setStatus(_ status: StudyStatus, of name: String) throws(StorageError) {
        try write("update the study \(name)") { db in
            let id = try studyID(db, name)
            try db.execute(sql: "UPDATE study SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
        }
    }

    /// Removes the study named `name` and its trials.
    public func deleteStudy(_ name: String) throws(StorageError) {
        try write("delete the study \(name)") { db in
            let id = try studyID(db, name)
            try db.execute(sql: "DELETE FROM study WHERE id = ?", arguments: [id])
        }
    }

    /// The `StudyStore` writing the trials of one study to this file.
    public func trialStore(for study: StudyID) -> any StudyStore {
        SQLiteTrialStore(pool: pool, study: study.rawValue, path: path)
    }

    /// The schema version and HyperLab versions recorded in the file.
    public func versions() throws(StorageError) -> (schema: Int, createdBy: String, writtenBy: String) {
        try read { db in
            let meta = try SQLiteSchema.meta(db)
            return (Int(meta["schema_version"] ?? "") ?? 0, meta["created_by"] ?? "", meta["written_by"] ?? "")
        }
    }

    // MARK: Helpers

    /// The id of the study named `name`, or `.noSuchStudy`.
    private func studyID(_ db: Database, _ name: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM study WHERE name = ?", arguments: [name]) { return id }
        throw noSuchStudy(name, among: try String.fetchAll(db, sql: "SELECT name FROM study ORDER BY created, id"))
    }

    /// Runs `body` in a write transaction, mapping database errors to `StorageError`.
    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(StorageError) -> T {
        guard !isReadOnly else { throw readOnlyError }
        do {
            return try pool.write { db in try body(db) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw SQLiteSchema.failure(error, doing: doing, path: path)
        }
    }

    /// Runs `body` in a read transaction, mapping database errors to `StorageError`.
    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw SQLiteSchema.failure(error, doing: "read the studies", path: path)
        }
    }
}
