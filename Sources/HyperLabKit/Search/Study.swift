/// A hyperparameter study: a search space, a sampler, a pruner, a metric direction, a seed
/// and a number of trials. `run` evaluates an objective on worker threads.
///
/// ```swift
/// let study = Study(space: space, sampler: TPESampler(), pruner: MedianPruner(),
///                   direction: .maximize, seed: 42, trials: 30)
/// let report = study.run(parallel: 2) { trial in
///     TrialOutcome(value: try train(trial.parameters, seed: trial.seed, report: trial.report))
/// }
/// report.best?.parameters
/// ```
///
/// Determinism: a trial's seed is `trialSeed(studySeed:number:)`, its sampler stream is
/// `samplerGenerator(studySeed:number:)`, and what it may see is fixed by its number:
/// trial n is suggested from the finished trials numbered below n − `lag` (the run
/// waits for them), with trials n − `lag` … n − 1 pending (constant liar); a pruning
/// decision at step k compares with the trials numbered below n − `lag` (the run
/// waits until each has reached step k or finished). So results depend on the seed and the
/// lag, never on `parallel=`, the number of workers or timing. With a history-reading sampler
/// or a pruner, at most `lag + 1` trials make progress at once: the lag is what lets many
/// processes search together, at some cost in regret (benchmarks/README.md measures it).
public struct Study: Sendable {
    /// The lag of a study that names none: fixed, never taken from the machine, so a script
    /// replays identically everywhere. 4 had the lowest regret of 4, 16 and 64 on the sampler
    /// benchmark, so more only pays where more trials run at once.
    public static let defaultLag = 4
    /// The largest lag a study may have.
    public static let maximumLag = 4096

    /// The lag L of the visibility rule (see above), fixed when the study is created.
    public var lag: Int

    /// The swept parameters.
    public var space: SearchSpace
    /// How trials are suggested.
    public var sampler: any Sampler
    /// How trials are stopped early.
    public var pruner: any Pruner
    /// Whether the metric is maximized or minimized (the first objective's direction when there are several).
    public var direction: MetricDirection
    /// Two or three metrics optimized at once (a multi-objective study: samplers that read the
    /// history see them in `SamplingContext.objectives`, and a complete trial needs each one's value,
    /// finite, in its metrics); empty for a study of one metric.
    public var objectives: [StudyObjective] = []
    /// The sweep seed.
    public var seed: UInt64
    /// How many trials to run.
    public var trialCount: Int
    /// The trial count as a sampler sees it (`SamplingContext.budget`): nil when there is none.
    private var budget: Int? { trialCount > 0 ? trialCount : nil }

    /// A study.
    public init(space: SearchSpace, sampler: any Sampler, pruner: any Pruner = NoPruner(),
                direction: MetricDirection, seed: UInt64, trials: Int, lag: Int = Study.defaultLag) {
        self.lag = min(max(lag, 0), Study.maximumLag)
        self.space = space
        self.sampler = sampler
        self.pruner = pruner
        self.direction = direction
        self.seed = seed
        self.trialCount = max(trials, 0)
    }

    /// The seed of trial `number` (for the model): a non-negative Int from the sweep seed
    /// and the number alone.
    public static func trialSeed(studySeed: UInt64, number: Int) -> Int {
        Int(truncatingIfNeeded: SeededGenerator(seed: studySeed).derived("trial").derived(number).seed >> 1)
    }

    /// The sampler's random stream for trial `number`.
    public static func samplerGenerator(studySeed: UInt64, number: Int) -> SeededGenerator {
        SeededGenerator(seed: studySeed).derived("sampler").derived(number)
    }

