/// Trains a model as a configuration says: mini-batch training for `epochs` epochs, shuffled
/// each epoch, scored on dev after each epoch, with early stopping (`patience`), divergence
/// detection and interruption.
///
/// ```swift
/// let trainer = Trainer(configuration: config)
/// let run = try trainer.train(on: train, dev: dev, interruption: stop) { p in
///     console.redraw("epoch \(p.epoch)/\(p.epochs) · train_loss \(p.trainLoss) · ...")
/// }
/// ```
/// Determinism: initialization, batch order and dropout come from `seed`'s derived streams
/// `init`, `shuffle` and `dropout`; the same configuration and data give bit-identical curves.
///
/// Semantics:
/// - Divergence: a NaN or infinite mini-batch or dev loss stops the run with outcome
///   `diverged(epoch:)` (a failed run); the model keeps the last reported epoch's weights.
/// - Interruption: polled after each mini-batch; the partial epoch is dropped, the completed
///   epochs are kept (outcome `interrupted(afterEpoch:)`), the model holds the reported epoch.
///   A request seen after an epoch's last mini-batch lets that epoch be scored and kept first.
/// - Patience p > 0: the run stops once p epochs pass without a strictly better dev metric
///   (`dev_acc` up, or `dev_rmse` down) and, whether it stops early or not, the model and the
///   metrics are those of the best epoch.
/// - After the last epoch, the kept model is scored once on the whole train part (no dropout)
///   for `train_balanced_acc`, `train_f1`, `train_auc`, `train_logloss` or `train_mae`.
public struct Trainer: Sendable {
    /// The hyperparameters.
    public let configuration: Configuration
    /// The matrix-product backend.
    public let backend: any GEMMBackend
    /// Minimum seconds between two mid-epoch progress reports.
    public var batchReportInterval: Double = 0.1

    /// A trainer for `configuration` (`DeterministicGEMM` by default: the same bits on every CPU).
    public init(configuration: Configuration, backend: any GEMMBackend = DeterministicGEMM()) {
        self.configuration = configuration
        self.backend = backend
    }

    /// Trains on `train`, scoring `dev` after each epoch.
    /// - Parameters:
    ///   - interruption: polled after every mini-batch (Ctrl-C).
    ///   - progress: called after each epoch and, at most every `batchReportInterval` seconds, mid-epoch.
    /// - Throws: `TrainingError` when a setting is unknown or the data cannot be trained on
    ///   (divergence is not an error: it is the run's outcome).
    public func train(on train: Partition, dev: Partition, interruption: Interruption = .never,
                      progress: (TrainingProgress) -> Void = { _ in }) throws(TrainingError) -> TrainingRun {
        let session = try TrainingSession(configuration: configuration, train: train, dev: dev, backend: backend)
        return run(session, interruption: interruption, progress: progress)
    }

    /// `evaluate test`: trains on the train and dev rows together for `epochs` epochs (no dev
    /// scoring, so `patience` does not apply), then scores the result on `test`.
    /// - Parameter trainAndDev: every train and dev row once (`DataSplit.trainAndDev`,
    ///   `CrossValidationSplit.trainAndDev`); nothing is joined here, so no row is trained twice.
    /// - Throws: `TrainingError` when a setting is unknown or the parts do not fit together.
    public func trainAndTest(on trainAndDev: Partition, test: Partition, interruption: Interruption = .never,
                             progress: (TrainingProgress) -> Void = { _ in }) throws(TrainingError) -> TestEvaluation {
        guard trainAndDev.featureCount == test.featureCount else {
            throw .invalidData("train+dev has \(trainAndDev.featureCount) feature columns and test \(test.featureCount)")
        }
        let session = try TrainingSession(configuration: configuration, train: trainAndDev, dev: nil, backend: backend)
        let run = run(session, interruption: interruption, progress: progress)
        let scores = try run.model.scores(on: test, backend: backend)
        return TestEvaluation(run: run, scores: scores, trainedRows: session.train.rows)
    }

