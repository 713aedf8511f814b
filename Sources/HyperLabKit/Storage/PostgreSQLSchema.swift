/// The tables of a HyperLab store in PostgreSQL (the SQLite schema's, plus the work queue),
/// created when missing; a database written by a newer schema is refused untouched.
///
/// Schema 1:
/// - `meta(key, value)`: `schema_version`, `created_by`, `written_by` (HyperLab versions).
/// - `study`: one row per study, its listing columns and the `StudyDefinition` as JSON.
/// - `trial`: one row per trial (study, number): state (queued, running, complete, pruned,
///   failed), parameters (JSON; NULL while queued), failure, value, metrics (JSON), seed,
///   seconds, and for the work queue the claiming `worker` and its last `heartbeat`.
/// - `trial_step`: one row per reported epoch (study, number, step, value; NULL for NaN).
///
/// Schema 2 adds `test_look`: one row per look at a dataset's test part (id, the dataset's
/// content hash, date, the `TestLook` as JSON).
///
/// Set-up runs in one transaction under an advisory lock, so processes that open the same
/// database at once neither race on `CREATE TABLE` nor see half a schema.
enum PostgreSQLSchema {
    /// The advisory lock key of the set-up ("HyLb" in ASCII).
    static let setUpLock = 0x48_79_4C_62

    static let tables = """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS study (
            id BIGSERIAL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created DOUBLE PRECISION NOT NULL,
            status TEXT NOT NULL,
            sampler TEXT NOT NULL,
            dataset TEXT NOT NULL,
            metric TEXT NOT NULL,
            direction TEXT NOT NULL,
            trial_count INTEGER NOT NULL,
            definition TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS trial (
            study_id BIGINT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'complete', 'pruned', 'failed')),
            parameters TEXT,
            failure TEXT,
            value DOUBLE PRECISION,
            metrics TEXT NOT NULL DEFAULT '{}',
            seed BIGINT NOT NULL DEFAULT 0,
            seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
            worker TEXT,
            heartbeat TIMESTAMPTZ,
            PRIMARY KEY (study_id, number)
        );
        CREATE INDEX IF NOT EXISTS trial_queue ON trial (study_id, state, number);
        CREATE TABLE IF NOT EXISTS trial_step (
            study_id BIGINT NOT NULL,
            number INTEGER NOT NULL,
            step INTEGER NOT NULL,
            value DOUBLE PRECISION,
            PRIMARY KEY (study_id, number, step),
            FOREIGN KEY (study_id, number) REFERENCES trial(study_id, number) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS test_look (
            id TEXT PRIMARY KEY,
            dataset_hash TEXT NOT NULL,
            created DOUBLE PRECISION NOT NULL,
            look TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS test_look_dataset ON test_look (dataset_hash, created)
        """

    /// Creates the tables if missing and records the versions; refuses a newer schema or a
    /// database whose `study` table is not HyperLab's.
    static func setUp(_ db: PostgreSQLConnection) throws(StorageError) {
        let location = db.location
        do {
            try db.transaction { db throws(PostgreSQLError) in
                try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(setUpLock)])
                let present = try db.query("SELECT to_regclass('meta') IS NOT NULL AS meta, to_regclass('study') IS NOT NULL AS study")
                let hasMeta = present.first?["meta"] == "t"
                if hasMeta {
                    let rows = try db.query("SELECT value FROM meta WHERE key = 'schema_version'")
                    let version = rows.first?["value"].flatMap { Int($0) } ?? 0
                    if version > PostgreSQLStudyStore.schemaVersion { throw SetUpRefusal.error(newer: version) }
                } else if present.first?["study"] == "t" {
                    throw SetUpRefusal.foreignError
                }
                for statement in tables.split(separator: ";") {
                    try db.execute(String(statement))
                }
                try db.execute("INSERT INTO meta (key, value) VALUES ('created_by', $1) ON CONFLICT (key) DO NOTHING",
                               [.text(HyperLabVersion.current)])
                for (key, value) in [("schema_version", String(PostgreSQLStudyStore.schemaVersion)),
                                     ("written_by", HyperLabVersion.current)] {
                    try db.execute("""
                        INSERT INTO meta (key, value) VALUES ($1, $2)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, [.text(key), .text(value)])
                }
            }
        } catch {
            switch SetUpRefusal(error) {
            case .newer(let version)?:
                throw StorageError(.newerSchema,
                                   "\(location) was written by a newer HyperLab (schema \(version); this one knows \(PostgreSQLStudyStore.schemaVersion))",
                                   hint: "use that HyperLab version, or another database; nothing was changed")
            case .foreign?:
                throw StorageError(.foreignDatabase, "\(location) has a study table that HyperLab did not make",
                                   hint: "use another database, or a schema of your own with ?options=-csearch_path%3Dhyperlab in the URL")
            case nil:
                throw error.storageError(doing: "set up the store", location: location)
            }
        }
    }

    /// Why set-up stopped without writing, carried through the transaction as a statement error.
    private enum SetUpRefusal {
        case newer(Int)
        case foreign

        static let code = "HL001"

        static func error(newer version: Int) -> PostgreSQLError {
            PostgreSQLError(.statement, String(version), sqlState: code)
        }

        static var foreignError: PostgreSQLError { PostgreSQLError(.statement, "foreign", sqlState: code) }

        init?(_ error: PostgreSQLError) {
            guard error.sqlState == SetUpRefusal.code else { return nil }
            if let version = Int(error.message) { self = .newer(version) } else { self = .foreign }
        }
    }

    /// The `meta` table as a dictionary.
    static func meta(_ db: PostgreSQLConnection) throws(PostgreSQLError) -> [String: String] {
        var meta: [String: String] = [:]
        for row in try db.query("SELECT key, value FROM meta") { meta[try row.string("key")] = try row.string("value") }
        return meta
    }
}
