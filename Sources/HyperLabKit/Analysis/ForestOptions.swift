/// How the random forest surrogate of `ParameterImportance` is grown.
///
/// The defaults are Optuna's `FanovaImportanceEvaluator` (scikit-learn's
/// `RandomForestRegressor` with 64 trees, depth at most 64, at least 2 samples to split,
/// 1 per leaf, bootstrap samples, and every feature considered at every split).
public struct ForestOptions: Sendable, Hashable {
    /// The number of trees.
    public var trees: Int
    /// The deepest a leaf may lie (the root has depth 0).
    public var maxDepth: Int
    /// A node with fewer samples is not split.
    public var minSamplesSplit: Int
    /// Every leaf keeps at least this many samples (bootstrap copies count).
    public var minSamplesLeaf: Int
    /// How many randomly chosen parameters each split considers at least; nil for all.
    /// (If none of them can split the node, further ones are tried, as scikit-learn does.)
    public var featuresPerSplit: Int?
    /// Whether each tree is grown on a bootstrap sample (n draws with replacement) rather
    /// than on all trials.
    public var bootstrap: Bool

    /// Creates options; every argument defaults to Optuna's choice.
    public init(trees: Int = 64, maxDepth: Int = 64, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                featuresPerSplit: Int? = nil, bootstrap: Bool = true) {
        self.trees = trees
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.featuresPerSplit = featuresPerSplit
        self.bootstrap = bootstrap
    }

    /// Throws when an option is out of range.
    public func validate() throws(AnalysisError) {
        if trees < 1 { throw .invalidOption(name: "trees", value: trees, requirement: "at least 1") }
        if maxDepth < 0 { throw .invalidOption(name: "maxDepth", value: maxDepth, requirement: "0 or more") }
        if minSamplesSplit < 2 {
            throw .invalidOption(name: "minSamplesSplit", value: minSamplesSplit, requirement: "at least 2")
        }
        if minSamplesLeaf < 1 {
            throw .invalidOption(name: "minSamplesLeaf", value: minSamplesLeaf, requirement: "at least 1")
        }
        if let k = featuresPerSplit, k < 1 {
            throw .invalidOption(name: "featuresPerSplit", value: k, requirement: "at least 1")
        }
    }
}
