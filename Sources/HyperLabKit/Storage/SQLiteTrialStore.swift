import Foundation
import GRDB

/// The trials of one study in a SQLite store, as `Study.run` writes them: every call is one
/// transaction, committed before the call returns.
///
/// - `record`: the events `Study.run` hands over together (those that piled up while the last
///   write ran), in order, in one transaction; each kind is written as below.
/// - `trialStarted`: the trial's row in state running (a trial run again after an
///   interruption replaces its old row and its old epochs).
/// - `trialReported`: one row of `trial_step`.
/// - `trialFinished`: the final row (complete, pruned, failed with its reason) with every
///   reported epoch, together.
///
/// So after a `kill -9`, every finished trial is in the file whole, and a running one has its
/// parameters, seed and the epochs it reported (see `SQLiteStudyStore` on durability).
public struct SQLiteTrialStore: StudyStore {
    let pool: DatabasePool
    let study: Int64
    let path: String

    /// Records the events that piled up since the last call, in order, in one transaction.
    public func record(_ events: [StudyEvent]) throws(StudyStoreError) {
        guard !events.isEmpty else { return }
        let encoder = SQLiteCoding.encoder()
        try write("record trial \(events[0].trial.number)") { db in
            for event in events {
                switch event.kind {
                case .started: try started(event.trial, db, encoder)
                case let .reported(step, value): try reported(event.trial.number, step, value, db)
                case .finished: try finished(event.trial, db, encoder)
                }
            }
        }
    }

    /// Records the running trial (replacing an earlier attempt at the same number).
    public func trialStarted(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { db in try started(trial, db, SQLiteCoding.encoder()) }
    }

    /// Records one reported epoch.
    public func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try write("record epoch \(step) of trial \(number)") { db in try reported(number, step, value, db) }
    }

    /// Records the finished trial with all its epochs.
    public func trialFinished(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { db in try finished(trial, db, SQLiteCoding.encoder()) }
    }

    private func started(_ trial: Trial, _ db: Database, _ encoder: JSONEncoder) throws {
        try db.cachedStatement(sql: "DELETE FROM trial_step WHERE study_id = ? AND number = ?")
            .execute(arguments: [study, trial.number])
        try upsert(trial, db, encoder)
        try insertSteps(trial, db)
    }

    private func reported(_ number: Int, _ step: Int, _ value: Double, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO trial_step (study_id, number, step, value) VALUES (?, ?, ?, ?)")
            .execute(arguments: [study, number, step, value.isNaN ? nil : value])
    }

    private func finished(_ trial: Trial, _ db: Database, _ encoder: JSONEncoder) throws {
        // The row exists since the trial started (its parameters do not change): update the
        // rest; a store that never saw the start gets the whole row.
        try db.cachedStatement(sql: """
            UPDATE trial SET state = ?, failure = ?, value = ?, metrics = ?, seed = ?, seconds = ?
            WHERE study_id = ? AND number = ?
            """).execute(arguments: [trial.state.rawValue, trial.failure, trial.value.flatMap { $0.isNaN ? nil : $0 },
                                     SQLiteCoding.metricsText(trial.metrics), trial.seed, trial.seconds,
                                     study, trial.number])
        if db.changesCount == 0 { try upsert(trial, db, encoder) }
        try insertSteps(trial, db)
    }

    /// Every stored trial of the study, by number.
    public func trials() throws(StudyStoreError) -> [Trial] {
        do {
            return try pool.read { db in try SQLiteTrialStore.trials(db, study: study) }
        } catch let error as StorageError {
            throw error.studyStoreError
        } catch {
            throw SQLiteSchema.failure(error, doing: "read the trials", path: path).studyStoreError
        }
    }

    /// The trials of `study`, by number, with their epochs.
    static func trials(_ db: Database, study: Int64) throws -> [Trial] {
        var steps: [Int: [Int: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT number, step, value FROM trial_step WHERE study_id = ?",
                                    arguments: [study]) {
            let value: Double? = row["value"]
            steps[row["number"], default: [:]][row["step"]] = value ?? .nan
        }
        return try Row.fetchAll(db, sql: """
            SELECT number, state, parameters, failure, value, metrics, seed, seconds
            FROM trial WHERE study_id = ? ORDER BY number
            """, arguments: [study]).map { row in
            let number: Int = row["number"]
            let stateText: String = row["state"]
            guard let state = TrialState(rawValue: stateText) else {
                throw StorageError(.invalidRecord, "trial \(number) has the unknown state \(stateText)")
            }
            return Trial(number: number,
                         parameters: try SQLiteCoding.decode(TrialParameters.self, from: row["parameters"],
                                                             what: "the parameters of trial \(number)"),
                         state: state, failure: row["failure"], intermediateValues: steps[number] ?? [:],
                         value: row["value"],
                         metrics: try SQLiteCoding.decode([String: Double].self, from: row["metrics"],
                                                          what: "the metrics of trial \(number)"),
                         seed: row["seed"], seconds: row["seconds"])
        }
    }

    private func upsert(_ trial: Trial, _ db: Database, _ encoder: JSONEncoder) throws {
        try db.cachedStatement(sql: """
            INSERT INTO trial (study_id, number, state, parameters, failure, value, metrics, seed, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (study_id, number) DO UPDATE SET
                state = excluded.state, parameters = excluded.parameters, failure = excluded.failure,
                value = excluded.value, metrics = excluded.metrics, seed = excluded.seed, seconds = excluded.seconds
            """).execute(arguments: [study, trial.number, trial.state.rawValue,
                                     try SQLiteCoding.encode(trial.parameters, with: encoder), trial.failure,
                                     trial.value.flatMap { $0.isNaN ? nil : $0 },
                                     SQLiteCoding.metricsText(trial.metrics), trial.seed, trial.seconds])
    }

    private func insertSteps(_ trial: Trial, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO trial_step (study_id, number, step, value) VALUES (?, ?, ?, ?)")
        for (step, value) in trial.intermediateValues.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [study, trial.number, step, value.isNaN ? nil : value])
        }
    }

    private func write(_ doing: String, _ body: (Database) throws -> Void) throws(StudyStoreError) {
        do {
            try pool.write { db in try body(db) }
        } catch let error as StorageError {
            throw error.studyStoreError
        } catch {
            throw SQLiteSchema.failure(error, doing: doing, path: path).studyStoreError
        }
    }
}
