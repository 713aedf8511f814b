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
/// History: the sampler sees every finished trial of the study and, as pending (constant
/// liar for TPE and bayes), the parameters of the others running now; its random stream and
/// the trial's seed come from the study seed and the trial number, as in `Study.run`. Unlike
/// a local run, what a trial sees depends on which trials other workers finished first.
/// Pruning compares with trials numbered below `number − Study.historyLag` that reported the
/// same step, without waiting for the others.
public struct PostgreSQLWorker: Sendable {
    /// The store holding the queue.
    public let store: PostgreSQLStudyStore
    /// The worker's name in claims (host and process id, say).
    public let name: String
    /// How often a heartbeat is sent while a trial runs (keep it well under the grace).
    public var heartbeatInterval: Duration
    /// Requested to stop (Ctrl-C): the running trial is told to stop and re-queued.
    public var interruption: Interruption

    /// A worker named `name` on `store`.
    public init(store: PostgreSQLStudyStore, name: String, heartbeatInterval: Duration = .seconds(10),
                interruption: Interruption = .never) {
        self.store = store
        self.name = name
        self.heartbeatInterval = heartbeatInterval
        self.interruption = interruption
    }

    /// Claims the next queued trial of `id` and runs it with `study`'s sampler and pruner;
    /// returns the finished trial, or nil when nothing is queued.
    ///
    /// A trial interrupted by `interruption` is put back in the queue (not failed), so another
    /// worker runs it. If the claim is lost meanwhile (missed heartbeats), the trial stops and
    /// this throws `StorageError` saying so; the trial is another worker's now.
    /// - Throws: `StorageError` when the store fails or the claim is lost.
    public func runNext(of id: StudyID, study: Study,
                        objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome) throws(StorageError) -> Trial? {
        guard let claim = try store.claimNext(study: id, worker: name) else { return nil }
        let trials = try history(of: id)
        let n = claim.number
        let parameters = PostgreSQLWorker.suggestion(study: study, number: n, trials: trials)
        let seed = Study.trialSeed(studySeed: study.seed, number: n)
        let fenced = store.workerTrialStore(for: id, worker: name)
        let running = Trial(number: n, parameters: parameters, state: .running, seed: seed)
        do { try fenced.trialStarted(running) } catch { throw storageError(error) }

        let state = Mutex(WorkerTrialState(trial: running))
        let stop = Atomic<Bool>(false)
        let heartbeats = Thread { [store, heartbeatInterval] in
            let pause = Double(heartbeatInterval.components.seconds) + Double(heartbeatInterval.components.attoseconds) * 1e-18
            var waited = 0.0
            while !stop.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 0.05
                guard waited >= pause else { continue }
                waited = 0
                let alive = (try? store.heartbeat(claim)) ?? true
                if !alive { state.withLock { $0.lost = true } }
            }
        }
        heartbeats.start()
        defer { stop.store(true, ordering: .relaxed) }

        let interruption = interruption
        let shouldStop: @Sendable () -> Bool = { interruption.isRequested || state.withLock { $0.lost || $0.storeError != nil } }
        let peers = trials.filter { $0.number < n - Study.historyLag }
        let context = TrialContext(
            number: n, parameters: parameters, seed: seed, interruption: Interruption(shouldStop),
            reporter: { step, value in
                state.withLock { $0.trial.intermediateValues[step] = value }
                do throws(StudyStoreError) { try fenced.trialReported(number: n, step: step, value: value) } catch {
                    state.withLock { $0.storeError = error }
                    return true
                }
                if shouldStop() { return true }
                guard study.pruner.isDecisionStep(step) else { return false }
                let own = state.withLock { $0.trial.intermediateValues }.filter { $0.key <= step }
                let decision = PruningContext(number: n, step: step, values: own,
                                              peerValues: peers.compactMap { $0.intermediateValues[step] },
                                              peerCount: max(n - Study.historyLag, 0), direction: study.direction)
                guard study.pruner.shouldPrune(decision) else { return false }
                state.withLock { $0.pruned = true }
                return true
            })
        let began = ContinuousClock.now
        let result: Result<TrialOutcome, any Error>
        do { result = .success(try objective(context)) } catch { result = .failure(error) }
        let elapsed = ContinuousClock.now - began
        stop.store(true, ordering: .relaxed)

        let final = state.withLock { $0 }
        if let error = final.storeError { throw storageError(error) }
        if final.lost { throw storageError(lost(n)) }
        if interruption.isRequested && !final.pruned && (try? result.get()) == nil {
            try store.requeue(claim)
            return nil
        }
        var trial = final.trial
        trial.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if case .success(let outcome) = result { trial.metrics = outcome.metrics }
        switch (final.pruned, result) {
        case (true, _):
            trial.state = .pruned
        case (false, .success(let outcome)) where outcome.value.isFinite:
            trial.state = .complete
            trial.value = outcome.value
        case (false, .success(let outcome)):
            trial.state = .failed
            trial.failure = "the metric is \(outcome.value) (diverged)"
        case (false, .failure(let error)):
            trial.state = .failed
            trial.failure = (error as? TrialFailure)?.reason ?? String(describing: error)
        }
        do { try fenced.trialFinished(trial) } catch { throw storageError(error) }
        return trial
    }

    /// The parameters of trial `number`: from every finished trial (except `number` itself)
    /// and, as pending, the running ones' parameters; stream and seed as in `Study`.
    public static func suggestion(study: Study, number: Int, trials: [Trial]) -> TrialParameters {
        var generator = Study.samplerGenerator(studySeed: study.seed, number: number)
        guard study.sampler.usesHistory else {
            return study.sampler.suggest(SamplingContext(number: number, space: study.space, direction: study.direction,
                                                         studySeed: study.seed), using: &generator)
        }
        let others = trials.filter { $0.number != number }
        let context = SamplingContext(number: number, space: study.space, direction: study.direction,
                                      finished: others.filter { $0.state.isFinished },
                                      pending: others.filter { $0.state == .running && $0.parameters.count > 0 }.map(\.parameters),
                                      studySeed: study.seed)
        return study.sampler.suggest(context, using: &generator)
    }

    private func history(of id: StudyID) throws(StorageError) -> [Trial] {
        do { return try store.trialStore(for: id).trials() } catch { throw storageError(error) }
    }

    private func lost(_ number: Int) -> StudyStoreError {
        StudyStoreError("worker \(name) lost the claim on trial \(number) in \(store.location): it was re-queued",
                        hint: "the worker missed its heartbeats for longer than the grace; another worker runs the trial now")
    }

    private func storageError(_ error: StudyStoreError) -> StorageError {
        StorageError(.databaseFailure, error.message, hint: error.hint)
    }
}

/// What a worker's trial has recorded so far (guarded by a `Mutex`).
struct WorkerTrialState: Sendable {
    var trial: Trial
    var pruned = false
    var lost = false
    var storeError: StudyStoreError?
}
