/// How much each parameter explains the metric: fANOVA on a random-forest surrogate.
///
/// A random forest of regression trees is fitted to the finished trials (coordinates →
/// metric). For each tree, the variance of its prediction over the whole box is decomposed
/// exactly (functional ANOVA): a parameter's fraction is the variance of the tree's
/// marginal in that parameter (averaged over all others) divided by the tree's total
/// variance. Fractions are averaged over the trees; the importances are those means
/// normalized to sum to 1.
///
/// Algorithm: Hutter, Hoos & Leyton-Brown, "An Efficient Approach for Assessing
/// Hyperparameter Importance", ICML 2014; the forest's defaults and the normalization follow
/// Optuna's `FanovaImportanceEvaluator`.
///
/// ```swift
/// let ranking = try ParameterImportance.fanova(
///     inputs: trials.map { [lrUnit, dropoutUnit, Double(activationIndex)] },
///     kinds: [.continuous, .continuous, .categorical(count: 3)],
///     values: devAccuracies, names: ["lr", "dropout", "activation"])
/// for entry in ranking { print(entry.name, entry.importance, entry.sd) }
/// ```
public enum ParameterImportance {
    /// A one-sentence description of the method, for help texts.
    public static let methodSummary = """
        fANOVA (Hutter, Hoos & Leyton-Brown 2014, as in Optuna): a random forest of regression \
        trees is fitted to the finished trials, and a parameter's importance is the share of the \
        forest's predicted-metric variance over the whole search space that the parameter \
        explains on its own (its main effect), averaged over the trees and scaled so that all \
        parameters sum to 1.
        """

    /// Ranks parameters by fANOVA importance, most important first.
    ///
    /// - Parameters:
    ///   - inputs: one row per finished trial, one coordinate per parameter: a continuous or
    ///     integer parameter mapped onto [0, 1] (log ranges in log space), a categorical one
    ///     as its category index.
    ///   - kinds: the kind of each parameter.
    ///   - values: the metric of each trial (failed trials left out by the caller).
    ///   - names: the name of each parameter.
    ///   - trees: the number of trees of the forest.
    ///   - seed: the seed of the forest.
    /// - Returns: one entry per parameter, by decreasing importance (ties in input order).
    /// - Throws: `AnalysisError` for fewer than 2 trials, a constant metric, mismatched
    ///   lengths, non-finite numbers or coordinates outside the box.
    public static func fanova(inputs: [[Double]], kinds: [ImportanceInputKind], values: [Double],
                              names: [String], trees: Int = 64, seed: Int = 0) throws(AnalysisError) -> [ImportanceEntry] {
        try fanova(inputs: inputs, kinds: kinds, values: values, names: names,
                   options: ForestOptions(trees: trees), seed: seed)
    }

    /// Ranks parameters by fANOVA importance with a fully specified forest.
    ///
    /// The same as `fanova(inputs:kinds:values:names:trees:seed:)`, with every forest
    /// option open (depth, leaf size, features per split, bootstrap).
    public static func fanova(inputs: [[Double]], kinds: [ImportanceInputKind], values: [Double],
                              names: [String], options: ForestOptions, seed: Int) throws(AnalysisError) -> [ImportanceEntry] {
        try options.validate()
        let data = try SurrogateData(inputs: inputs, kinds: kinds, values: values, names: names)
        let forest = RegressionForest(data: data, options: options, seed: seed)
        let d = kinds.count

        // Fractions per parameter over the trees that vary (constant trees explain nothing).
        var perTree: [[Double]] = []
        for tree in forest.trees {
            if let fractions = tree.varianceDecomposition().fractions { perTree.append(fractions) }
        }
        if perTree.isEmpty { throw .noStructure }
        let treeCount = Double(perTree.count)
        var means = [Double](repeating: 0, count: d), sds = [Double](repeating: 0, count: d)
        for j in 0..<d {
            let mean = perTree.reduce(0) { $0 + $1[j] } / treeCount
            let squares = perTree.reduce(0) { $0 + ($1[j] - mean) * ($1[j] - mean) }
            means[j] = mean
            sds[j] = (squares / treeCount).squareRoot()
        }
        let sum = means.reduce(0, +)
        if sum <= 1e-12 { throw .onlyInteractions }

        let entries = (0..<d).map { j in
            ImportanceEntry(name: names[j], index: j, importance: means[j] / sum, sd: sds[j] / sum,
                            fraction: means[j], fractionSD: sds[j])
        }
        return entries.sorted { a, b in
            a.importance > b.importance || (a.importance == b.importance && a.index < b.index)
        }
    }
}