    private func run(_ session: TrainingSession, interruption: Interruption,
                     progress: (TrainingProgress) -> Void) -> TrainingRun {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            (clock.now - start).inSeconds
        }
        let task = session.network.architecture.task
        let epochs = configuration.epochs
        let patience = session.dev == nil ? 0 : configuration.patience
        let batches = session.batchesPerEpoch
        let trainRows = session.train.rows
        let devName = MetricName.primaryDevMetric(for: task)
        var records: [EpochRecord] = []
        records.reserveCapacity(epochs)
        var outcome = TrainingOutcome.completed
        var reported: Int?
        var best: Double?
        var sinceBest = 0
        var lastReport = 0.0
        var lastDevMetric: Double?

        epochLoop: for e in 0..<epochs {
            let pass = session.runEpoch(e, interruption: interruption) { batch, totals, rows in
                let now = elapsed()
                guard now - lastReport >= batchReportInterval, batch < batches else { return }
                lastReport = now
                let trainLoss = totals.loss / Double(rows) * session.scaling.scale * session.scaling.scale
                progress(TrainingProgress(epoch: e + 1, epochs: epochs, batch: batch, batches: batches,
                                          isEpochEnd: false, trainLoss: trainLoss, devMetricName: devName,
                                          devMetric: lastDevMetric, elapsed: now,
                                          fractionDone: (Double(e) + Double(batch) / Double(batches)) / Double(epochs)))
            }
            let totals: Loss.Totals
            switch pass {
            case .diverged:
                outcome = .diverged(epoch: e + 1)
                break epochLoop
            case .interrupted:
                outcome = .interrupted(afterEpoch: e)
                break epochLoop
            case .completed(let sum):
                totals = sum
            }
            let trainScores = Scores(totals: totals, rows: trainRows, task: task, scaling: session.scaling, totalSquares: 0)
            let devScores = session.dev.map { session.network.scores(on: $0, scaling: session.scaling) }
            if let devScores, !devScores.loss.isFinite {
                outcome = .diverged(epoch: e + 1)
                break epochLoop
            }
            let now = elapsed()
            let record = EpochRecord(epoch: e + 1, learningRate: session.schedule.rate(epoch: e),
                                     trainLoss: trainScores.loss, trainAccuracy: trainScores.accuracy,
                                     trainRMSE: trainScores.rmse, devLoss: devScores?.loss,
                                     devAccuracy: devScores?.accuracy, devRMSE: devScores?.rmse,
                                     devR2: devScores?.r2, elapsed: now,
                                     devBalancedAccuracy: devScores?.balancedAccuracy, devF1: devScores?.f1,
                                     devAUC: devScores?.auc, devLogloss: devScores?.logloss, devMAE: devScores?.mae)
            records.append(record)
            lastDevMetric = record.value(devName)
            if patience > 0, let metric = lastDevMetric {
                let improved = best.map { MetricName.isHigherBetter(devName) ? metric > $0 : metric < $0 } ?? true
                if improved {
                    best = metric
                    reported = e + 1
                    sinceBest = 0
                    session.saveCheckpoint()
                } else {
                    sinceBest += 1
                }
            } else {
                reported = e + 1
                session.saveCheckpoint()
            }
            lastReport = now
            progress(TrainingProgress(epoch: e + 1, epochs: epochs, batch: batches, batches: batches,
                                      isEpochEnd: true, trainLoss: trainScores.loss, devMetricName: devName,
                                      devMetric: lastDevMetric, elapsed: now,
                                      fractionDone: Double(e + 1) / Double(epochs), record: record))
            guard e + 1 < epochs else { break }
            if patience > 0, sinceBest >= patience, let bestEpoch = reported {
                outcome = .stoppedEarly(bestEpoch: bestEpoch)
                break
            }
            if interruption.isRequested {
                outcome = .interrupted(afterEpoch: e + 1)
                break
            }
        }
        session.restoreCheckpoint()
        // One pass over train with the kept weights, for the metrics that need every row's output.
        let trainScores = reported == nil ? nil : session.network.scores(on: session.train, scaling: session.scaling)
        return TrainingRun(configuration: configuration, task: task, epochs: records, outcome: outcome,
                           reportedEpoch: reported, seconds: elapsed(), model: session.model(), trainScores: trainScores)
    }
}
