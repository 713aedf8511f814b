import Synchronization

/// A study driven from Swift code, one trial at a time: `ask()` hands out a trial's parameters,
/// the caller evaluates them however it likes, and `tell` gives the result back.
///
/// ```swift
/// let space = try SearchSpace(["x": .uniform(-5, 10), "lr": .log(1e-4, 1e-1),
///                              "units": .int(16, 256), "act": .choice(["relu", "tanh"])])
/// let study = try AskTellStudy(space: space, sampler: .tpe, direction: .minimize, seed: 1)
/// for _ in 0..<50 {
///     let trial = try study.ask()
///     try study.tell(trial, loss(try trial.double("x"), try trial.word("act")))
/// }
/// study.bestTrial?.value
/// ```
///
/// Suggestions come from the same rule as `Study.run` (`Study.suggestion(for:trials:)`): trial n
/// is suggested from the finished trials numbered below n − `lag`, with every other earlier trial
/// pending, from the sampler stream of the seed and n. So the same seed gives the same asks as
/// long as, when trial n is asked, every trial numbered below n − `lag` has been told: always in
/// a loop that tells each trial before asking the next (the default lag is 0 here), and with
/// up to `lag + 1` trials out at once for a larger lag.
///
/// Every trial goes to `store` as it is asked, reported and told. A study opened on a store that
/// already holds trials (`open(named:in:)`, or a `StudyStore` passed in) continues their
/// numbering and sees them as history; trials the store holds as running (a process that died)
/// are recorded as failed, reason "interrupted".
///
/// Safe to share between threads: calls are serialized.
public final class AskTellStudy: Sendable {
    /// The lag of an ask-and-tell study that names none: every told trial is seen at once, as
    /// a sequential loop expects.
    public static let defaultLag = 0

    /// The search space, sampler, pruner, direction, seed and lag (its trial count is unused:
    /// the caller's loop decides how many trials there are).
    public let study: Study
    /// The name of the told value among a trial's metrics (`value` unless the study was created
    /// with another): the shell's tables of a stored study read it there.
    public let metric: String
    private let store: any StudyStore
    private let state: Mutex<[Trial]>

    /// A study on `space` whose trials `store` keeps (in memory by default).
    /// - Parameters:
    ///   - sampler: the sampler, by the name a sweep uses (`.tpe`, `.bayes`, `.random`, ...).
    ///   - samplerSettings: the sampler's options by name (`["startup_trials": "5"]`).
    ///   - baseline: trial 0, a point of the space (`baseline=yes` of a sweep); `.around` needs
    ///     it, as the centre of its search.
    ///   - pruner: the pruner `shouldPrune` asks (`.median`, `.asha`, `.hyperband`; none by default).
    ///   - prunerSettings: the pruner's settings by name, as a sweep's options and the store give
    ///     them (`.hyperband`: `["eta": "3", "min_epochs": "1", "max_epochs": "27"]`, R being the
    ///     steps a trial reports up to); a setting left out takes its default.
    ///   - direction: whether `tell`'s values are minimized or maximized.
    ///   - seed: the study seed every suggestion and trial seed derives from.
    ///   - lag: the visibility lag (see above).
    ///   - metric: the name of the told value among the trial's metrics.
    /// - Throws: `AskTellError` (`.invalidSampler`) for a grid over a range, (`.invalidPruner`)
    ///   for a setting the pruner does not read or out of its range, or (`.store`) when the store
    ///   cannot be read.
    public convenience init(space: SearchSpace, sampler: SamplerKind = .tpe, samplerSettings: [String: String] = [:],
                            baseline: TrialParameters? = nil, pruner: PrunerKind = .none,
                            prunerSettings: [String: String] = [:], direction: MetricDirection, seed: UInt64 = 0,
                            lag: Int = AskTellStudy.defaultLag, metric: String = "value",
                            store: any StudyStore = MemoryStudyStore()) throws(AskTellError) {
        try self.init(study: AskTellStudy.study(space: space, sampler: sampler, samplerSettings: samplerSettings,
                                                baseline: baseline, pruner: pruner, prunerSettings: prunerSettings,
                                                direction: direction, seed: seed, lag: lag),
                      metric: metric, store: store)
    }

