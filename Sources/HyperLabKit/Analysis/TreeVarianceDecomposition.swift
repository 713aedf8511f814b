/// The functional ANOVA main effects of one tree's prediction over the box.
///
/// With the box's uniform measure (length on [0, 1] for a continuous parameter, 1/count
/// per category), `totalVariance` is the variance of the tree's prediction and
/// `mainEffectVariances[j]` the variance of its marginal in parameter j (the prediction
/// averaged over all other parameters). `mainEffectVariances[j] / totalVariance` is the
/// fraction of the variance that parameter j explains on its own (Hutter, Hoos &
/// Leyton-Brown 2014, "An Efficient Approach for Assessing Hyperparameter Importance").
public struct TreeVarianceDecomposition: Sendable, Hashable {
    /// The mean prediction over the box.
    public let mean: Double
    /// The variance of the prediction over the box.
    public let totalVariance: Double
    /// The variance of each parameter's marginal (one per parameter).
    public let mainEffectVariances: [Double]

    /// The fraction of the variance each parameter explains alone, in [0, 1]; nil when the
    /// tree predicts a constant.
    public var fractions: [Double]? {
        guard totalVariance > 0 else { return nil }
        return mainEffectVariances.map { Swift.min(Swift.max($0 / totalVariance, 0), 1) }
    }
}
