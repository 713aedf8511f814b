/// The regression metrics of one part, from its true values and predictions (same units).
///
/// ```swift
/// let m = RegressionMetrics(targets: [3, -0.5, 2, 7], predictions: [2.5, 0, 2, 8])
/// m.rmse   // 0.612
/// m.mae    // 0.5
/// m.r2     // 0.949
/// ```
/// As scikit-learn defines them: RMSE = √(mean squared error), MAE = mean |error|,
/// R² = 1 − SS_res / SS_tot (0 when the targets are constant, where scikit-learn also gives 0
/// for imperfect predictions).
public struct RegressionMetrics: Sendable, Hashable {
    /// Root mean squared error.
    public let rmse: Double
    /// Mean absolute error.
    public let mae: Double
    /// Coefficient of determination.
    public let r2: Double

    /// The metrics of `predictions` against `targets`.
    /// - Precondition: the same non-zero count.
    public init(targets: [Double], predictions: [Double]) {
        precondition(!targets.isEmpty && targets.count == predictions.count, "one prediction per target")
        let n = Double(targets.count)
        let mean = targets.reduce(0, +) / n
        var squares = 0.0, absolute = 0.0, total = 0.0
        for (y, p) in zip(targets, predictions) {
            squares += (y - p) * (y - p)
            absolute += abs(y - p)
            total += (y - mean) * (y - mean)
        }
        rmse = (squares / n).squareRoot()
        mae = absolute / n
        r2 = total > 0 ? 1 - squares / total : 0
    }
}
