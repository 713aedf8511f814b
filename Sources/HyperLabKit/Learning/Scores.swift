/// Loss and metrics of a model on one partition.
public struct Scores: Sendable, Hashable, Codable {
    /// Mean loss: cross-entropy, or MSE in the target's units.
    public let loss: Double
    /// Accuracy (classification).
    public let accuracy: Double?
    /// Root mean squared error in the target's units (regression).
    public let rmse: Double?
    /// Coefficient of determination, 1 − SS_res/SS_tot (regression; 0 when the targets are constant).
    public let r2: Double?
    /// Mean recall over the classes present (classification).
    public private(set) var balancedAccuracy: Double?
    /// Macro-averaged F1 (classification).
    public private(set) var f1: Double?
    /// ROC AUC, one-vs-rest macro for more than two classes (classification; nil when a part
    /// lacks positives or negatives for every class).
    public private(set) var auc: Double?
    /// Mean −ln p(true class) in double precision, clipped as scikit-learn does (classification).
    public private(set) var logloss: Double?
    /// Mean absolute error in the target's units (regression).
    public private(set) var mae: Double?

    /// Scores from a loss kernel's totals over `rows` rows.
    init(totals: Loss.Totals, rows: Int, task: LearningTask, scaling: TargetScaling, totalSquares: Double) {
        let n = Double(rows)
        switch task {
        case .classification:
            loss = totals.loss / n
            accuracy = Double(totals.correct) / n
            rmse = nil
            r2 = nil
        case .regression:
            let residual = totals.loss * scaling.scale * scaling.scale
            loss = residual / n
            accuracy = nil
            rmse = loss.squareRoot()
            r2 = totalSquares > 0 ? 1 - residual / totalSquares : 0
        }
    }

    /// Adds the metrics that need every row's probabilities.
    mutating func add(_ metrics: ClassificationMetrics) {
        balancedAccuracy = metrics.balancedAccuracy
        f1 = metrics.f1
        auc = metrics.auc
        logloss = metrics.logloss
    }

    /// Adds the metrics that need every row's prediction.
    mutating func add(_ metrics: RegressionMetrics) {
        mae = metrics.mae
    }

    /// The scores named with `prefix` (`dev`, `test`): `dev_loss`, then `dev_acc`,
    /// `dev_balanced_acc`, `dev_f1`, `dev_auc`, `dev_logloss`, or `dev_rmse`, `dev_mae`, `dev_r2`
    /// (those that apply).
    public func metrics(prefix: String) -> [String: Double] {
        var out = ["\(prefix)_loss": loss]
        out["\(prefix)_acc"] = accuracy
        out["\(prefix)_balanced_acc"] = balancedAccuracy
        out["\(prefix)_f1"] = f1
        out["\(prefix)_auc"] = auc
        out["\(prefix)_logloss"] = logloss
        out["\(prefix)_rmse"] = rmse
        out["\(prefix)_mae"] = mae
        out["\(prefix)_r2"] = r2
        return out
    }
}
