/// The scores of one epoch of a run: the learning curve is the list of these.
///
/// Train scores are running means over the epoch's mini-batches (as Keras reports them, with
/// dropout active); dev scores come from a full pass over dev after the epoch, without dropout.
/// Regression losses and RMSE are in the target's own units.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// The epoch, from 1.
    public let epoch: Int
    /// The learning rate used during the epoch (after schedule and warm-up).
    public let learningRate: Double
    /// Mean training loss (cross-entropy, or MSE).
    public let trainLoss: Double
    /// Training accuracy (classification).
    public let trainAccuracy: Double?
    /// Training RMSE (regression).
    public let trainRMSE: Double?
    /// Dev loss (nil when the run has no dev part, as in `evaluate test`).
    public let devLoss: Double?
    /// Dev accuracy (classification).
    public let devAccuracy: Double?
    /// Dev RMSE (regression).
    public let devRMSE: Double?
    /// Dev R² (regression).
    public let devR2: Double?
    /// Seconds since the start of the run when this epoch was scored.
    public let elapsed: Double
    /// Dev balanced accuracy (classification).
    public internal(set) var devBalancedAccuracy: Double? = nil
    /// Dev macro F1 (classification).
    public internal(set) var devF1: Double? = nil
    /// Dev ROC AUC, one-vs-rest macro beyond two classes (classification).
    public internal(set) var devAUC: Double? = nil
    /// Dev log loss in double precision (classification).
    public internal(set) var devLogloss: Double? = nil
    /// Dev mean absolute error (regression).
    public internal(set) var devMAE: Double? = nil

    /// The scores by their LANGUAGE.md names: `train_loss`, `train_acc`, `train_rmse`,
    /// `dev_loss`, `dev_acc`, `dev_balanced_acc`, `dev_f1`, `dev_auc`, `dev_logloss`, `dev_rmse`,
    /// `dev_mae`, `dev_r2` (only those that apply).
    public var metrics: [String: Double] {
        var out: [String: Double] = [MetricName.trainLoss: trainLoss]
        out[MetricName.trainAccuracy] = trainAccuracy
        out[MetricName.trainRMSE] = trainRMSE
        out[MetricName.devLoss] = devLoss
        out[MetricName.devAccuracy] = devAccuracy
        out[MetricName.devRMSE] = devRMSE
        out[MetricName.devR2] = devR2
        out["dev_balanced_acc"] = devBalancedAccuracy
        out["dev_f1"] = devF1
        out["dev_auc"] = devAUC
        out["dev_logloss"] = devLogloss
        out["dev_mae"] = devMAE
        return out
    }

    /// One score by name (see `metrics`), or nil when it does not apply.
    public func value(_ name: String) -> Double? { metrics[name] }
}

/// The metric names of LANGUAGE.md, and which way is better.
public enum MetricName {
    /// Mean training loss.
    public static let trainLoss = "train_loss"
    /// Training accuracy.
    public static let trainAccuracy = "train_acc"
    /// Training RMSE.
    public static let trainRMSE = "train_rmse"
    /// Dev loss.
    public static let devLoss = "dev_loss"
    /// Every dev metric a sweep may optimize.
    public static let devMetrics = ["dev_acc", "dev_loss", "dev_rmse", "dev_r2"]

    /// The dev metrics of a task, the primary one first.
    public static func devMetrics(for task: LearningTask) -> [String] {
        task == .classification ? ["dev_acc", "dev_loss"] : ["dev_rmse", "dev_r2", "dev_loss"]
    }
    /// Every dev metric a sweep may optimize or `results` sort by, for a task (the primary first):
    /// the shown ones (`devMetrics(for:)`) and the further ones of issue 13.
    public static func allDevMetrics(for task: LearningTask) -> [String] {
        task == .classification
            ? ["dev_acc", "dev_loss", "dev_balanced_acc", "dev_f1", "dev_auc", "dev_logloss"]
            : ["dev_rmse", "dev_r2", "dev_loss", "dev_mae"]
    }
    /// Every dev metric of either task (for completion and help).
    public static let allDevMetricNames = allDevMetrics(for: .classification) + allDevMetrics(for: .regression).filter { $0 != "dev_loss" }
    /// The metrics beside the headline ones, without a part's prefix: balanced accuracy, macro
    /// F1, ROC AUC and log loss for classes, MAE for numbers (issue 13).
    public static func furtherMetrics(for task: LearningTask) -> [String] {
        task == .classification ? ["balanced_acc", "f1", "auc", "logloss"] : ["mae"]
    }
    /// The further metrics on the train part, of either task: those of the kept model scored on
    /// every train row after training (`TrainingRun.trainScores`).
    public static let furtherTrainMetricNames = (furtherMetrics(for: .classification) + furtherMetrics(for: .regression))
        .map { "train_" + $0 }
    /// Dev accuracy.
    public static let devAccuracy = "dev_acc"
    /// Dev RMSE.
    public static let devRMSE = "dev_rmse"
    /// Dev R².
    public static let devR2 = "dev_r2"
    /// Test loss (`evaluate test`).
    public static let testLoss = "test_loss"
    /// Test accuracy.
    public static let testAccuracy = "test_acc"
    /// Test RMSE.
    public static let testRMSE = "test_rmse"
    /// Test R².
    public static let testR2 = "test_r2"
    /// Epochs completed.
    public static let epochs = "epochs"
    /// Wall-clock seconds of the run.
    public static let seconds = "seconds"

    /// The dev metric a run of this task is judged by (early stopping, sweeps' default).
    public static func primaryDevMetric(for task: LearningTask) -> String {
        task == .classification ? devAccuracy : devRMSE
    }

    /// Metric names whose larger values are better, alone or after a part's prefix (`dev_f1`).
    public static let higherIsBetter: Set<String> = [
        "acc", "accuracy", "balanced_acc", "f1", "auc", "r2", "precision", "recall", "score", "reward",
    ]
    /// Metric names whose smaller values are better, alone or after a part's prefix (`dev_loss`).
    public static let lowerIsBetter: Set<String> = [
        "loss", "rmse", "mae", "logloss", "error", "regret", "seconds", "parameters",
    ]

    /// The direction of a known metric name: `acc`, `dev_acc`, `val_f1` or `accuracy` are
    /// maximized, `loss`, `dev_rmse` or `seconds` minimized; nil for a name in neither table
    /// (an objective command's own metric then needs `direction=`).
    public static func direction(of name: String) -> MetricDirection? {
        let lowered = name.lowercased()
        func known(_ table: Set<String>) -> Bool {
            table.contains(lowered) || table.contains { lowered.hasSuffix("_" + $0) }
        }
        // The longer suffix decides: balanced_acc before acc, logloss before loss.
        let higher = known(higherIsBetter), lower = known(lowerIsBetter)
        if higher && lower {
            let longestHigher = higherIsBetter.filter { lowered == $0 || lowered.hasSuffix("_" + $0) }.map(\.count).max() ?? 0
            let longestLower = lowerIsBetter.filter { lowered == $0 || lowered.hasSuffix("_" + $0) }.map(\.count).max() ?? 0
            return longestHigher >= longestLower ? .maximize : .minimize
        }
        if higher { return .maximize }
        if lower { return .minimize }
        return nil
    }

    /// Whether larger values of `name` are better (see `direction(of:)`; unknown names are not).
    public static func isHigherBetter(_ name: String) -> Bool {
        direction(of: name) == .maximize
    }
}
