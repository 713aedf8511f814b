/// The record of one training run: its learning curve, how it ended, its final metrics and the
/// trained model. A value (Sendable), kept by the shell as `run N` and by sweeps as a trial.
///
/// ```swift
/// let run = try Trainer(configuration: config).train(on: train, dev: dev)
/// run.outcome.description        // "completed", "diverged at epoch 3", ...
/// run.metrics["dev_acc"]         // the reported epoch's dev accuracy
/// run.curve(MetricName.devLoss)  // one value per epoch
/// ```
public struct TrainingRun: Sendable {
    /// The configuration the run used.
    public let configuration: Configuration
    /// Classification or regression.
    public let task: LearningTask
    /// One record per completed epoch, in order (the learning curve).
    public let epochs: [EpochRecord]
    /// How the run ended.
    public let outcome: TrainingOutcome
    /// The epoch (from 1) whose weights `model` holds and whose scores `metrics` reports: the
    /// last completed epoch, or the best dev epoch when `patience` > 0; nil when no epoch completed.
    public let reportedEpoch: Int?
    /// Wall-clock seconds of the whole run.
    public let seconds: Double
    /// The trained model (the reported epoch's weights; the initial weights if no epoch completed).
    public let model: TrainedModel
    /// The trained model's scores on the whole train part, after the last epoch and without
    /// dropout: the source of `train_balanced_acc`, `train_f1`, `train_auc`, `train_logloss` and
    /// `train_mae`; nil when no epoch completed.
    public let trainScores: Scores?

    /// Whether the run failed (diverged).
    public var isFailed: Bool { outcome.isFailed }

    /// The final metrics by LANGUAGE.md name: the reported epoch's `train_loss`, `train_acc` or
    /// `train_rmse` (running means over its mini-batches), its dev metrics, the further train
    /// metrics of the kept model (`trainScores`: `train_balanced_acc`, `train_f1`, `train_auc`,
    /// `train_logloss`, or `train_mae`), plus `epochs` (completed) and `seconds`.
    public var metrics: [String: Double] {
        var out: [String: Double] = [MetricName.epochs: Double(epochs.count), MetricName.seconds: seconds]
        if let e = reportedEpoch, e >= 1, e <= epochs.count {
            out.merge(epochs[e - 1].metrics) { _, new in new }
        }
        if let trainScores {
            let scored = trainScores.metrics(prefix: "train")
            for name in MetricName.furtherTrainMetricNames { out[name] = scored[name] }
        }
        return out
    }

    /// The values of one metric per completed epoch (empty when it does not apply).
    public func curve(_ metric: String) -> [Double] {
        epochs.compactMap { $0.value(metric) }
    }
}

/// The result of `evaluate test`: a run on train+dev, scored once on the test part.
public struct TestEvaluation: Sendable {
    /// The run on train+dev (its epoch records have no dev scores).
    public let run: TrainingRun
    /// The scores on the test part.
    public let scores: Scores
    /// The rows the run trained on (train and dev, each once).
    public let trainedRows: Int

    /// `test_loss`, `test_acc` or `test_rmse` and `test_r2`, plus `epochs` and `seconds`.
    public var metrics: [String: Double] {
        var out = scores.metrics(prefix: "test")
        out[MetricName.epochs] = Double(run.epochs.count)
        out[MetricName.seconds] = run.seconds
        return out
    }
}
