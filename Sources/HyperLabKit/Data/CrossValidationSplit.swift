/// K-fold cross-validation with a locked test part (`split cv=5 test=0.2 seed=1`).
///
/// ```swift
/// var split = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1)
/// split.sizesDescription            // "5 folds of 24 rows (train 96 · dev 24) · test 30"
/// for k in 0..<split.foldCount {
///     let fold = split.fold(k)       // train = the other 4 folds, dev = fold k
///     scores.append(try trainer.train(on: fold.train, dev: fold.dev).metrics["dev_acc"])
/// }
/// let test = split.openTest()       // counted, as with DataSplit
/// ```
///
/// Guarantees:
/// - The test part is held out first, the way `DataSplit` holds out its test part: a seeded
///   permutation (`SeededGenerator(seed:).derived("split")`) whose last rows are the test rows
///   (class by class when stratified, at least one row of every class). It is sealed in a
///   `TestSetVault`: only `openTest()` (mutating, counted) reads it. Unstratified, the test rows
///   are those of a `DataSplit` with the same seed and test fraction (when both round the test
///   size alike), so switching between a hold-out split and cross-validation keeps the test set.
/// - The other rows ("development rows") are dealt into K folds from a second seeded shuffle
///   (`derived("folds")`): every development row is in exactly one fold, no test row is in any
///   fold, and fold sizes differ by at most one. Stratified folds deal each class in turn, so
///   every class is spread over the folds as evenly as it can be (counts differ by at most one).
/// - Fold k trains on the other folds and scores on fold k, standardized with the statistics of
///   its own training rows only (`fold(_:)`). The test part and `trainAndDev` (for the final fit
///   before `evaluate test`) are standardized with the statistics of all development rows.
/// - Deterministic: the rows depend only on the dataset, K, the test fraction, `seed` and
///   `stratified`. `refolded(seed:)` deals new folds and keeps the test part (repeated K-fold).
/// - Stratification is on by default for classification, off for regression.
///
/// The split keeps the development rows (raw) to build folds on demand, never the test rows.
public struct CrossValidationSplit: Sendable {
    /// The fewest and most folds allowed.
    public static let foldRange = 2...20

    /// Number of folds, K.
    public let foldCount: Int
    /// The fraction of rows held out for the test part.
    public let testFraction: Double
    /// The seed of the test hold-out.
    public let seed: Int
    /// The seed of the fold assignment (`seed`, unless made by `refolded(seed:)`).
    public let foldSeed: Int
    /// Whether the hold-out and the folds were made class by class.
    public let stratified: Bool
    /// The test rows, sealed: sizes and balance are readable, rows only through `openTest()`.
    public private(set) var test: TestSetVault
    /// Dataset rows of each fold, fold by fold.
    public let foldIndices: [[Int]]
    /// Dataset rows outside the test part, in the order of `trainAndDev`.
    public let developmentIndices: [Int]
    /// The standardization fitted on all development rows (used for the test part and `trainAndDev`).
    public let standardizer: Standardizer
    /// Rows per class in each fold (classification), fold by fold, or nil.
    public let foldClassCounts: [[Int]]?
    /// The name of the dataset that was split.
    public let datasetName: String
    /// The feature names, in column order.
    public let featureNames: [String]
    /// The development rows, raw: row i is dataset row `developmentIndices[i]`.
    private let development: Dataset
    /// Rows of `development` in each fold.
    private let localFolds: [[Int]]

    /// Holds out a test part of `dataset` and deals the other rows into `folds` folds.
    /// - Parameters:
    ///   - folds: K, from 2 to 20.
    ///   - test: fraction of the rows for the test part, in (0, 1).
    ///   - seed: seed of the hold-out and of the folds.
    ///   - stratify: split each class separately; nil (the default) stratifies classification
    ///     datasets and not regression ones.
    /// - Throws: `DataError` for K out of range (`invalidOption`, key `cv`), a test fraction
    ///   outside (0, 1) (`invalidFractions`, key `test`), an empty test part or fewer development
    ///   rows than folds (`emptyPart`), stratification of a regression target
    ///   (`stratifyNeedsClasses`), or a class with too few rows for a test row and one row per
    ///   fold (`classTooSmall`).
    public init(dataset: Dataset, folds: Int, test: Double, seed: Int = 0,
                stratify: Bool? = nil) throws(DataError) {
        guard CrossValidationSplit.foldRange.contains(folds) else {
            throw DataError(.invalidOption, "cv=\(folds) is out of range: cross-validation takes 2 to 20 folds",
                            hint: "use cv=5 or cv=10, the usual choices", key: "cv")
        }
        guard test > 0 && test < 1 else {
            throw DataError(.invalidFractions, "test=\(NumberText.canonical(test)) is not a fraction between 0 and 1",
                            hint: "cross-validation still holds out a test part, e.g. cv=5 test=0.2", key: "test")
        }
        let stratified = stratify ?? (dataset.task == .classification)
        var generator = SeededGenerator(seed: seed).derived("split")
        let parts = stratified
            ? try CrossValidationSplit.stratifiedHoldOut(dataset, test: test, folds: folds, generator: &generator)
            : try CrossValidationSplit.plainHoldOut(dataset, test: test, folds: folds, generator: &generator)
        let standardizer = Standardizer(fitting: dataset, rows: parts.development)
        let sealed = Partition(features: standardizer.standardized(dataset, rows: parts.test),
                               targets: dataset.target.partitionTargets(parts.test))
        let development = CrossValidationSplit.subset(dataset, rows: parts.development)
        self.init(development: development, developmentIndices: parts.development, standardizer: standardizer,
                  test: TestSetVault(sealing: sealed, indices: parts.test), foldCount: folds,
                  testFraction: test, seed: seed, foldSeed: seed, stratified: stratified,
                  datasetName: dataset.name)
    }

