import HyperLabKit

/// A finished (or stopped) sweep: what was searched, how, and every trial.
public struct SweepRecord: Sendable {
    /// 1-based number of the sweep in this session.
    public let number: Int
    /// Its name (`name=`, or "sweep N").
    public let name: String
    /// The sampler (a `SamplerKind` raw value, such as tpe).
    public let sampler: String
    /// The swept keys and their distributions.
    public let space: SearchSpace
    /// The configuration every trial started from (the current one plus the fixed keys).
    public let base: Configuration
    /// The metric optimized.
    public let metric: String
    /// Whether higher or lower is better.
    public let direction: MetricDirection
    /// The sweep seed.
    public let seed: Int
    /// Seeds per configuration.
    public let repeats: Int
    /// The pruner: none, median, asha.
    public let prune: String
    /// The trials, by number.
    public let trials: [Trial]
    /// Whether it stopped before every trial ran (`stopCause` says why).
    public let stoppedEarly: Bool
    /// Why it stopped early, when it did: Ctrl-C unless the store failed or the database was lost.
    public var stopCause = SweepStopCause.interruption
    /// The dataset the trials were trained on ("external command" for an objective command).
    public let datasetName: String
    /// The folder of the trials' logs (external command objectives), nil otherwise.
    public var logFolder: String? = nil
    /// Whether a program asked and told the trials (`AskTellStudy`): no configuration of
    /// HyperLab's ran them.
    public var askedAndTold = false
    /// For a study opened from the store, the commands that load and split its data again
    /// (`load iris; split …`); nil for a sweep of this session, or one with no built-in data.
    public var dataCommands: String? = nil
    /// The parts each configuration is trained on: K under cross-validation, else 1.
    public var folds = 1
    /// The metrics of a multi-objective sweep (`metric=[dev_acc, parameters]`), `metric` first;
    /// empty for one metric.
    public var objectives: [StudyObjective] = []

    /// Whether the sweep searched for several metrics at once.
    public var isMultiObjective: Bool { objectives.count > 1 }

    /// The complete trials on the Pareto front of `objectives`, by number (empty for one metric).
    public var paretoFront: [Trial] { isMultiObjective ? trials.paretoFront(objectives) : [] }

    /// Epochs trained over every run of every trial: a complete trial ran each of its `repeats`
    /// seeds on each of its `folds` parts (its `epochs` metric is the mean of those runs); a
    /// pruned, failed or stopped trial counts the epochs of the run it stopped in.
    public var epochsTrained: Int {
        trials.reduce(0) { total, trial in
            guard let mean = trial.metrics["epochs"] else { return total + (trial.lastStep ?? 0) }
            let runs = trial.state == .complete ? repeats * folds : 1
            return total + Int((mean * Double(runs)).rounded())
        }
    }

    /// The best complete trial; of a multi-objective sweep, the best on the first metric among
    /// the Pareto front, so a tie on it goes to a trial no other beats on the rest.
    public var best: Trial? { isMultiObjective ? paretoFront.best(for: direction) : trials.best(for: direction) }

    /// The trial numbered `n`.
    public func trial(_ n: Int) -> Trial? { trials.first { $0.number == n } }

    /// The sweep's base configuration with `trial`'s parameters set (their origin the trial).
    public func configuration(of trial: Trial) throws(ConfigurationError) -> Configuration {
        var config = base
        for (name, value) in trial.parameters { try config.set(name, value, origin: .trial(trial.number)) }
        return config
    }
}
