/// Counts of a running study, for a progress bar.
public struct StudyProgress: Sendable, Hashable {
    /// Trials the study will run.
    public var total: Int
    /// Trials started so far.
    public var started: Int
    /// Trials running now.
    public var running: Int
    /// Complete trials.
    public var complete: Int
    /// Pruned trials.
    public var pruned: Int
    /// Failed trials.
    public var failed: Int
    /// The best complete trial so far.
    public var best: Trial?
    /// Seconds since the study started.
    public var elapsed: Double

    /// Finished trials (complete, pruned or failed).
    public var finished: Int { complete + pruned + failed }
}

/// Something that happened in a study, with the counts after it.
public struct StudyEvent: Sendable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A trial started.
        case started
        /// A trial reported a value at a step.
        case reported(step: Int, value: Double)
        /// A trial finished (its state says how).
        case finished
    }

    /// What happened.
    public var kind: Kind
    /// The trial it happened to, as recorded at that moment.
    public var trial: Trial
    /// The counts after the event.
    public var progress: StudyProgress
}

/// The end of a study run.
public struct StudyReport: Sendable {
    /// Every trial that started, by number (interrupted ones are failed with reason "interrupted").
    public var trials: [Trial]
    /// Whether the run stopped before all trials ran (interruption or store failure).
    public var stoppedEarly: Bool
    /// The store's first error, if it failed (the run stopped at that point).
    public var storeError: StudyStoreError?
    /// The trials whose last state is not in the store, by number: after a failed write the run
    /// stops and writes what it left out once more; these are the trials that try did not
    /// store either (empty when it did, or when no write failed). Their records are in `trials`.
    public var unstoredTrials: [Int] = []
    /// The direction of the metric.
    public var direction: MetricDirection

    /// The best complete trial.
    public var best: Trial? { trials.best(for: direction) }
}
