import GRDB
import GRDBSQLite

/// Writes the rows of one study's trials inside one write transaction, with its statements
/// looked up once per transaction rather than once per row.
struct SQLiteTrialWriter {
    private let db: Database
    private let study: Int
    private let insertRow: SQLiteFastStatement
    private let replaceRow: SQLiteFastStatement
    private let finishRow: SQLiteFastStatement
    private let clearSteps: SQLiteFastStatement
    private let insertStep: SQLiteFastStatement

    /// A writer for the trials of `study` on `db` (which must be in a write transaction).
    init(_ db: Database, study: Int64) throws {
        self.db = db
        self.study = Int(study)
        insertRow = try SQLiteFastStatement("""
            INSERT INTO trial (study_id, number, state, parameters, failure, value, metrics, seed, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, db)
        replaceRow = try SQLiteFastStatement("""
            UPDATE trial SET state = ?3, parameters = ?4, failure = ?5, value = ?6, metrics = ?7, seed = ?8, seconds = ?9
            WHERE study_id = ?1 AND number = ?2
            """, db)
        finishRow = try SQLiteFastStatement("""
            UPDATE trial SET state = ?3, failure = ?5, value = ?6, metrics = ?7, seed = ?8, seconds = ?9
            WHERE study_id = ?1 AND number = ?2
            """, db)
        clearSteps = try SQLiteFastStatement("DELETE FROM trial_step WHERE study_id = ? AND number = ?", db)
        insertStep = try SQLiteFastStatement(
            "INSERT OR REPLACE INTO trial_step (study_id, number, step, value) VALUES (?, ?, ?, ?)", db)
    }

    /// Writes the trial's row whole with its epochs; a row left by an earlier attempt at the
    /// same number is replaced, its epochs removed.
    func started(_ trial: Trial) throws {
        bindRow(trial, insertRow)
        if try insertRow.run() == SQLITE_CONSTRAINT {
            clearSteps.bind(1, study)
            clearSteps.bind(2, trial.number)
            try clearSteps.run()
            bindRow(trial, replaceRow)
            try replaceRow.run()
        }
        try insertSteps(trial.number, SQLiteTrialWriter.steps(of: trial))
    }

    /// A trial's epochs in step order.
    private static func steps(of trial: Trial) -> [(step: Int, value: Double)] {
        let values = trial.intermediateValues
        if values.count <= 1 { return values.map { ($0.key, $0.value) } }
        return values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes the end of a trial whose row exists: its state and results, and `newSteps` (every
    /// epoch when nil). A store that never saw the start gets the whole row and every epoch.
    func finished(_ trial: Trial, newSteps: [(step: Int, value: Double)]?) throws {
        bindRow(trial, finishRow, parameters: false)
        try finishRow.run()
        if db.changesCount == 0 {
            try started(trial)
        } else {
            try insertSteps(trial.number, newSteps ?? SQLiteTrialWriter.steps(of: trial))
        }
    }

    /// Writes epochs of a trial (replacing any at the same step).
    func insertSteps(_ number: Int, _ steps: [(step: Int, value: Double)]) throws {
        for (step, value) in steps {
            insertStep.bind(1, study)
            insertStep.bind(2, number)
            insertStep.bind(3, step)
            insertStep.bind(4, value)
            try insertStep.run()
        }
    }

    /// Binds a trial's columns as parameters 1 to 9: study_id, number, state, parameters,
    /// failure, value, metrics, seed, seconds (parameters only when asked: they never change
    /// after the start, and encoding them is the dearest part).
    private func bindRow(_ trial: Trial, _ statement: SQLiteFastStatement, parameters: Bool = true) {
        statement.bind(1, study)
        statement.bind(2, trial.number)
        statement.bind(3, trial.state.rawValue)
        var json = JSONBytes()
        if parameters {
            json.appendParameters(trial.parameters)
            statement.bind(4, utf8: json.bytes)
            json.clear()
        }
        statement.bind(5, trial.failure)
        statement.bind(6, trial.value)
        json.appendMetrics(trial.metrics)
        statement.bind(7, utf8: json.bytes)
        statement.bind(8, trial.seed)
        statement.bind(9, trial.seconds)
    }
}
