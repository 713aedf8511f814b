/// What the objective gets for one trial: its number, parameters and seed, a way to report
/// per-epoch values (and learn whether to stop), and the sweep's interruption.
///
/// ```swift
/// let report = study.run(parallel: 2) { trial in
///     var model = makeModel(trial.parameters, seed: trial.seed)
///     for epoch in 1...epochs {
///         let acc = model.trainEpoch()
///         if trial.report(step: epoch, value: acc) { break }   // pruned or interrupted
///     }
///     return TrialOutcome(value: model.devAccuracy, metrics: ["dev_acc": model.devAccuracy])
/// }
/// ```
/// Repeats (`repeats=N`) belong to the objective: train with `seed(forRepeat:)` for r in
/// 0..<N and return `TrialOutcome.mean(of:)`; report the running mean per epoch if pruning.
public struct TrialContext: Sendable {
    /// The trial number.
    public let number: Int
    /// The parameters to evaluate.
    public let parameters: TrialParameters
    /// The trial's seed (from the sweep seed and the number only).
    public let seed: Int
    /// Requested when the sweep is stopping (Ctrl-C or a store failure): stop soon.
    public let interruption: Interruption
    private let reporter: @Sendable (_ step: Int, _ value: Double, _ isLast: Bool) -> Bool

    /// A context whose reporter gets each step, its value, and whether it is the trial's last;
    /// the study makes these.
    public init(number: Int, parameters: TrialParameters, seed: Int, interruption: Interruption = .never,
                stepReporter: @escaping @Sendable (_ step: Int, _ value: Double, _ isLast: Bool) -> Bool) {
        self.number = number
        self.parameters = parameters
        self.seed = seed
        self.interruption = interruption
        self.reporter = stepReporter
    }

    /// A context whose reporter gets each step and its value (tests make these).
    public init(number: Int, parameters: TrialParameters, seed: Int, interruption: Interruption = .never,
                reporter: @escaping @Sendable (Int, Double) -> Bool = { _, _ in false }) {
        self.init(number: number, parameters: parameters, seed: seed, interruption: interruption,
                  stepReporter: { step, value, _ in reporter(step, value) })
    }

    /// Records the metric at `step` (an epoch, from 1) and returns whether to stop now:
    /// true when the pruner stops the trial or the sweep is interrupted. May wait briefly
    /// for earlier trials to reach the same step (see `Study`). `isLast` says the trial ends
    /// after this step anyway (its planned last epoch): the value is recorded, and no pruner
    /// decides on it, so a trial that trained to the end is never marked pruned.
    @discardableResult
    public func report(step: Int, value: Double, isLast: Bool = false) -> Bool { reporter(step, value, isLast) }

    /// The seed of repeat `r` of this configuration (r = 0 gives `seed` itself).
    public func seed(forRepeat r: Int) -> Int {
        r == 0 ? seed : Int(truncatingIfNeeded: SeededGenerator(seed: UInt64(seed)).derived(r).seed >> 1)
    }
}

/// The result of one trial: the metric the study optimizes and any other metrics by name.
public struct TrialOutcome: Sendable, Hashable {
    /// The metric the study optimizes (NaN or infinite marks the trial failed: diverged).
    public var value: Double
    /// All metrics by name (`dev_acc`, `train_loss`, `epochs`, ...).
    public var metrics: [String: Double]

    /// An outcome.
    public init(value: Double, metrics: [String: Double] = [:]) {
        self.value = value
        self.metrics = metrics
    }

    /// The mean of several repeats: the mean value, each metric's mean, and beside each
    /// metric `NAME_sd`, the sample standard deviation (0 for one repeat).
    public static func mean(of outcomes: [TrialOutcome]) -> TrialOutcome {
        guard !outcomes.isEmpty else { return TrialOutcome(value: .nan) }
        var metrics: [String: Double] = [:]
        let names = Set(outcomes.flatMap(\.metrics.keys))
        for name in names {
            let values = outcomes.compactMap { $0.metrics[name] }
            let (m, sd) = meanAndSD(values)
            metrics[name] = m
            metrics[name + "_sd"] = sd
        }
        return TrialOutcome(value: meanAndSD(outcomes.map(\.value)).0, metrics: metrics)
    }

    /// The mean and the sample standard deviation (n − 1) of `values`; sd 0 for one value, NaN for none.
    public static func meanAndSD(_ values: [Double]) -> (Double, Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count > 1 else { return (mean, 0) }
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / (n - 1)).squareRoot())
    }
}

/// An error an objective throws to fail its trial with a reason ("diverged at epoch 3").
public struct TrialFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the trial failed.
    public var reason: String
    /// A failure with its reason.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}