    /// A split over given development rows and test vault, dealing folds from `foldSeed`.
    private init(development: Dataset, developmentIndices: [Int], standardizer: Standardizer,
                 test: TestSetVault, foldCount: Int, testFraction: Double, seed: Int, foldSeed: Int,
                 stratified: Bool, datasetName: String) {
        var generator = SeededGenerator(seed: foldSeed).derived("folds")
        let local = CrossValidationSplit.dealFolds(development, count: foldCount, stratified: stratified,
                                                   generator: &generator)
        self.development = development
        self.localFolds = local
        self.developmentIndices = developmentIndices
        self.foldIndices = local.map { $0.map { developmentIndices[$0] } }
        self.standardizer = standardizer
        self.test = test
        self.foldCount = foldCount
        self.testFraction = testFraction
        self.seed = seed
        self.foldSeed = foldSeed
        self.stratified = stratified
        self.datasetName = datasetName
        self.featureNames = standardizer.outputNames(features: development.featureNames)
        if case .classes(let labels, let names) = development.target {
            foldClassCounts = local.map { DatasetTarget.counts(of: $0.lazy.map { labels[$0] }, classCount: names.count) }
        } else {
            foldClassCounts = nil
        }
    }

    /// Fold `k` (0-based): train on the other folds, score on fold k, standardized with the
    /// statistics of the training rows only.
    /// - Precondition: `k` is in `0..<foldCount`.
    /// - Complexity: O(rows × features): the standardized parts are built on each call.
    public func fold(_ k: Int) -> CrossValidationFold {
        precondition((0..<foldCount).contains(k), "fold \(k) is not one of the \(foldCount) folds")
        let trainLocal = localFolds.indices.filter { $0 != k }.flatMap { localFolds[$0] }
        let devLocal = localFolds[k]
        let scaler = Standardizer(fitting: development, rows: trainLocal)
        func partition(_ rows: [Int]) -> Partition {
            Partition(features: scaler.standardized(development, rows: rows),
                      targets: development.target.partitionTargets(rows))
        }
        return CrossValidationFold(index: k, train: partition(trainLocal), dev: partition(devLocal),
                                   trainIndices: trainLocal.map { developmentIndices[$0] },
                                   devIndices: devLocal.map { developmentIndices[$0] },
                                   standardizer: scaler)
    }

    /// The same test part (with its look count) and development rows, dealt into new folds from
    /// `seed`: one repetition of repeated K-fold cross-validation.
    public func refolded(seed foldSeed: Int) -> CrossValidationSplit {
        CrossValidationSplit(development: development, developmentIndices: developmentIndices,
                             standardizer: standardizer, test: test, foldCount: foldCount,
                             testFraction: testFraction, seed: seed, foldSeed: foldSeed,
                             stratified: stratified, datasetName: datasetName)
    }

    /// The test rows, counting one look at the test set. The only way to read them.
    public mutating func openTest() -> Partition {
        test.open()
    }

    /// How many times the test rows have been read.
    public var testLooks: Int { test.looks }
    /// Dataset rows of the test part.
    public var testIndices: [Int] { test.indices }
    /// The learning task.
    public var task: LearningTask { development.task }
    /// The class names (classification), or nil.
    public var classNames: [String]? { development.classNames }
    /// Rows in each fold.
    public var foldSizes: [Int] { localFolds.map(\.count) }

    /// All development rows, standardized with their statistics, for a final fit before
    /// `evaluate test` (the counterpart of `DataSplit.trainAndDev`).
    public var trainAndDev: Partition {
        let rows = Array(0..<development.rowCount)
        return Partition(features: standardizer.standardized(development, rows: rows),
                         targets: development.target.partitionTargets(rows))
    }

    /// n_dev / n_train of a fold, for the corrected resampled t-test: 1/(K − 1).
    public var devToTrainRatio: Double { 1 / Double(foldCount - 1) }

    /// "5 folds of 24 rows (train 96 · dev 24) · test 30"; "folds of 26–27 rows (train 80–81 ·
    /// dev 26–27)" when the folds differ by one row.
    public var sizesDescription: String {
        let sizes = foldSizes
        let total = development.rowCount
        guard let small = sizes.min(), let large = sizes.max() else { return "test \(test.count)" }
        func range(_ a: Int, _ b: Int) -> String { a == b ? "\(a)" : "\(a)–\(b)" }
        return "\(foldCount) folds of \(range(small, large)) rows (train \(range(total - large, total - small))"
            + " · dev \(range(small, large))) · test \(test.count)"
    }
}
