import Foundation
import Synchronization

/// Runs trials of a stored study from the work queue, as `hyperlab worker` does on each
/// machine: claim a trial, suggest its parameters from the shared history, train, report each
/// epoch, finish, with heartbeats meanwhile.
///
/// ```swift
/// let store = try PostgreSQLStudyStore.open(url: url)
/// let stored = try store.load("sweep 1")
/// let study = try Shell.study(for: stored.definition)   // the shell's sampler/pruner mapping
/// let worker = PostgreSQLWorker(store: store, name: "\(host):\(pid)")
/// while let trial = try worker.runNext(of: stored.id, study: study, objective: objective) {
///     print(trial.number, trial.state)
/// }
/// ```
/// The same trials as a local run. A worker follows `Study.run`'s visibility rule: trial n is
/// suggested once every trial below n − the study's `lag` has finished and every trial below n
/// has started (the worker waits, polling the database), from those finished trials with the
/// rest pending (constant liar); a pruning decision at step k waits until every trial below
/// n − `lag` has finished or reached step k. With the study seed and trial number fixing
/// each trial's random stream and model seed, a study run by any number of workers on any
/// machines gives the trials `Study.run` gives on one. The exception is a dead worker: a trial
/// it held goes back to the queue after the grace, and a pruning decision that would wait for
/// that trial goes ahead without it rather than wait for a free worker.
///
/// Liveness. Trials are claimed lowest number first, and a trial waits only for lower ones.
/// While it waits, the worker sends heartbeats and re-queues the trials of workers that stopped
/// sending theirs; if a lower trial comes back to the queue that way, the worker gives its own
/// claim back and takes the lower one. A worker with nothing to claim keeps watching while
/// other workers' trials run, so a machine that dies late in a study loses no work either.
///
/// A server that stops answering (stopped, restarted, the network down) is waited for as
/// `reconnect` says: each call is tried again until it works or the limit passes, so a running
/// trial pauses at its next epoch report and goes on, and a finished one is kept until it is
/// written. Past the limit, `runNext` throws the `.unreachable` error; the trial this worker
/// held is queued again by another worker's `requeueStale` once the server is back.
public struct PostgreSQLWorker: Sendable {
    /// The store holding the queue.
    public let store: PostgreSQLStudyStore
    /// The worker's name in claims (host and process id, say).
    public let name: String
    /// How often a heartbeat is sent while a trial runs (keep it well under the grace).
    public var heartbeatInterval: Duration
    /// Requested to stop (Ctrl-C): the running trial is told to stop and re-queued.
    public var interruption: Interruption
    /// How long a claimed trial may go without a heartbeat before it is queued again.
    public var grace: Duration
    /// How often the database is read while waiting for other workers' trials.
    public var pollInterval: Duration
    /// Told how many trials of stopped workers this worker just queued again (for a log line).
    public var onRequeue: (@Sendable (Int) -> Void)?
    /// How long to wait for a server that stopped answering, and how often to try it.
    public var reconnect = ReconnectPolicy()

    /// A worker named `name` on `store`.
    public init(store: PostgreSQLStudyStore, name: String, heartbeatInterval: Duration = .seconds(10),
                grace: Duration = .seconds(60), pollInterval: Duration = .milliseconds(100),
                interruption: Interruption = .never) {
        self.store = store
        self.name = name
        self.heartbeatInterval = heartbeatInterval
        self.grace = grace
        self.pollInterval = pollInterval
        self.interruption = interruption
    }

    /// Claims the next queued trial of `id` and runs it with `study`'s sampler and pruner;
    /// returns the finished trial, or nil once no trial of the study is queued or running (or
    /// when interrupted).
    ///
    /// A trial interrupted by `interruption` is put back in the queue (not failed), so another
    /// worker runs it. If the claim is lost meanwhile (missed heartbeats), the trial stops and
    /// this throws `StorageError` (`.claimLost`) saying so; the trial is another worker's now.
    /// - Throws: `StorageError` when the store fails, the claim is lost (`.claimLost`), or the
    ///   server stayed out of reach longer than `reconnect` waits (`.unreachable`).
    public func runNext(of id: StudyID, study: Study,
                        objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome) throws(StorageError) -> Trial? {
        while true {
            guard let claim = try claimOrWatch(id) else { return nil }
            let state = WorkerTrialBox(Trial(number: claim.number, parameters: TrialParameters(), state: .running))
            startHeartbeats(claim, state: state)
            defer { state.stop.store(true, ordering: .relaxed) }
            switch try awaitHistory(claim, lag: study.lag, state: state) {
            case .ready(let trials):
                return try run(claim, study: study, trials: trials, state: state, objective: objective)
            case .lowerTrialQueued:
                try persist { () throws(StorageError) in try store.requeue(claim) }
            case .interrupted:
                try persist { () throws(StorageError) in try store.requeue(claim) }
                return nil
            }
        }
    }

