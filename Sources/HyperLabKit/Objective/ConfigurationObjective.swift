import Foundation
import Synchronization

/// Scores a configuration on its parts and seeds: the one place the built-in engine turns a
/// configuration into a score, for `train`, sweeps, `compare`, `recheck` and workers alike.
///
/// ```swift
/// let objective = ConfigurationObjective(parts: Partitioning.holdout(split).scoringParts.parts,
///                                        metric: "dev_acc", repeats: 3)
/// let report = study.run(parallel: 2, objective: objective.trialObjective(base: configuration))
/// let scores = try objective.scores([.init(configuration: configuration, seed: 7, part: 0)])
/// ```
/// A score is the mean over the parts (one for a fixed split, K folds under cross-validation)
/// and the seeds (`repeats`). Every training is single-threaded and seeded explicitly, so the
/// numbers depend on the configuration, the parts and the seeds only, never on timing.
public struct ConfigurationObjective: Sendable {
    /// The train/dev parts, in order: one for a fixed split, one per fold under cross-validation.
    public let parts: [ScoringParts.Part]
    /// The dev metric a score reads (`dev_acc`, `dev_rmse`, ...).
    public let metric: String
    /// How many seeds each configuration is trained with on each part (`repeats=`).
    public let repeats: Int

    /// One training to score: a configuration with one seed on one of the parts.
    public struct Job: Sendable {
        /// The configuration (its own seed is replaced by `seed`).
        public let configuration: Configuration
        /// The training seed.
        public let seed: Int
        /// The index of the part in `parts`.
        public let part: Int
        /// Where the seed comes from, for the configuration's record (`.command("compare")`).
        public let origin: ValueOrigin

        /// A job of `configuration` with `seed` on part `part`.
        public init(configuration: Configuration, seed: Int, part: Int, origin: ValueOrigin) {
            self.configuration = configuration
            self.seed = seed
            self.part = part
            self.origin = origin
        }
    }

    /// An objective on `parts` that reads `metric`, training `repeats` seeds per part.
    public init(parts: [ScoringParts.Part], metric: String, repeats: Int = 1) {
        self.parts = parts
        self.metric = metric
        self.repeats = repeats
    }

    /// `configuration` with its training seed set to `seed`.
    /// - Throws: `TrainingError.invalidSetting` for a seed the configuration refuses (negative).
    public static func seeded(_ configuration: Configuration, _ seed: Int, origin: ValueOrigin) throws(TrainingError) -> Configuration {
        var config = configuration
        do { try config.set("seed", .integer(seed), origin: origin) } catch { throw .invalidSetting(error.message) }
        return config
    }

    /// Trains `configuration` (with its own seed) on part `k`, scoring dev after each epoch.
    /// - Throws: `TrainingError` when the run cannot start (divergence is the run's outcome).
    public func run(_ configuration: Configuration, onPart k: Int, interruption: Interruption = .never,
                    progress: (TrainingProgress) -> Void = { _ in }) throws(TrainingError) -> TrainingRun {
        try Trainer(configuration: configuration).train(on: parts[k].train, dev: parts[k].dev,
                                                        interruption: interruption, progress: progress)
    }

    /// `train`: one run of `configuration` (with its own seed) per part, in part order. Stops
    /// after a run that failed (diverged) and when `interruption` is requested.
    /// - Parameter progress: gets the part's index and its run's progress.
    /// - Throws: `TrainingError` when a run cannot start.
    public func runs(of configuration: Configuration, interruption: Interruption = .never,
                     progress: (_ part: Int, TrainingProgress) -> Void = { _, _ in }) throws(TrainingError) -> [TrainingRun] {
        var runs: [TrainingRun] = []
        for k in parts.indices {
            let run = try self.run(configuration, onPart: k, interruption: interruption) { progress(k, $0) }
            runs.append(run)
            if run.isFailed || interruption.isRequested { break }
        }
        return runs
    }

    /// The score of a finished run: its `metric`, NaN when it failed or lacks the metric.
    public func value(of run: TrainingRun) -> Double {
        run.isFailed ? .nan : run.metrics[metric] ?? .nan
    }

