/// One started trial as a waiting worker reads it: its state, whether its parameters are
/// recorded, how far it reported, and its value at one step; no parameters, metrics or epochs.
public struct PostgreSQLTrialProgress: Sendable, Hashable {
    /// The trial number.
    public var number: Int
    /// Running, complete, pruned or failed.
    public var state: TrialState
    /// Whether the trial's parameters are recorded (it was suggested).
    public var started: Bool
    /// The last step it reported, if any.
    public var lastStep: Int?
    /// Its value at the step asked for, if it reported that step (NaN for a non-finite value).
    public var valueAtStep: Double?
}

extension PostgreSQLStudyStore {
    /// The progress of the started trials of `study` numbered below `limit`, by number (queued
    /// ones are left out), with each one's value at `step` when given. One statement, so one
    /// snapshot: a worker polling while it waits for its peers reads a few numbers per trial
    /// instead of every trial's parameters and epochs.
    public func progress(study: StudyID, below limit: Int, step: Int? = nil) throws(StorageError) -> [PostgreSQLTrialProgress] {
        try session.transaction("read the trials' progress") { db in
            try db.query("""
                SELECT t.number, t.state, t.parameters IS NOT NULL AS started,
                    (SELECT MAX(s.step) FROM trial_step s WHERE s.study_id = t.study_id AND s.number = t.number) AS last_step,
                    s.step IS NOT NULL AS has_value, s.value
                FROM trial t
                LEFT JOIN trial_step s ON s.study_id = t.study_id AND s.number = t.number AND s.step = $3
                WHERE t.study_id = $1 AND t.number < $2 AND t.state <> 'queued'
                ORDER BY t.number
                """, [.int(Int(study.rawValue)), .int(limit), step.map { .int($0) } ?? .null]).map { row in
                let number = try row.int("number")
                return PostgreSQLTrialProgress(
                    number: number, state: try SQLiteCoding.state(try row.string("state"), of: number),
                    started: row["started"] == "t",
                    lastStep: row["last_step"] == nil ? nil : try row.int("last_step"),
                    valueAtStep: row["has_value"] == "t" ? (try row.optionalDouble("value") ?? .nan) : nil)
            }
        }
    }
}
