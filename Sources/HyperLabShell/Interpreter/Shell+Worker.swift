import Dispatch
import Foundation
import HyperLabKit
import Synchronization

/// `hyperlab worker --store postgresql://…`: runs the queued trials of stored studies, on as many
/// machines as start one, until none is left.
extension Shell {
    /// Runs queued trials of `studyName` (or of every study with queued trials) with `parallel`
    /// threads, each on its own connection; trials of a worker that stopped heartbeating for
    /// longer than `grace` are queued again first. A server that stops answering is waited for
    /// up to `options.reconnectLimit`, each attempt logged. Returns the process status: 1 when a
    /// study could not be run or the server stayed out of reach, with the reason printed.
    public func runWorker(url: String, studyName: String?, parallel: Int, grace: Duration) -> Int32 {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        // A server out of reach as the worker starts (a cluster bringing both up, a restart) is
        // waited for as one lost later is: up to --reconnect, each attempt logged.
        let reconnect = reconnectPolicy(prefix: "worker: ", everyAttempt: true)
        let interruption = options.interruption
        let store: PostgreSQLStudyStore
        var targets: [StoredStudy] = []
        do {
            store = try reconnect.retrying(interruption: interruption) { () throws(StorageError) in
                try PostgreSQLStudyStore.open(url: url)
            }
            let requeued = try reconnect.retrying(interruption: interruption) { () throws(StorageError) in
                try store.requeueStale(grace: grace)
            }
            if requeued > 0 { console.line("worker: \(requeued) trial(s) of stopped workers queued again") }
            targets = try reconnect.retrying(interruption: interruption) { () throws(StorageError) in
                var found: [StoredStudy] = []
                let names: [String] = if let studyName { [studyName] } else { try store.studies().map(\.name) }
                for name in names {
                    let stored = try store.load(name)
                    let queued = try store.queueCounts(study: stored.id).queued
                    if studyName != nil || queued > 0 { found.append(stored) }
                }
                return found
            }
        } catch {
            reportWorkerError(error, waited: error.kind == .unreachable)
            return 1
        }
        var failures = 0
        for stored in targets {
            let prepared: (study: Study, objective: @Sendable (TrialContext) throws -> TrialOutcome)
            do { prepared = try runner(for: stored) } catch {
                console.error("worker: study \(stored.definition.name): \(error.message)")
                failures += 1
                continue
            }
            console.line("worker \(host):\(pid): study \(stored.definition.name), \(parallel) thread(s)")
            let errors = Mutex<[StorageError]>([])
            let names = (0..<parallel).map { "\(host):\(pid):\($0)" }
            let policies = names.map { reconnectPolicy(prefix: "worker \($0): ", everyAttempt: true) }
            let console = console
            DispatchQueue.concurrentPerform(iterations: parallel) { k in
                if let error = Shell.runWorkerThread(named: names[k], url: url, stored: stored, prepared: prepared,
                                                     grace: grace, reconnect: policies[k], interruption: interruption,
                                                     console: console) {
                    errors.withLock { $0.append(error) }
                }
            }
            // One line per reason: the threads of a worker that lost the server all say the same.
            let ended = errors.withLock { $0 }
            var said = Set<String>()
            for error in ended where said.insert(error.message).inserted { reportWorkerError(error, waited: true) }
            if !ended.isEmpty { failures += 1 }
            // A server out of reach serves no other study either.
            if ended.contains(where: { $0.kind == .unreachable }) { break }
        }
        return failures == 0 ? 0 : 1
    }

