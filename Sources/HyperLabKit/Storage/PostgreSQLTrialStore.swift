import Foundation

/// The trials of one study in a PostgreSQL store, as `Study.run` (or a worker) writes them:
/// every call is one transaction, committed before it returns; `record` writes the events
/// handed over together in one.
///
/// - `trialStarted`: the trial's row in state running (replacing an earlier attempt at the
///   same number and its epochs).
/// - `trialReported`: one row of `trial_step`.
/// - `trialFinished`: the final row (complete, pruned, failed with its reason) with every
///   reported epoch.
///
/// A worker's store (`PostgreSQLStudyStore.workerTrialStore(for:worker:)`) is fenced: it
/// writes only while the trial is running and claimed by that worker. If the trial was
/// re-queued (the worker missed its heartbeats) every write fails with "lost the claim", so
/// a worker that comes back late never overwrites the trial another worker now runs.
public struct PostgreSQLTrialStore: StudyStore {
    /// Group commit: while trials run, events are written together at most every 20 ms (a
    /// commit per epoch of every running trial took a few per cent of a core from them).
    public var commitInterval: Duration { .milliseconds(20) }

    let session: PostgreSQLSession
    let study: Int64
    /// The claiming worker, for a fenced store; nil for a local run.
    let worker: String?

    /// Records `events` in one transaction, each trial once at its last state
    /// (`TrialEventBatch`): its start, the epochs it reported, its end, as they apply.
    public func record(_ events: [StudyEvent]) throws(StudyStoreError) {
        guard let first = events.first else { return }
        let batches = TrialEventBatch.grouping(events)
        try write("record trial \(first.trial.number)") { db in
            for batch in batches {
                let latest = events[batch.latest].trial
                if batch.started {
                    try started(latest, db)
                } else if !latest.state.isFinished {
                    for (step, value) in batch.steps { try reported(latest.number, step, value, db) }
                }
                if latest.state.isFinished { try finished(latest, db) }
            }
        }
    }

    /// Records the running trial (replacing an earlier attempt at the same number).
    public func trialStarted(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { db in try started(trial, db) }
    }

