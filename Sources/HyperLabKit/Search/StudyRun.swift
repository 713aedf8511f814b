import Foundation
import Synchronization

/// The machinery of `Study.run`: worker threads, the visibility rule, pruning waits, and the
/// event queue drained on the calling thread.
///
/// All mutable state is guarded by `condition` (hence `@unchecked Sendable`); the stop flag
/// is atomic so objectives can poll it without the lock. Trials are handed out in number
/// order, and a trial only ever waits for lower-numbered ones, so the lowest unfinished
/// trial never waits and the run cannot deadlock.
final class StudyRun: @unchecked Sendable {
    private let study: Study
    private let parallel: Int
    private let outer: Interruption
    private let objective: @Sendable (TrialContext) throws -> TrialOutcome
    private let condition = NSCondition()
    /// Wakes the coordinator when the first event arrives (see `execute`).
    private let coordinatorWake = DispatchSemaphore(value: 0)
    private let stopFlag = Atomic<Bool>(false)
    private let start = ContinuousClock.now
    private var lag: Int { study.lag }
    /// Events that make a write worth doing before the store's commit interval is up.
    static let fullBatch = 64

    // Guarded by `condition`.
    private var nextNumber = 0
    private var kept = Set<Int>()
    private var trials: [Trial?]
    private var finishedPrefix = 0
    private var reached: [Int: Int] = [:]
    private var stepValues: [Int: [Int: Double]] = [:]
    private var prunedTrials = Set<Int>()
    private var interruptedTrials = Set<Int>()
    private var events: [StudyEvent] = []
    /// Whether the coordinator sleeps (see `enqueue` for when it is woken).
    private var coordinatorSleeps = false
    private var workersAlive = 0
    private var counts: StudyProgress

    init(study: Study, parallel: Int, previous: [Trial], interruption: Interruption,
         objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome) {
        self.study = study
        self.parallel = max(parallel, 1)
        self.outer = interruption
        self.objective = objective
        trials = Array(repeating: nil, count: study.trialCount)
        counts = StudyProgress(total: study.trialCount, started: 0, running: 0, complete: 0, pruned: 0,
                               failed: 0, best: nil, elapsed: 0)
        keep(previous)
    }

    /// Puts the kept trials of a stopped run in place, as if this run had finished them.
    private func keep(_ previous: [Trial]) {
        for trial in previous where trial.number >= 0 && trial.number < study.trialCount && Study.isKept(trial) {
            let n = trial.number
            guard trials[n] == nil else { continue }
            kept.insert(n)
            for (step, value) in trial.intermediateValues {
                reached[n] = max(reached[n] ?? Int.min, step)
                stepValues[step, default: [:]][n] = value
            }
            counts.started += 1
            place(trial)
        }
        counts.best = trials.compactMap { $0 }.best(for: study.direction)
    }

    /// Puts a finished trial in its place, moves the finished prefix on and counts its state.
    /// Guarded by `condition` once workers run.
    private func place(_ trial: Trial) {
        trials[trial.number] = trial
        while finishedPrefix < trials.count, trials[finishedPrefix]?.state.isFinished == true { finishedPrefix += 1 }
        switch trial.state {
        case .complete: counts.complete += 1
        case .pruned: counts.pruned += 1
        case .failed: counts.failed += 1
        case .running: break
        }
    }

    private var isStopping: Bool { stopFlag.load(ordering: .relaxed) }

    private func requestStop() {
        stopFlag.store(true, ordering: .relaxed)
        condition.broadcast()
    }