    /// The next claim; while nothing is queued but other workers' trials run, watches them
    /// (re-queueing those whose workers stopped heartbeating). Nil when the study has no queued
    /// or running trial, or on interruption.
    private func claimOrWatch(_ id: StudyID) throws(StorageError) -> PostgreSQLClaim? {
        while !interruption.isRequested {
            try requeueStale()
            if let claim = try persist({ () throws(StorageError) in try store.claimNext(study: id, worker: name) }) {
                return claim
            }
            let counts = try persist { () throws(StorageError) in try store.queueCounts(study: id) }
            if counts.queued == 0 && counts.running == 0 { return nil }
            pause()
        }
        return nil
    }

    /// Queues again the trials whose workers stopped heartbeating, and says so through `onRequeue`.
    private func requeueStale() throws(StorageError) {
        let count = try persist { () throws(StorageError) in try store.requeueStale(grace: grace) }
        if count > 0 { onRequeue?(count) }
    }

    /// What waiting for a trial's history ended with.
    private enum HistoryWait {
        /// Every trial below n − lag finished and every trial below n started: those trials now.
        case ready([Trial])
        /// A lower trial is back in the queue (its worker died): give this claim back.
        case lowerTrialQueued
        /// Interrupted while waiting.
        case interrupted
    }

    /// Waits until `claim`'s trial may be suggested (see the type's notes). While waiting it
    /// polls the trials' progress only; the whole history is read once, when ready.
    private func awaitHistory(_ claim: PostgreSQLClaim, lag: Int, state: WorkerTrialBox) throws(StorageError) -> HistoryWait {
        let n = claim.number
        let limit = n - lag
        while true {
            if interruption.isRequested { return .interrupted }
            if state.value.withLock({ $0.lost }) { throw lost(n) }
            let below = try persist { () throws(StorageError) in try store.progress(study: claim.study, below: n) }
            if below.count < n { return .lowerTrialQueued }
            let finishedBelow = below.prefix(max(limit, 0)).allSatisfy { $0.state.isFinished }
            if finishedBelow && below.allSatisfy(\.started) {
                let trials = try history(of: claim.study).filter { $0.number < n }
                // A trial re-queued between the two reads sends this claim back as well.
                if trials.count < n { return .lowerTrialQueued }
                return .ready(trials)
            }
            try requeueStale()
            pause()
        }
    }

    /// Runs the claimed trial once its history (`trials`, those below it) is ready.
    private func run(_ claim: PostgreSQLClaim, study: Study, trials: [Trial], state: WorkerTrialBox,
                     objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome) throws(StorageError) -> Trial? {
        let n = claim.number
        let parameters = study.suggestion(for: n, trials: trials)
        let fenced = store.workerTrialStore(for: claim.study, worker: name)
        let running = study.startedTrial(n, parameters: parameters)
        state.value.withLock { $0.trial = running }
        try write { () throws(StudyStoreError) in try fenced.trialStarted(running) }

        let interruption = interruption
        let shouldStop: @Sendable () -> Bool = { interruption.isRequested || state.value.withLock { $0.lost || $0.storeError != nil } }
        let worker = self
        let context = TrialContext(
            number: n, parameters: parameters, seed: running.seed, interruption: Interruption(shouldStop),
            stepReporter: { step, value, isLast in
                state.value.withLock { $0.trial.intermediateValues[step] = value }
                // A server out of reach pauses the trial here until it is back (or the limit passes).
                let peers: [Int: Double]?
                do throws(StorageError) {
                    try worker.write { () throws(StudyStoreError) in try fenced.trialReported(number: n, step: step, value: value) }
                    if shouldStop() { return true }
                    guard !isLast, study.pruner.isDecisionStep(step) else { return false }
                    peers = try worker.peerValues(claim, lag: study.lag, step: step, shouldStop: shouldStop)
                } catch {
                    state.value.withLock { $0.storeError = error }
                    return true
                }
                guard let peers else { return true }
                let own = state.value.withLock { $0.trial.intermediateValues }
                guard study.shouldPrune(n, step: step, values: own, peers: peers) else { return false }
                state.value.withLock { $0.pruned = true }
                return true
            })
        let (result, seconds) = Study.timedRun(objective, context)

        let final = state.value.withLock { $0 }
        if let error = final.storeError { throw error }
        if final.lost { throw lost(n) }
        if interruption.isRequested && !final.pruned && (try? result.get()) == nil {
            try persist { () throws(StorageError) in try store.requeue(claim) }
            return nil
        }
        let trial = study.finished(final.trial, result: result, seconds: seconds, pruned: final.pruned)
        // The finished trial is kept here until the server takes it (or the limit passes).
        try write { () throws(StudyStoreError) in try fenced.trialFinished(trial) }
        try persist { () throws(StorageError) in _ = try store.completeIfFinished(study: claim.study) }
        return trial
    }

