/// A progress report from a running training, for a live progress line
/// ("epoch 3/50 · train_loss 0.412 · dev_acc 0.933 · 1.2 s · ETA 18 s").
///
/// Reports come after every epoch (`isEpochEnd`) and, between them, after mini-batches at
/// most every `Trainer.batchReportInterval` seconds.
public struct TrainingProgress: Sendable, Hashable {
    /// The epoch in progress (or just finished), from 1.
    public let epoch: Int
    /// Epochs planned.
    public let epochs: Int
    /// Mini-batches done in this epoch.
    public let batch: Int
    /// Mini-batches per epoch.
    public let batches: Int
    /// Whether this report closes an epoch (its dev scores are in `devMetric`).
    public let isEpochEnd: Bool
    /// Mean training loss over this epoch's mini-batches so far (target units for regression).
    public let trainLoss: Double
    /// The name of the dev metric (`dev_acc` or `dev_rmse`).
    public let devMetricName: String
    /// The dev metric of the last finished epoch, if any.
    public let devMetric: Double?
    /// Seconds since the run started.
    public let elapsed: Double
    /// Fraction of the planned work done, in [0, 1].
    public let fractionDone: Double
    /// Every metric of the epoch just finished (only when `isEpochEnd`).
    public var record: EpochRecord? = nil

    /// Estimated seconds left at the current pace (nil before any work is done).
    public var remaining: Double? {
        guard fractionDone > 0 else { return nil }
        return elapsed / fractionDone - elapsed
    }
}
