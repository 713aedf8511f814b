/// A random forest of regression trees over a bounded box of parameters: the surrogate
/// model of `ParameterImportance.fanova`.
///
/// Each tree is grown by `TreeGrower` on a bootstrap sample of the trials (CART with squared
/// error; continuous parameters split by thresholds, categorical ones by subsets of
/// categories). The forest predicts the mean of its trees.
///
/// ```swift
/// let forest = try RegressionForest(inputs: [[0.1], [0.5], [0.9]], kinds: [.continuous],
///                                   values: [1, 2, 3], options: ForestOptions(trees: 16), seed: 7)
/// let y = forest.predict([0.4])
/// ```
///
/// Determinism: tree t draws from `SeededGenerator(seed: seed).derived(t)`, so the same
/// inputs and seed give the same forest, and tree t does not depend on the number of trees.
public struct RegressionForest: Sendable {
    /// The trees.
    public let trees: [RegressionTree]
    /// The kind of each parameter.
    public let kinds: [ImportanceInputKind]

    /// Grows a forest on the trials' coordinates (one row per trial) and metric values.
    ///
    /// - Parameters:
    ///   - inputs: one row per trial, one coordinate per parameter: continuous parameters
    ///     in [0, 1], categorical ones as category indices.
    ///   - kinds: the kind of each parameter.
    ///   - values: the metric of each trial (finite, not all equal).
    ///   - options: the forest's size and stopping rules.
    ///   - seed: the seed of every random choice (bootstrap samples, parameter orders).
    /// - Throws: `AnalysisError` when the inputs or options are unusable.
    public init(inputs: [[Double]], kinds: [ImportanceInputKind], values: [Double],
                options: ForestOptions = ForestOptions(), seed: Int = 0) throws(AnalysisError) {
        try options.validate()
        let data = try SurrogateData(inputs: inputs, kinds: kinds, values: values, names: nil)
        self.init(data: data, options: options, seed: seed)
    }

    /// Grows a forest on checked data.
    init(data: SurrogateData, options: ForestOptions, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var trees: [RegressionTree] = []
        trees.reserveCapacity(options.trees)
        for t in 0..<options.trees {
            var grower = TreeGrower(data: data, options: options, rng: root.derived(t))
            trees.append(grower.grow())
        }
        self.trees = trees
        self.kinds = data.kinds
    }

    /// The mean prediction of the trees at `point`.
    ///
    /// - Precondition: `point.count == kinds.count`.
    public func predict(_ point: [Double]) -> Double {
        trees.reduce(0) { $0 + $1.predict(point) } / Double(trees.count)
    }
}