    /// "worker: REASON" and the hint, on standard error; after `waited` for the server, a
    /// server out of reach is one the worker gave up on.
    private func reportWorkerError(_ error: StorageError, waited: Bool) {
        console.error("worker: \(waited ? outageText(error) : error.message)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
    }

    /// One thread of a worker, named `name`: its own connection, trials until none is left;
    /// returns the error that ended it early (a server out of reach past the limit, a failed
    /// statement), if any. A lost claim is logged and the thread goes on with the next trial.
    private static func runWorkerThread(named name: String, url: String, stored: StoredStudy,
                                        prepared: (study: Study, objective: @Sendable (TrialContext) throws -> TrialOutcome),
                                        grace: Duration, reconnect: ReconnectPolicy, interruption: Interruption,
                                        console: Console) -> StorageError? {
        let metric = stored.definition.metric
        let connection: PostgreSQLStudyStore
        do {
            connection = try reconnect.retrying(interruption: interruption) { () throws(StorageError) in
                try PostgreSQLStudyStore.open(url: url)
            }
        } catch {
            return error
        }
        var worker = PostgreSQLWorker(store: connection, name: name, grace: grace, interruption: interruption)
        worker.reconnect = reconnect
        worker.onRequeue = { count in console.line("worker: \(count) trial(s) of stopped workers queued again") }
        while !interruption.isRequested {
            let trial: Trial?
            do {
                trial = try worker.runNext(of: stored.id, study: prepared.study, objective: prepared.objective)
            } catch where error.kind == .claimLost {
                console.error("worker: \(error.message)")
                continue
            } catch {
                return error
            }
            guard let trial else { break }
            let value = trial.value.map { "\(metric) \(NumberFormat.metric($0))" } ?? (trial.failure ?? "")
            console.line("worker: trial \(trial.number) \(trial.stateWord) \(value)  \(Shell.parameterText(trial.parameters))")
        }
        return nil
    }

    /// `sweep … workers=external`: the study goes into the PostgreSQL queue, and this shell shows
    /// its progress from the database while workers run the trials. A server that stops
    /// answering is waited for up to `options.reconnectLimit` ("lost the database: …; retrying",
    /// then "reconnected to the database"); returns the trials last read, and the error of a
    /// server that stayed out of reach longer.
    func enqueueForWorkers(_ plan: SweepPlan, definition: StudyDefinition,
                           command: BoundCommand) throws(InputError) -> (trials: [Trial], lost: StorageError?) {
        let needsPostgreSQL = InputError("workers=external needs a PostgreSQL store", at: command.span(ofOption: "workers"),
                                         hint: "start hyperlab with --store postgresql://USER@HOST/DB, and workers with hyperlab worker --store …")
        guard let lazy = options.repository as? LazyStudyRepository else { throw needsPostgreSQL }
        let opened: any StudyRepository
        do { opened = try lazy.repository() } catch {
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
        guard let store = opened as? PostgreSQLStudyStore else { throw needsPostgreSQL }
        let id: StudyID
        do {
            id = try store.createStudy(definition)
            try store.enqueue(study: id, numbers: 0..<plan.total)
        } catch {
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
        console.line("queued \(plan.total) trials of \(definition.name); start workers anywhere with:")
        console.line("  hyperlab worker --store \(store.location) --study \"\(definition.name)\"")
        var trials: [Trial] = []
        let reconnect = reconnectPolicy(prefix: "", everyAttempt: false)
        while !options.interruption.isRequested {
            let loaded: StoredStudy
            do {
                loaded = try reconnect.retrying(interruption: options.interruption) { () throws(StorageError) in
                    try store.load(definition.name)
                }
            } catch {
                console.clearStatus()
                return (trials, options.interruption.isRequested ? nil : error)
            }
            trials = loaded.trials
            let done = trials.filter { $0.state.isFinished }.count
            let running = trials.filter { $0.state == .running }.count
            console.status(ProgressLine.sweep(done: done, total: plan.total, running: running,
                                              pruned: trials.filter { $0.state == .pruned }.count,
                                              failed: trials.filter { $0.state == .failed }.count,
                                              best: loaded.best.flatMap { b in b.value.map { (plan.metric, $0, b.number) } },
                                              paretoFront: plan.objectives.count > 1 ? trials.paretoFront(plan.objectives).count : nil,
                                              elapsed: nil).render(traits: console.traits))
            if done >= plan.total {
                // The workers mark it complete as the last trial ends; this covers older workers.
                do {
                    try reconnect.retrying(interruption: options.interruption) { () throws(StorageError) in
                        _ = try store.completeIfFinished(study: id)
                    }
                } catch {
                    console.error("warning: the study \(definition.name) could not be marked complete (\(error.message))")
                }
                break
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        console.clearStatus()
        return (trials, nil)
    }
}