    /// What the sampler sees for trial `number` given the trials recorded so far: finished
    /// trials numbered below `number − lag`, and the parameters of every other trial
    /// numbered below `number` as pending.
    public func samplingContext(for number: Int, trials: [Trial]) -> SamplingContext {
        let limit = number - lag
        // By index, not by zip: zipping copied every trial (a retain and release per field).
        let inOrder = trials.indices.dropFirst().allSatisfy { trials[$0 - 1].number < trials[$0].number }
        let sorted = inOrder ? trials : trials.sorted(by: { $0.number < $1.number })
        // The usual case is a run of finished trials, then a few pending: hand that run over as
        // a slice of the caller's array, without copying a trial.
        var visible = 0
        while visible < sorted.count, sorted[visible].number < limit, sorted[visible].state.isFinished { visible += 1 }
        var finished = sorted[..<visible]
        var pending: [TrialParameters] = []
        for trial in sorted[visible...] where trial.number < number {
            if trial.number < limit && trial.state.isFinished { finished.append(trial) } else { pending.append(trial.parameters) }
        }
        var context = SamplingContext(number: number, space: space, direction: direction, visible: finished,
                                      pending: pending, studySeed: seed, budget: budget)
        context.objectives = objectives
        return context
    }

    /// The parameters of trial `number` given the trials recorded so far (the "ask" of an
    /// ask-and-tell loop; `run` uses the same rule).
    public func suggestion(for number: Int, trials: [Trial]) -> TrialParameters {
        var generator = Study.samplerGenerator(studySeed: seed, number: number)
        let context = sampler.usesHistory
            ? samplingContext(for: number, trials: trials)
            : SamplingContext(number: number, space: space, direction: direction, studySeed: seed, budget: budget)
        return sampler.suggest(context, using: &generator)
    }

    /// Runs the study: `parallel` worker threads take trials in number order, each trial
    /// single-threaded; every trial goes to `store` as it starts, reports and finishes;
    /// `progress` is called on the calling thread for each event. Blocks until done.
    ///
    /// A trial whose objective throws, or returns a NaN or infinite value, is failed with
    /// the reason and the study goes on. When `interruption` is requested (or the store
    /// fails), no new trial starts, running trials are told to stop (`report` returns true,
    /// `interruption` is requested) and are recorded as failed ("interrupted") unless they
    /// completed; finished trials are kept. Returns within about 0.1 s of the last trial
    /// stopping.
    ///
    /// Resuming: `previous` holds the trials a stopped run of this same study stored. Those
    /// `isKept` (finished, not interrupted) stay as they are: they are not run again, not sent
    /// to `store` again, and appear in the report and the progress counts. Every other number
    /// below `trials` (never started, left running, interrupted) runs with its own number and
    /// seed. Samplers and pruners see the kept trials exactly where an uninterrupted run
    /// would have had them, so the resumed study's trials equal those of a run that never
    /// stopped, and the total stays `trialCount`.
    public func run(parallel: Int,
                    store: any StudyStore = MemoryStudyStore(),
                    previous: [Trial] = [],
                    interruption: Interruption = .never,
                    progress: ((StudyEvent) -> Void)? = nil,
                    objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome) -> StudyReport {
        let run = StudyRun(study: self, parallel: parallel, previous: previous, interruption: interruption,
                           objective: objective)
        return run.execute(store: store, progress: progress)
    }

    /// The failure reason of a trial stopped by an interruption (Ctrl-C, a store failure, or a
    /// process that died, once the store marks it); resuming runs such trials again.
    public static let interruptedReason = "interrupted"

    /// Whether resuming keeps `trial` as it is: finished, and not failed as interrupted.
    public static func isKept(_ trial: Trial) -> Bool {
        trial.state.isFinished && !(trial.state == .failed && trial.failure == interruptedReason)
    }

    /// Whether the study optimizes several metrics at once.
    public var isMultiObjective: Bool { objectives.count > 1 }

    /// Why an outcome whose value is finite still fails a multi-objective study: an objective's
    /// metric missing or not finite; nil when it completes.
    func objectiveFailure(_ metrics: [String: Double]) -> String? {
        guard isMultiObjective else { return nil }
        for objective in objectives {
            guard let value = metrics[objective.name] else { return "the metric \(objective.name) is missing" }
            if !value.isFinite { return "the metric \(objective.name) is \(value) (diverged)" }
        }
        return nil
    }
}
