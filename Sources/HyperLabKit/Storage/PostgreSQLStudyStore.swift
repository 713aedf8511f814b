import Foundation

/// Studies kept in a PostgreSQL database (`--store postgresql://USER@HOST/DB`): the SQLite
/// store's tables and behaviour, shared by any number of processes and machines, plus a
/// work queue (`PostgreSQLStudyStore+WorkQueue.swift`) from which workers claim trials.
///
/// ```swift
/// let store = try PostgreSQLStudyStore.open(url: "postgresql://hyperlab@db.example/hyperlab")
/// let id = try store.createStudy(definition)
/// let report = study.run(parallel: 2, store: store.trialStore(for: id), objective: objective)
/// try store.setStatus(report.stoppedEarly ? .interrupted : .complete, of: definition.name)
/// ```
///
/// Durability: every trial event — started, each reported epoch, finished — is written in a
/// transaction that has committed when the call returns (events handed over together share
/// one), so a killed process loses only epochs in flight; a finished trial is never
/// half-written. The password comes from `PGPASSWORD` or `~/.pgpass` (libpq's rules) and is
/// never stored. `open` creates the tables when missing and refuses, without writing, a
/// database of a newer schema or one whose `study` table is another program's.
///
/// One connection per store, guarded by a lock: a store is safe to share between threads;
/// open one store per worker thread for statements that should run at the same time.
public final class PostgreSQLStudyStore: StudyRepository {
    /// The schema version this HyperLab writes and reads.
    public static let schemaVersion = 2

    let session: PostgreSQLSession

    private init(session: PostgreSQLSession) {
        self.session = session
    }

    /// Connects to `url`, creating the tables when missing.
    /// - Throws: `StorageError` — `.inaccessible` (cannot connect), `.newerSchema`,
    ///   `.foreignDatabase`, `.databaseFailure`.
    public static func open(url: String) throws(StorageError) -> PostgreSQLStudyStore {
        let connection: PostgreSQLConnection
        do {
            connection = try PostgreSQLConnection(url: url)
        } catch {
            throw error.storageError(doing: "open the store", location: PostgreSQLConnection.redacted(url))
        }
        try PostgreSQLSchema.setUp(connection)
        return PostgreSQLStudyStore(session: PostgreSQLSession(connection))
    }

    /// The server's URL, without a password.
    public var location: String { session.location }

