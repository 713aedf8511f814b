/// A trial a worker claimed from the queue.
public struct PostgreSQLClaim: Sendable, Hashable {
    /// The study the trial belongs to.
    public var study: StudyID
    /// The trial number.
    public var number: Int
    /// The worker that holds the claim.
    public var worker: String
}

/// The work queue: trials as rows that go queued → running (claimed by a worker, which sends
/// heartbeats) → complete, pruned or failed; a running trial whose worker stopped sending
/// heartbeats goes back to queued.
///
/// ```swift
/// // the shell that starts the sweep (sweep ... workers=external):
/// let id = try store.createStudy(definition)
/// try store.enqueue(study: id, numbers: 0..<definition.trialCount)
/// // each worker, on any machine:
/// while let claim = try store.claimNext(study: id, worker: "host-1:4242") {
///     // suggest, train, report through workerTrialStore(for:worker:), heartbeat(...) meanwhile
/// }
/// // someone, every few seconds (each worker does it before claiming):
/// try store.requeueStale(grace: .seconds(60))
/// ```
/// Claims use `SELECT ... FOR UPDATE SKIP LOCKED`: concurrent workers never get the same
/// trial and never wait for each other. Times are the server's clock (`now()`), so the
/// workers' clocks do not matter.
extension PostgreSQLStudyStore {
    /// Adds trial `numbers` of `study` to the queue; numbers already present (queued, running
    /// or finished) are left as they are. Returns how many were added.
    @discardableResult
    public func enqueue(study: StudyID, numbers: some Sequence<Int>) throws(StorageError) -> Int {
        let list = "{" + numbers.map(String.init).joined(separator: ",") + "}"
        return try session.transaction("queue trials") { db in
            try db.execute("""
                INSERT INTO trial (study_id, number, state)
                SELECT $1, n, 'queued' FROM unnest($2::int[]) AS n
                ON CONFLICT (study_id, number) DO NOTHING
                """, [.int(Int(study.rawValue)), .text(list)])
        }
    }

    /// Claims the lowest-numbered queued trial of `study` (of any study when nil) for `worker`:
    /// the trial becomes running, with a first heartbeat. Returns nil when nothing is queued.
    public func claimNext(study: StudyID?, worker: String) throws(StorageError) -> PostgreSQLClaim? {
        try session.transaction("claim a trial") { db in
            let rows = try db.query("""
                UPDATE trial SET state = 'running', worker = $2, heartbeat = now()
                WHERE (study_id, number) = (
                    SELECT study_id, number FROM trial
                    WHERE state = 'queued' AND ($1::bigint IS NULL OR study_id = $1)
                    ORDER BY study_id, number LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING study_id, number
                """, [study.map { .int(Int($0.rawValue)) } ?? .null, .text(worker)])
            guard let row = rows.first else { return nil }
            return PostgreSQLClaim(study: StudyID(Int64(try row.int("study_id"))), number: try row.int("number"),
                                   worker: worker)
        }
    }

    /// Records that `worker` still runs the claimed trial. Returns false when the claim is
    /// gone (the trial was re-queued, perhaps claimed by another worker): stop running it.
    public func heartbeat(_ claim: PostgreSQLClaim) throws(StorageError) -> Bool {
        try session.transaction("send a heartbeat") { db in
            try db.execute("""
                UPDATE trial SET heartbeat = now()
                WHERE study_id = $1 AND number = $2 AND state = 'running' AND worker = $3
                """, [.int(Int(claim.study.rawValue)), .int(claim.number), .text(claim.worker)]) == 1
        }
    }

    /// Puts back in the queue every claimed running trial whose last heartbeat is older than
    /// `grace` (its worker died or lost the network), dropping the epochs it reported; returns
    /// how many. Trials of a local run (no worker) are left to `markInterrupted`.
    @discardableResult
    public func requeueStale(grace: Duration) throws(StorageError) -> Int {
        let seconds = grace.inSeconds
        return try session.transaction("re-queue stale trials") { db in
            let rows = try db.query("""
                WITH stale AS (
                    UPDATE trial SET state = 'queued', worker = NULL, heartbeat = NULL, parameters = NULL,
                        failure = NULL, value = NULL, metrics = '{}', seconds = 0
                    WHERE state = 'running' AND worker IS NOT NULL
                        AND heartbeat < now() - make_interval(secs => $1)
                    RETURNING study_id, number),
                dropped AS (
                    DELETE FROM trial_step s USING stale
                    WHERE s.study_id = stale.study_id AND s.number = stale.number RETURNING 1)
                SELECT COUNT(*) AS n FROM stale
                """, [.double(max(seconds, 0))])
            return try rows.first?.int("n") ?? 0
        }
    }

    /// The number of queued and running trials of `study` (for progress and for a worker to
    /// know whether to wait).
    public func queueCounts(study: StudyID) throws(StorageError) -> (queued: Int, running: Int) {
        try session.transaction("read the queue") { db in
            var queued = 0
            var running = 0
            for row in try db.query("""
                SELECT state, COUNT(*) AS n FROM trial
                WHERE study_id = $1 AND state IN ('queued', 'running') GROUP BY state
                """, [.int(Int(study.rawValue))]) {
                if try row.string("state") == "queued" { queued = try row.int("n") } else { running = try row.int("n") }
            }
            return (queued, running)
        }
    }

    /// Marks a running study complete once every asked trial has finished; returns whether it did.
    /// The worker that finishes the last trial calls it, so a study run by workers ends as
    /// `complete`, as a local sweep does (and `resume` finds nothing to do).
    @discardableResult
    public func completeIfFinished(study: StudyID) throws(StorageError) -> Bool {
        try session.transaction("mark the study complete") { db in
            let rows = try db.query("""
                UPDATE study SET status = 'complete'
                WHERE id = $1 AND status = 'running'
                  AND (SELECT COUNT(*) FROM trial WHERE study_id = $1 AND state IN ('complete', 'pruned', 'failed')) >= trial_count
                RETURNING id
                """, [.int(Int(study.rawValue))])
            return !rows.isEmpty
        }
    }

    /// The fenced `StudyStore` of a claimed trial's study: writes succeed only while `worker`
    /// holds the trial's claim (see `PostgreSQLTrialStore`).
    public func workerTrialStore(for study: StudyID, worker: String) -> PostgreSQLTrialStore {
        PostgreSQLTrialStore(session: session, study: study.rawValue, worker: worker)
    }
}

extension PostgreSQLStudyStore {
    /// Gives a claimed trial back to the queue (its worker is stopping), dropping its epochs.
    /// Does nothing if the claim is no longer held.
    public func requeue(_ claim: PostgreSQLClaim) throws(StorageError) {
        try session.transaction("re-queue trial \(claim.number)") { db in
            let changed = try db.execute("""
                UPDATE trial SET state = 'queued', worker = NULL, heartbeat = NULL, parameters = NULL,
                    failure = NULL, value = NULL, metrics = '{}', seconds = 0
                WHERE study_id = $1 AND number = $2 AND state = 'running' AND worker = $3
                """, [.int(Int(claim.study.rawValue)), .int(claim.number), .text(claim.worker)])
            if changed == 1 {
                try db.execute("DELETE FROM trial_step WHERE study_id = $1 AND number = $2",
                               [.int(Int(claim.study.rawValue)), .int(claim.number)])
            }
        }
    }
}
