/// How much one parameter explains the metric, as ranked by `ParameterImportance`.
///
/// `fraction` is the fANOVA main-effect fraction averaged over the forest's trees: the
/// variance of the metric's marginal in this parameter divided by the total variance of the
/// prediction over the box. `importance` is the same number normalized so that the
/// importances of all parameters sum to 1 (as Optuna reports it); `sd` and `fractionSD` are
/// the standard deviations over the trees on the two scales. The raw fractions sum to at
/// most about 1; what they leave is explained by interactions between parameters.
public struct ImportanceEntry: Sendable, Hashable {
    /// The parameter's name.
    public let name: String
    /// The parameter's position in the caller's columns.
    public let index: Int
    /// The share of the explained variance, normalized so all parameters sum to 1.
    public let importance: Double
    /// The standard deviation of `importance` over the trees (same normalization).
    public let sd: Double
    /// The mean over trees of the main-effect variance / total variance (not normalized).
    public let fraction: Double
    /// The standard deviation of `fraction` over the trees.
    public let fractionSD: Double

    /// Creates an entry.
    public init(name: String, index: Int, importance: Double, sd: Double, fraction: Double, fractionSD: Double) {
        self.name = name
        self.index = index
        self.importance = importance
        self.sd = sd
        self.fraction = fraction
        self.fractionSD = fractionSD
    }
}
