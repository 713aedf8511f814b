import Dispatch
import Foundation
import HyperLabKit

/// `hyperlab worker --store postgresql://…`: runs the queued trials of stored studies, on as many
/// machines as start one, until none is left.
extension Shell {
    /// Runs queued trials of `studyName` (or of every study with queued trials) with `parallel`
    /// threads, each on its own connection; trials of a worker that stopped heartbeating for
    /// longer than `grace` are queued again first. Returns the process status.
    public func runWorker(url: String, studyName: String?, parallel: Int, grace: Duration) -> Int32 {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let store: PostgreSQLStudyStore
        do {
            store = try PostgreSQLStudyStore.open(url: url)
            let requeued = try store.requeueStale(grace: grace)
            if requeued > 0 { console.line("worker: \(requeued) trial(s) of stopped workers queued again") }
        } catch {
            console.error("worker: \(error.message)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
            return 1
        }
        var targets: [StoredStudy] = []
        do {
            let names: [String]
            if let studyName { names = [studyName] } else { names = try store.studies().map(\.name) }
            for name in names {
                let stored = try store.load(name)
                let queued = try store.queueCounts(study: stored.id).queued
                if studyName != nil || queued > 0 { targets.append(stored) }
            }
        } catch {
            console.error("worker: \(error.message)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
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
            let console = self.console
            let interruption = options.interruption
            let metric = stored.definition.metric
            DispatchQueue.concurrentPerform(iterations: parallel) { k in
                guard let connection = try? PostgreSQLStudyStore.open(url: url) else { return }
                var worker = PostgreSQLWorker(store: connection, name: "\(host):\(pid):\(k)", grace: grace,
                                              interruption: interruption)
                worker.onRequeue = { count in console.line("worker: \(count) trial(s) of stopped workers queued again") }
                while !interruption.isRequested {
                    guard let trial = try? worker.runNext(of: stored.id, study: prepared.study, objective: prepared.objective) else { break }
                    let value = trial.value.map { "\(metric) \(NumberFormat.metric($0))" } ?? (trial.failure ?? "")
                    console.line("worker: trial \(trial.number) \(trial.stateWord) \(value)  \(Shell.parameterText(trial.parameters))")
                }
            }
        }
        return failures == 0 ? 0 : 1
    }

    /// `sweep … workers=external`: the study goes into the PostgreSQL queue, and this shell shows
    /// its progress from the database while workers run the trials.
    func enqueueForWorkers(_ plan: SweepPlan, definition: StudyDefinition, command: BoundCommand) throws(InputError) -> [Trial] {
        guard let lazy = options.repository as? LazyStudyRepository,
              let store = try? lazy.repository() as? PostgreSQLStudyStore else {
            throw InputError("workers=external needs a PostgreSQL store", at: command.span(ofOption: "workers"),
                             hint: "start hyperlab with --store postgresql://USER@HOST/DB, and workers with hyperlab worker --store …")
        }
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
        while !options.interruption.isRequested {
            guard let loaded = try? store.load(definition.name) else { break }
            trials = loaded.trials
            let done = trials.filter { $0.state.isFinished }.count
            let running = trials.filter { $0.state == .running }.count
            console.status(ProgressLine.sweep(done: done, total: plan.total, running: running,
                                              pruned: trials.filter { $0.state == .pruned }.count,
                                              failed: trials.filter { $0.state == .failed }.count,
                                              best: loaded.best.flatMap { b in b.value.map { (plan.metric, $0, b.number) } },
                                              elapsed: nil).render(traits: console.traits))
            if done >= plan.total {
                // The workers mark it complete as the last trial ends; this covers older workers.
                do { try store.completeIfFinished(study: id) } catch {
                    console.error("warning: the study \(definition.name) could not be marked complete (\(error.message))")
                }
                break
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        console.clearStatus()
        return trials
    }
}