    private func waitBriefly() { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05)) }

    // MARK: Coordinator (the calling thread)

    func execute(store: any StudyStore, progress: ((StudyEvent) -> Void)?) -> StudyReport {
        let workers = min(parallel, study.trialCount - kept.count)
        condition.lock()
        workersAlive = workers
        condition.unlock()
        for _ in 0..<workers {
            let thread = Thread { [self] in workerLoop() }
            thread.stackSize = 16 << 20
            thread.start()
        }
        var storeError: StudyStoreError?
        // Events from the failed write on, kept for one more try once the run has stopped.
        var unwritten: [StudyEvent] = []
        let interval = store.commitInterval
        var lastWrite = ContinuousClock.now - interval
        var finishedAtLastReturn = 0
        while true {
            condition.lock()
            // Take the events once there are some and (group commit) the store's interval since
            // the last write is up, unless the run is stopping, its workers are done, or enough
            // events piled up that one write amortizes its commit anyway. While waiting for the
            // first event the coordinator sleeps on its own semaphore, signalled once by the
            // worker that adds it: a wake-up per event cost the workers more than the events.
            while workersAlive > 0 {
                if outer.isRequested && !isStopping { requestStop() }
                let due = lastWrite + interval
                if !events.isEmpty && (isStopping || events.count >= StudyRun.fullBatch || ContinuousClock.now >= due) { break }
                let wait = events.isEmpty ? 0.05 : min(0.05, (due - ContinuousClock.now).inSeconds)
                coordinatorSleeps = true
                condition.unlock()
                _ = coordinatorWake.wait(timeout: .now() + max(wait, 0.0002))
                condition.lock()
                coordinatorSleeps = false
            }
            if outer.isRequested && !isStopping { requestStop() }
            lastWrite = ContinuousClock.now
            let batch = events
            events.removeAll()
            let done = workersAlive == 0
            condition.unlock()
            if storeError != nil {
                unwritten += batch
            } else if !batch.isEmpty {
                do {
                    try store.record(batch)
                } catch {
                    storeError = error
                    unwritten = batch
                    condition.lock()
                    requestStop()
                    condition.unlock()
                }
            }
            for event in batch { progress?(event) }
            if let finished = batch.last?.progress.finished,
               finished - finishedAtLastReturn >= FreeMemory.trialsBetweenReturns {
                FreeMemory.returnToSystem()
                finishedAtLastReturn = finished
            }
            if done && batch.isEmpty { break }
        }
        condition.lock()
        let all = trials.compactMap { $0 }
        condition.unlock()
        var report = StudyReport(trials: all, stoppedEarly: isStopping, storeError: storeError, direction: study.direction)
        report.unstoredTrials = StudyRun.retry(unwritten, in: store)
        return report
    }

    /// Writes the events a failed write left out once more, now that no trial runs (the store
    /// may have room again, or its server may be back); returns the numbers of the trials whose
    /// last state is still not stored (none when the write went through).
    private static func retry(_ events: [StudyEvent], in store: any StudyStore) -> [Int] {
        guard !events.isEmpty else { return [] }
        do {
            try store.record(events)
            return []
        } catch {
            return Set(events.map(\.trial.number)).sorted()
        }
    }

    // MARK: Workers

    private func workerLoop() {
        while true {
            condition.lock()
            while nextNumber < study.trialCount && kept.contains(nextNumber) { nextNumber += 1 }
            // A Ctrl-C is seen here at once, not when the coordinator next wakes: no new trial
            // starts only to be interrupted.
            if outer.isRequested && !isStopping { requestStop() }
            if isStopping || nextNumber >= study.trialCount {
                condition.unlock()
                break
            }
            let n = nextNumber
            nextNumber += 1
            condition.unlock()
            guard let parameters = suggest(n) else { break }
            runTrial(n, parameters)
        }
        condition.lock()
        workersAlive -= 1
        condition.broadcast()
        if workersAlive == 0 { coordinatorWake.signal() }
        condition.unlock()
    }

    /// The suggestion for trial n, after waiting for the history it may see; nil when stopping.
    private func suggest(_ n: Int) -> TrialParameters? {
        guard study.sampler.usesHistory else { return study.suggestion(for: n, trials: []) }
        condition.lock()
        while !isStopping && !(finishedPrefix >= n - lag && (max(n - lag, 0)..<n).allSatisfy { trials[$0] != nil }) {
            waitBriefly()
        }
        if isStopping {
            condition.unlock()
            return nil
        }
        let history = trials[0..<n].compactMap { $0 }
        condition.unlock()
        return study.suggestion(for: n, trials: history)
    }

    private func runTrial(_ n: Int, _ parameters: TrialParameters) {
        condition.lock()
        let running = study.startedTrial(n, parameters: parameters)
        trials[n] = running
        counts.started += 1
        counts.running += 1
        enqueue(.started, running)
        condition.broadcast()
        condition.unlock()

        let context = TrialContext(
            number: n, parameters: parameters, seed: running.seed,
            interruption: Interruption { [self] in isStopping || outer.isRequested },
            stepReporter: { [self] step, value, isLast in report(n, step: step, value: value, isLast: isLast) })
        let (result, seconds) = Study.timedRun(objective, context)

        condition.lock()
        let interrupted = interruptedTrials.contains(n) || (isStopping && (try? result.get()) == nil)
        let trial = study.finished(trials[n] ?? running, result: result, seconds: seconds,
                                   pruned: prunedTrials.contains(n), interrupted: interrupted)
        place(trial)
        counts.running -= 1
        if trial.state == .complete, let v = trial.value,
           counts.best?.value.map({ study.direction.isBetter(v, than: $0) }) ?? true {
            counts.best = trial
        }
        enqueue(.finished, trial)
        condition.broadcast()
        condition.unlock()
    }

    /// Records a value and decides whether the trial stops (pruned or interrupted).
    private func report(_ n: Int, step: Int, value: Double, isLast: Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        trials[n]?.intermediateValues[step] = value
        reached[n] = max(reached[n] ?? Int.min, step)
        stepValues[step, default: [:]][n] = value
        if let trial = trials[n] { enqueue(.reported(step: step, value: value), trial) }
        condition.broadcast()
        if prunedTrials.contains(n) { return true }
        if outer.isRequested && !isStopping { requestStop() }
        if isStopping {
            interruptedTrials.insert(n)
            return true
        }
        guard !isLast, study.pruner.isDecisionStep(step) else { return false }
        let limit = n - lag
        while !isStopping && !peersReady(below: limit, step: step) { waitBriefly() }
        if isStopping {
            interruptedTrials.insert(n)
            return true
        }
        let peers = (stepValues[step] ?? [:]).filter { $0.key < limit }
        guard study.shouldPrune(n, step: step, values: trials[n]?.intermediateValues ?? [:], peers: peers) else { return false }
        prunedTrials.insert(n)
        return true
    }

    /// Whether every trial numbered below `limit` has finished or reached `step`.
    private func peersReady(below limit: Int, step: Int) -> Bool {
        guard finishedPrefix < limit else { return true }
        for m in finishedPrefix..<limit {
            guard let trial = trials[m] else { return false }
            if trial.state.isFinished { continue }
            if (reached[m] ?? Int.min) < step { return false }
        }
        return true
    }

    /// Adds an event with the current counts (call with the lock held).
    private func enqueue(_ kind: StudyEvent.Kind, _ trial: Trial) {
        counts.elapsed = seconds(since: start)
        events.append(StudyEvent(kind: kind, trial: trial, progress: counts))
        // A sleeping coordinator is woken by the first event (it slept for want of one) and by a
        // full batch (it slept out its commit interval); events only pile up while it sleeps.
        if coordinatorSleeps && (events.count == 1 || events.count == StudyRun.fullBatch) {
            coordinatorSleeps = false
            coordinatorWake.signal()
        }
    }

    private func seconds(since instant: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - instant).inSeconds
    }
}