    /// `compare` and `recheck`: the score of every job (NaN for a run that diverged), trained on
    /// the machine's cores, each run single-threaded, in job order whatever the timing. A job not
    /// started because `interruption` was requested scores NaN.
    /// - Parameter finished: called with the number of jobs done after each one finishes.
    /// - Throws: the first job's (in job order) `TrainingError` when a run could not start, after
    ///   every job has run: a score is never silently NaN for a run that did not train.
    public func scores(_ jobs: [Job], interruption: Interruption = .never,
                       finished: @Sendable (Int) -> Void = { _ in }) throws(TrainingError) -> [Double] {
        let results = Mutex([Result<Double, TrainingError>](repeating: .success(.nan), count: jobs.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            guard !interruption.isRequested else { return }
            let job = jobs[i]
            let result = Result { () throws(TrainingError) -> Double in
                let config = try Self.seeded(job.configuration, job.seed, origin: job.origin)
                return value(of: try run(config, onPart: job.part, interruption: interruption))
            }
            results.withLock { $0[i] = result }
            finished(done.add(1, ordering: .relaxed).newValue)
        }
        return try results.withLock { all throws(TrainingError) in try all.map { result throws(TrainingError) in try result.get() } }
    }

    /// The score of one configuration over several parts: the mean, NaN when any is NaN (a run
    /// that diverged fails the whole score, as it fails a trial).
    public static func mean(_ scores: [Double]) -> Double {
        scores.contains { !$0.isFinite } ? .nan : scores.reduce(0, +) / Double(max(scores.count, 1))
    }

    /// Sweeps and workers: one trial is `base` with the trial's parameters, trained `repeats`
    /// times (seeds from `TrialContext.seed(forRepeat:)`) on each part; its outcome is the mean.
    /// Pruning sees the first part's first repeat after each epoch. A trial whose run diverged,
    /// could not start or was stopped by the sweep's interruption fails with the reason.
    public func trialObjective(base: Configuration) -> @Sendable (TrialContext) throws -> TrialOutcome {
        { context in
            var config = base
            for (name, value) in context.parameters {
                do throws(ConfigurationError) {
                    try config.set(name, value, origin: .trial(context.number))
                } catch {
                    throw TrialFailure("invalid \(name): \(error.message)")
                }
            }
            var outcomes: [TrialOutcome] = []
            for k in parts.indices {
                for r in 0..<repeats {
                    let (outcome, stopped) = try trial(config, context: context, part: k, repeatIndex: r)
                    outcomes.append(outcome)
                    if stopped || context.interruption.isRequested { break }
                }
                if context.interruption.isRequested || outcomes.count < (k + 1) * repeats { break }
            }
            return outcomes.count == 1 ? outcomes[0] : TrialOutcome.mean(of: outcomes)
        }
    }

    /// One run of a trial: repeat `r` on part `k`; the outcome and whether the pruner stopped it.
    private func trial(_ configuration: Configuration, context: TrialContext, part k: Int,
                       repeatIndex r: Int) throws(TrialFailure) -> (TrialOutcome, stopped: Bool) {
        let stop = Atomic<Bool>(false)
        let interruption = Interruption { context.interruption.isRequested || stop.load(ordering: .relaxed) }
        let run: TrainingRun
        do {
            let config = try Self.seeded(configuration, context.seed(forRepeat: r), origin: .trial(context.number))
            run = try self.run(config, onPart: k, interruption: interruption) { p in
                guard r == 0, k == 0, let record = p.record, let value = record.value(metric) else { return }
                if context.report(step: p.epoch, value: value, isLast: p.epoch == p.epochs) {
                    stop.store(true, ordering: .relaxed)
                }
            }
        } catch {
            throw TrialFailure(error.message)
        }
        // A sweep that is stopping (Ctrl-C) leaves this trial unfinished, to be run again by resume.
        if context.interruption.isRequested { throw TrialFailure(Study.interruptedReason) }
        if run.isFailed { throw TrialFailure(run.outcome.description) }
        var metrics = run.metrics.filter { $0.key.hasPrefix("dev_") || $0.key.hasPrefix("train_") || $0.key == "epochs" }
        metrics["epochs"] = Double(run.epochs.count)
        return (TrialOutcome(value: run.metrics[metric] ?? .nan, metrics: metrics), stop.load(ordering: .relaxed))
    }
}
