import Foundation
import GRDB

/// The trials of one study in a SQLite store, as `Study.run` writes them: every call is one
/// transaction, committed before the call returns.
///
/// - `record`: the events `Study.run` hands over together (those that piled up while the last
///   write ran), in one transaction; each trial's last state is written once, as below.
/// - `trialStarted`: the trial's row in state running (a trial run again after an
///   interruption replaces its old row and its old epochs).
/// - `trialReported`: one row of `trial_step`.
/// - `trialFinished`: the final row (complete, pruned, failed with its reason) with every
///   reported epoch, together.
///
/// So after a `kill -9`, every finished trial is in the file whole, and a running one has its
/// parameters, seed and the epochs it reported (see `SQLiteStudyStore` on durability).
/// Rows are written by `SQLiteTrialWriter` with values bound through the C API: a sweep of
/// instant trials keeps the file within 2× of the memory store (`hyperlab-bench store`).
public struct SQLiteTrialStore: StudyStore {
    /// Group commit: while trials run, events are written together at most every 20 ms (a
    /// commit per epoch of every running trial took a few per cent of a core from them).
    public var commitInterval: Duration { .milliseconds(20) }

    let pool: DatabasePool
    let study: Int64
    let path: String

    /// Records the events that piled up since the last call, in one transaction.
    ///
    /// Inside one transaction only the last state of each trial is ever visible, so each trial
    /// is written once: its latest row (after clearing an earlier attempt's epochs when the
    /// batch holds its start) and the epochs it reported in the batch. A trial that starts,
    /// reports and finishes between two writes costs one row and its epochs.
    public func record(_ events: [StudyEvent]) throws(StudyStoreError) {
        guard !events.isEmpty else { return }
        let batches = TrialEventBatch.grouping(events)
        try write("record trial \(events[0].trial.number)") { writer in
            for batch in batches {
                let latest = events[batch.latest].trial
                if batch.started {
                    try writer.started(latest)
                } else if latest.state.isFinished {
                    try writer.finished(latest, newSteps: batch.steps)
                } else {
                    try writer.insertSteps(latest.number, batch.steps)
                }
            }
        }
    }

    /// Records the running trial (replacing an earlier attempt at the same number).
    public func trialStarted(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { writer in try writer.started(trial) }
    }

    /// Records one reported epoch.
    public func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try write("record epoch \(step) of trial \(number)") { writer in try writer.insertSteps(number, [(step, value)]) }
    }

    /// Records the finished trial with all its epochs.
    public func trialFinished(_ trial: Trial) throws(StudyStoreError) {
        try write("record trial \(trial.number)") { writer in try writer.finished(trial, newSteps: nil) }
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
            return try SQLiteCoding.trial(number: number, state: row["state"], parameters: row["parameters"],
                                          failure: row["failure"], value: row["value"], metrics: row["metrics"],
                                          seed: row["seed"], seconds: row["seconds"], steps: steps[number] ?? [:])
        }
    }

    /// Runs `body` in one write transaction with a `SQLiteTrialWriter` on it.
    private func write(_ doing: String, _ body: (SQLiteTrialWriter) throws -> Void) throws(StudyStoreError) {
        do {
            try pool.write { db in try body(try SQLiteTrialWriter(db, study: study)) }
        } catch let error as StorageError {
            throw error.studyStoreError
        } catch {
            throw SQLiteSchema.failure(error, doing: doing, path: path).studyStoreError
        }
    }
}