    /// The study of a sampler and pruner given by kind, built as `Study(definition:)` rebuilds a
    /// stored one (TPE under Hyperband models one budget at a time); its trial count is unused.
    /// - Throws: `AskTellError` (`.invalidSampler`) for a grid over a range, a baseline outside
    ///   the space, or `.around` without one; (`.invalidPruner`) for a bad pruner setting.
    static func study(space: SearchSpace, sampler: SamplerKind, samplerSettings: [String: String],
                      baseline: TrialParameters?, pruner: PrunerKind, prunerSettings: [String: String],
                      direction: MetricDirection, seed: UInt64, lag: Int) throws(AskTellError) -> Study {
        if let baseline, !space.contains(baseline) {
            throw AskTellError(.invalidSampler, "the baseline \(baseline) is not a point of the space",
                               hint: "give each of \(space.names.joined(separator: ", ")) a value inside its range")
        }
        if sampler == .around && baseline == nil {
            throw AskTellError(.invalidSampler, "around searches near a configuration, and none was given",
                               hint: "give AskTellStudy(space:…) a baseline: (a stored study keeps none)")
        }
        let chosen: any Sampler
        do {
            chosen = try sampler.sampler(space: space, baseline: baseline, settings: samplerSettings)
        } catch {
            throw AskTellError(.invalidSampler, "\(sampler.rawValue) cannot search this space: \(error.message)",
                               hint: "a grid lists every value: give each parameter as .grid([...]) or .choice([...])")
        }
        let built: any Pruner
        do { built = try pruner.pruner(settings: prunerSettings) } catch {
            throw AskTellError(.invalidPruner, error.message, hint: error.hint)
        }
        return Study(space: space, sampler: pruner.sampler(chosen, of: sampler, with: built), pruner: built,
                     direction: direction, seed: seed, trials: 0, lag: lag)
    }

    /// An ask-and-tell study of `study` (any sampler and pruner values), whose trials `store` keeps;
    /// the trials `store` already holds are its history. Told values are kept as `metric` too.
    /// - Throws: `AskTellError` (`.store`) when the store cannot be read or written.
    public init(study: Study, metric: String = "value", store: any StudyStore = MemoryStudyStore()) throws(AskTellError) {
        self.study = study
        self.metric = metric
        self.store = store
        var trials: [Trial]
        do { trials = try store.trials() } catch { throw AskTellError(error) }
        trials.sort { $0.number < $1.number }
        for i in trials.indices where trials[i].state == .running {
            trials[i].state = .failed
            trials[i].failure = Study.interruptedReason
            do throws(StudyStoreError) { try store.trialFinished(trials[i]) } catch { throw AskTellError(error) }
        }
        state = Mutex(trials)
    }

    /// Every trial asked so far, by number, as it stands (running ones included).
    public var trials: [Trial] { state.withLock { $0 } }

    /// The best complete trial (the lowest number among equals); nil until one is told a value.
    public var bestTrial: Trial? { state.withLock { $0.best(for: study.direction) } }

    /// The next trial: its number, seed and parameters, recorded in the store as running.
    /// - Throws: `AskTellError` (`.store`) when the store cannot record it; asking again retries
    ///   the same number.
    public func ask() throws(AskTellError) -> AskedTrial {
        try state.withLock { trials throws(AskTellError) in
            let number = (trials.last?.number ?? -1) + 1
            let parameters = study.suggestion(for: number, trials: trials)
            let trial = study.startedTrial(number, parameters: parameters)
            do throws(StudyStoreError) { try store.trialStarted(trial) } catch { throw AskTellError(error) }
            trials.append(trial)
            return AskedTrial(number: number, parameters: parameters, seed: trial.seed, study: self)
        }
    }