    /// Records one reported epoch.
    public func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try write("record epoch \(step) of trial \(number)") { db in try reported(number, step, value, db) }
    }

    /// Records the finished trial with all its epochs.
    public func trialFinished(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { db in try finished(trial, db) }
    }

    /// Every started trial of the study, by number (queued ones are left out).
    public func trials() throws(StudyStoreError) -> [Trial] {
        do {
            return try session.transaction("read the trials") { db in try PostgreSQLTrialStore.trials(db, study: study) }
        } catch {
            throw error.studyStoreError
        }
    }

    // MARK: Statements

    private func started(_ trial: Trial, _ db: PostgreSQLConnection) throws {
        let parameters = SQLiteCoding.parametersText(trial.parameters)
        if let worker {
            let changed = try db.execute("""
                UPDATE trial SET parameters = $1, failure = NULL, value = NULL, metrics = $2, seed = $3, seconds = $4
                WHERE study_id = $5 AND number = $6 AND state = 'running' AND worker = $7
                """, [.text(parameters), .text(SQLiteCoding.metricsText(trial.metrics)), .int(trial.seed),
                      .double(trial.seconds), .int(Int(study)), .int(trial.number), .text(worker)])
            guard changed == 1 else { throw lostClaim(trial.number) }
        } else {
            try db.execute("""
                INSERT INTO trial (study_id, number, state, parameters, failure, value, metrics, seed, seconds)
                VALUES ($1, $2, 'running', $3, NULL, NULL, $4, $5, $6)
                ON CONFLICT (study_id, number) DO UPDATE SET
                    state = excluded.state, parameters = excluded.parameters, failure = NULL, value = NULL,
                    metrics = excluded.metrics, seed = excluded.seed, seconds = excluded.seconds
                """, [.int(Int(study)), .int(trial.number), .text(parameters),
                      .text(SQLiteCoding.metricsText(trial.metrics)), .int(trial.seed), .double(trial.seconds)])
        }
        try db.execute("DELETE FROM trial_step WHERE study_id = $1 AND number = $2", [.int(Int(study)), .int(trial.number)])
        try insertSteps(trial, db)
    }

    private func reported(_ number: Int, _ step: Int, _ value: Double, _ db: PostgreSQLConnection) throws {
        let changed = try db.execute("""
            INSERT INTO trial_step (study_id, number, step, value)
            SELECT $1, $2, $3, $4 WHERE $5::text IS NULL OR EXISTS (
                SELECT 1 FROM trial WHERE study_id = $1 AND number = $2 AND state = 'running' AND worker = $5)
            ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value
            """, [.int(Int(study)), .int(number), .int(step), value.isNaN ? .null : .double(value), .optional(worker)])
        if worker != nil && changed == 0 { throw lostClaim(number) }
    }

    private func finished(_ trial: Trial, _ db: PostgreSQLConnection) throws {
        let changed = try db.execute("""
            UPDATE trial SET state = $1, failure = $2, value = $3, metrics = $4, seed = $5, seconds = $6
            WHERE study_id = $7 AND number = $8 AND ($9::text IS NULL OR (state = 'running' AND worker = $9))
            """, [.text(trial.state.rawValue), .optional(trial.failure), .optional(trial.value.flatMap { $0.isNaN ? nil : $0 }),
                  .text(SQLiteCoding.metricsText(trial.metrics)), .int(trial.seed), .double(trial.seconds),
                  .int(Int(study)), .int(trial.number), .optional(worker)])
        if changed == 0 {
            // A store that never saw the start gets the whole row; a worker that lost its claim, nothing.
            guard worker == nil else { throw lostClaim(trial.number) }
            try db.execute("""
                INSERT INTO trial (study_id, number, state, parameters, failure, value, metrics, seed, seconds)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [.int(Int(study)), .int(trial.number), .text(trial.state.rawValue),
                      .text(SQLiteCoding.parametersText(trial.parameters)), .optional(trial.failure),
                      .optional(trial.value.flatMap { $0.isNaN ? nil : $0 }),
                      .text(SQLiteCoding.metricsText(trial.metrics)), .int(trial.seed), .double(trial.seconds)])
        }
        try insertSteps(trial, db)
    }

    private func insertSteps(_ trial: Trial, _ db: PostgreSQLConnection) throws {
        for (step, value) in trial.intermediateValues.sorted(by: { $0.key < $1.key }) {
            try db.execute("""
                INSERT INTO trial_step (study_id, number, step, value) VALUES ($1, $2, $3, $4)
                ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value
                """, [.int(Int(study)), .int(trial.number), .int(step), value.isNaN ? .null : .double(value)])
        }
    }

    private func lostClaim(_ number: Int) -> StorageError {
        StorageError(.claimLost,
                     "worker \(worker ?? "") lost the claim on trial \(number) in \(session.location): it was re-queued",
                     hint: "the worker missed its heartbeats for longer than the grace; another worker runs the trial now")
    }

    private func write(_ doing: String, _ body: (PostgreSQLConnection) throws -> Void) throws(StudyStoreError) {
        do {
            try session.transaction(doing, body)
        } catch {
            throw error.studyStoreError
        }
    }

    /// The started trials of `study`, by number, with their epochs.
    static func trials(_ db: PostgreSQLConnection, study: Int64) throws -> [Trial] {
        var steps: [Int: [Int: Double]] = [:]
        for row in try db.query("SELECT number, step, value FROM trial_step WHERE study_id = $1", [.int(Int(study))]) {
            steps[try row.int("number"), default: [:]][try row.int("step")] = try row.optionalDouble("value") ?? .nan
        }
        return try db.query("""
            SELECT number, state, parameters, failure, value, metrics, seed, seconds
            FROM trial WHERE study_id = $1 AND state <> 'queued' ORDER BY number
            """, [.int(Int(study))]).map { row in
            let number = try row.int("number")
            return try SQLiteCoding.trial(number: number, state: try row.string("state"), parameters: row["parameters"],
                                          failure: row["failure"], value: try row.optionalDouble("value"),
                                          metrics: try row.string("metrics"), seed: try row.int("seed"),
                                          seconds: try row.double("seconds"), steps: steps[number] ?? [:])
        }
    }
}