    /// The values at `step` of the trials below n − lag, by trial number, once each has
    /// finished or reached `step` (a trial back in the queue is not waited for); nil when the
    /// trial must stop meanwhile.
    /// - Throws: `StorageError` when the store fails, or stays out of reach past the limit.
    private func peerValues(_ claim: PostgreSQLClaim, lag: Int, step: Int, shouldStop: () -> Bool) throws(StorageError) -> [Int: Double]? {
        let limit = claim.number - lag
        guard limit > 0 else { return [:] }
        while !shouldStop() {
            let peers = try persist { () throws(StorageError) in try store.progress(study: claim.study, below: limit, step: step) }
            let ready = peers.allSatisfy { $0.state.isFinished || ($0.lastStep ?? Int.min) >= step }
            if ready {
                return Dictionary(uniqueKeysWithValues: peers.compactMap { p in p.valueAtStep.map { (p.number, $0) } })
            }
            try requeueStale()
            pause()
        }
        return nil
    }

    /// Sends a heartbeat every `heartbeatInterval` until `stop`; a refused one marks the claim
    /// lost. One that cannot reach the server changes nothing: the claim holds until the grace
    /// passes, and the trial's own writes wait for the server (`reconnect`).
    private func startHeartbeats(_ claim: PostgreSQLClaim, state: WorkerTrialBox) {
        let heartbeats = Thread { [store, heartbeatInterval] in
            let pause = heartbeatInterval.inSeconds
            var waited = 0.0
            while !state.stop.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 0.05
                guard waited >= pause else { continue }
                waited = 0
                do {
                    if try !store.heartbeat(claim) { state.value.withLock { $0.lost = true } }
                } catch {
                    continue
                }
            }
        }
        heartbeats.start()
    }

    /// Sleeps for `pollInterval`.
    private func pause() {
        Thread.sleep(forTimeInterval: pollInterval.inSeconds)
    }

    private func history(of id: StudyID) throws(StorageError) -> [Trial] {
        try write { () throws(StudyStoreError) in try store.trialStore(for: id).trials() }
    }

    /// Runs `body` against the database, waiting for a server that stopped answering as
    /// `reconnect` says (a Ctrl-C ends the wait).
    private func persist<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        try reconnect.retrying(interruption: interruption, body)
    }

    /// `persist` for a call of a `StudyStore`, whose error keeps the store's kind.
    private func write<T>(_ body: () throws(StudyStoreError) -> T) throws(StorageError) -> T {
        try persist { () throws(StorageError) in
            do throws(StudyStoreError) { return try body() } catch {
                throw StorageError(error.kind ?? .databaseFailure, error.message, hint: error.hint)
            }
        }
    }

    private func lost(_ number: Int) -> StorageError {
        StorageError(.claimLost, "worker \(name) lost the claim on trial \(number) in \(store.location): it was re-queued",
                     hint: "the worker missed its heartbeats for longer than the grace; another worker runs the trial now")
    }
}

/// A running trial's state shared by the worker, its heartbeat thread and its reporter.
final class WorkerTrialBox: Sendable {
    /// What the trial has recorded so far.
    let value: Mutex<WorkerTrialState>
    /// Set when the trial ends: the heartbeats stop.
    let stop = Atomic<Bool>(false)

    init(_ trial: Trial) { value = Mutex(WorkerTrialState(trial: trial)) }
}

/// What a worker's trial has recorded so far (guarded by a `Mutex`).
struct WorkerTrialState: Sendable {
    var trial: Trial
    var pruned = false
    var lost = false
    var storeError: StorageError?
}
