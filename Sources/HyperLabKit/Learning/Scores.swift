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

    /// The scores named with `prefix` (`dev`, `test`): `dev_loss`, `dev_acc` or `dev_rmse` and `dev_r2`.
    public func metrics(prefix: String) -> [String: Double] {
        var out = ["\(prefix)_loss": loss]
        out["\(prefix)_acc"] = accuracy
        out["\(prefix)_rmse"] = rmse
        out["\(prefix)_r2"] = r2
        return out
    }
}