    /// Stores a new study with no trials.
    public func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID {
        try StudyName.checkForStore(definition.name)
        let json = try SQLiteCoding.encode(definition)
        let location = location
        return try session.transaction("store the study \(definition.name)") { db in
            let rows = try db.query("""
                INSERT INTO study (name, created, status, sampler, dataset, metric, direction, trial_count, definition)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, [.text(definition.name), .double(definition.created.timeIntervalSince1970),
                      .text(definition.status.rawValue), .text(definition.sampler), .text(definition.datasetDisplayName),
                      .text(definition.metric), .text(definition.direction.rawValue), .int(definition.trialCount),
                      .text(json)])
            guard let row = rows.first else {
                throw StorageError(.studyExists, "a study named '\(definition.name)' already exists in \(location)",
                                   hint: "choose another name=, or resume '\(definition.name)'")
            }
            return StudyID(Int64(try row.int("id")))
        }
    }

    /// Every stored study, oldest first (queued trials are not counted).
    public func studies() throws(StorageError) -> [StudySummary] {
        try session.transaction("read the studies") { db in
            var counts: [Int: [TrialState: Int]] = [:]
            for row in try db.query("SELECT study_id, state, COUNT(*) AS n FROM trial GROUP BY study_id, state") {
                guard let state = TrialState(rawValue: try row.string("state")) else { continue }
                counts[try row.int("study_id"), default: [:]][state] = try row.int("n")
            }
            var interrupted: [Int: Int] = [:]
            for row in try db.query("""
                SELECT study_id, COUNT(*) AS n FROM trial WHERE state = 'failed' AND failure = $1 GROUP BY study_id
                """, [.text(Study.interruptedReason)]) {
                interrupted[try row.int("study_id")] = try row.int("n")
            }
            var extremes: [Int: (low: Double, high: Double)] = [:]
            for row in try db.query("""
                SELECT study_id, MIN(value) AS low, MAX(value) AS high FROM trial
                WHERE state = 'complete' AND value IS NOT NULL GROUP BY study_id
                """) {
                extremes[try row.int("study_id")] = (try row.double("low"), try row.double("high"))
            }
            return try db.query("""
                SELECT id, name, created, status, sampler, dataset, metric, direction, trial_count
                FROM study ORDER BY created, id
                """).map { row in
                let id = try row.int("id")
                let direction = MetricDirection(rawValue: try row.string("direction")) ?? .maximize
                return StudySummary(id: StudyID(Int64(id)), name: try row.string("name"), dataset: try row.string("dataset"),
                                    sampler: try row.string("sampler"),
                                    status: StudyStatus(rawValue: try row.string("status")) ?? .running,
                                    created: Date(timeIntervalSince1970: try row.double("created")),
                                    metric: try row.string("metric"), direction: direction,
                                    trialCount: try row.int("trial_count"), counts: counts[id] ?? [:],
                                    best: extremes[id].map { direction == .maximize ? $0.high : $0.low },
                                    interrupted: interrupted[id] ?? 0)
            }
        }
    }

    /// The study named `name` with its trials (queued ones, not yet started, are left out).
    public func load(_ name: String) throws(StorageError) -> StoredStudy {
        try session.transaction("read the study \(name)") { db in
            guard let row = try db.query("SELECT id, status, definition FROM study WHERE name = $1", [.text(name)]).first else {
                throw noSuchStudy(name, among: try studyNames(db))
            }
            let id = try row.int("id")
            let definition = try SQLiteCoding.definition(try row.string("definition"), status: try row.string("status"),
                                                         name: name)
            return StoredStudy(id: StudyID(Int64(id)), definition: definition,
                               trials: try PostgreSQLTrialStore.trials(db, study: Int64(id)))
        }
    }

    /// Marks trials left running by a local run (not claimed by a worker: those are
    /// `requeueStale`'s) as failed ("interrupted"), and a running study as interrupted.
    @discardableResult
    public func markInterrupted(_ name: String) throws(StorageError) -> Int {
        try session.transaction("mark the study \(name) interrupted") { db in
            let id = try studyID(db, name)
            let marked = try db.execute("""
                UPDATE trial SET state = 'failed', failure = $1
                WHERE study_id = $2 AND state = 'running' AND worker IS NULL
                """, [.text(Study.interruptedReason), .int(id)])
            try db.execute("UPDATE study SET status = 'interrupted' WHERE id = $1 AND status = 'running'", [.int(id)])
            return marked
        }
    }

    /// Sets the status of the study named `name`.
    public func setStatus(_ status: StudyStatus, of name: String) throws(StorageError) {
        try session.transaction("update the study \(name)") { db in
            let id = try studyID(db, name)
            try db.execute("UPDATE study SET status = $1 WHERE id = $2", [.text(status.rawValue), .int(id)])
        }
    }

    /// Removes the study named `name` and its trials.
    public func deleteStudy(_ name: String) throws(StorageError) {
        try session.transaction("delete the study \(name)") { db in
            let id = try studyID(db, name)
            try db.execute("DELETE FROM study WHERE id = $1", [.int(id)])
        }
    }

    /// The `StudyStore` writing the trials of one study to this database.
    public func trialStore(for study: StudyID) -> any StudyStore {
        PostgreSQLTrialStore(session: session, study: study.rawValue, worker: nil)
    }

    /// The schema version and HyperLab versions recorded in the database.
    public func versions() throws(StorageError) -> (schema: Int, createdBy: String, writtenBy: String) {
        let meta = try session.withConnection("read the versions") { db in try PostgreSQLSchema.meta(db) }
        return (Int(meta["schema_version"] ?? "") ?? 0, meta["created_by"] ?? "", meta["written_by"] ?? "")
    }

    // MARK: Helpers

    /// The id of the study named `name`, or `.noSuchStudy`.
    func studyID(_ db: PostgreSQLConnection, _ name: String) throws -> Int {
        if let row = try db.query("SELECT id FROM study WHERE name = $1", [.text(name)]).first { return try row.int("id") }
        throw noSuchStudy(name, among: try studyNames(db))
    }

    private func studyNames(_ db: PostgreSQLConnection) throws -> [String] {
        try db.query("SELECT name FROM study ORDER BY created, id").map { row throws(PostgreSQLError) in try row.string("name") }
    }
}