    /// Completes `trial` with the metric `value` (the number the study minimizes or maximizes);
    /// `metrics` are kept beside it, with the value under the study's `metric` name. A NaN or
    /// infinite value fails the trial as diverged, as in `Study.run`.
    /// - Throws: `AskTellError` when the trial is not this study's or was told before, or the
    ///   store fails (the trial is then still running and may be told again).
    public func tell(_ trial: AskedTrial, _ value: Double, metrics: [String: Double] = [:]) throws(AskTellError) {
        try finish(trial) { record in
            record.metrics = metrics
            record.metrics[metric] = value
            record.settle(value: value)
        }
    }

    /// Ends `trial` without a value: `.pruned` (stopped early; its reports are kept) or `.failed`
    /// with `reason`.
    /// - Throws: `AskTellError` (`.invalidState`) for `.running` or `.complete` (tell a value
    ///   instead), and as `tell(_:_:metrics:)` does.
    public func tell(_ trial: AskedTrial, state: TrialState, reason: String? = nil) throws(AskTellError) {
        guard state == .pruned || state == .failed else {
            throw AskTellError(.invalidState, "a trial cannot be told '\(state.rawValue)'",
                               hint: "tell(trial, value) completes it; the states without a value are pruned and failed")
        }
        try finish(trial) { record in
            record.state = state
            if state == .failed { record.failure = reason ?? "failed" }
        }
    }

    /// Records `value` as the metric of `trial` at `step` (an epoch, from 1), for the pruner and
    /// the store (`AskedTrial.report(_:step:)` does the same).
    /// - Throws: `AskTellError` when the trial is not this study's or was told, or the store fails.
    public func report(_ trial: AskedTrial, _ value: Double, step: Int) throws(AskTellError) {
        try state.withLock { trials throws(AskTellError) in
            let i = try runningIndex(of: trial, in: trials)
            do throws(StudyStoreError) {
                try store.trialReported(number: trial.number, step: step, value: value)
            } catch {
                throw AskTellError(error)
            }
            trials[i].intermediateValues[step] = value
        }
    }

    /// Whether the study's pruner stops `trial` at its last reported step: at the pruner's decision
    /// steps, it compares the trial's values with those the trials numbered below n − `lag`
    /// reported at that step, as `Study.run` does. False before any report, and for a trial
    /// that is not running here.
    public func shouldPrune(_ trial: AskedTrial) -> Bool {
        state.withLock { trials in
            guard let i = index(of: trial, in: trials), trials[i].state == .running,
                  let step = trials[i].lastStep else { return false }
            let limit = trial.number - study.lag
            var peers: [Int: Double] = [:]
            for peer in trials where peer.number < limit {
                if let value = peer.intermediateValues[step] { peers[peer.number] = value }
            }
            return study.shouldPrune(trial.number, step: step, values: trials[i].intermediateValues, peers: peers)
        }
    }

    /// Applies `change` to the running record of `trial` and stores it as finished.
    private func finish(_ trial: AskedTrial, _ change: (inout Trial) -> Void) throws(AskTellError) {
        try state.withLock { trials throws(AskTellError) in
            let i = try runningIndex(of: trial, in: trials)
            var record = trials[i]
            change(&record)
            do throws(StudyStoreError) { try store.trialFinished(record) } catch { throw AskTellError(error) }
            trials[i] = record
        }
    }

    /// Where `trial` is in `trials`; nil when it is another study's.
    private func index(of trial: AskedTrial, in trials: [Trial]) -> Int? {
        guard trial.study === self else { return nil }
        return trials.lastIndex { $0.number == trial.number }
    }

    /// Where `trial` is in `trials`, if it is this study's and still running.
    private func runningIndex(of trial: AskedTrial, in trials: [Trial]) throws(AskTellError) -> Int {
        guard let i = index(of: trial, in: trials) else {
            throw AskTellError(.foreignTrial, "trial \(trial.number) was asked from another study",
                               hint: "tell each trial to the study whose ask() gave it")
        }
        guard trials[i].state == .running else {
            throw AskTellError(.notRunning, "trial \(trial.number) was already told (\(trials[i].stateWord))",
                               hint: "each trial is told once")
        }
        return i
    }
}
