/// A fixed train/dev/test split of a dataset (`split train=0.6 dev=0.2 test=0.2 seed=1`).
///
/// ```swift
/// var split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1, stratify: true)
/// split.sizes.description     // "train 90 · dev 30 · test 30"
/// trainer.fit(split.train, scoredOn: split.dev)
/// let test = split.openTest() // counted: split.testLooks == 1
/// ```
///
/// Guarantees:
/// - Deterministic: the rows of each part depend only on the dataset, the fractions, `seed` and
///   `stratify` (a Fisher–Yates permutation from `SeededGenerator(seed:).derived("split")`).
///   Part sizes are the fractions of the rows by largest remainder, adding up to all rows.
/// - Stratified splits split every class separately in the same proportions, so each part keeps
///   the class balance; every class has at least one row in every part.
/// - Features are standardized with the mean and sd of the **training rows only**; dev and test
///   use the same statistics. Regression targets stay in their original units.
/// - The test part is sealed in a `TestSetVault`: only `openTest()` (mutating, counted) reads it.
public struct DataSplit: Sendable {
    /// The training rows, standardized.
    public let train: Partition
    /// The development rows, standardized with the training statistics.
    public let dev: Partition
    /// The test rows, sealed: sizes and balance are readable, rows only through `openTest()`.
    public private(set) var test: TestSetVault
    /// Dataset rows of the training part, in the part's order.
    public let trainIndices: [Int]
    /// Dataset rows of the development part, in the part's order.
    public let devIndices: [Int]
    /// The fractions asked for.
    public let fractions: SplitFractions
    /// The seed of the permutation.
    public let seed: Int
    /// Whether each class was split separately.
    public let stratified: Bool
    /// The standardization fitted on the training rows.
    public let standardizer: Standardizer
    /// Rows per part.
    public let sizes: SplitSizes
    /// Rows per class in each part (classification), or nil.
    public let classCounts: SplitClassCounts?
    /// The name of the dataset that was split.
    public let datasetName: String
    /// The names of the partitions' columns: the numeric features, the encoded text columns, then
    /// the missing indicators.
    public let featureNames: [String]

    /// Splits `dataset` into train, dev and test parts.
    /// - Parameters:
    ///   - train: fraction for training, in (0, 1).
    ///   - dev: fraction for the development part, in (0, 1).
    ///   - test: fraction for the test part, in (0, 1); the three add up to 1 (within 1e-9).
    ///   - seed: seed of the permutation.
    ///   - stratify: split each class separately (classification only).
    /// - Throws: `DataError` for bad fractions, a part that would be empty, stratification of a
    ///   regression target, or a class too small to appear in every part.
    public init(dataset: Dataset, train: Double, dev: Double, test: Double, seed: Int = 0,
                stratify: Bool = false) throws(DataError) {
        let fractions = try SplitFractions(train: train, dev: dev, test: test)
        var generator = SeededGenerator(seed: seed).derived("split")
        let parts: [[Int]]
        if stratify {
            parts = try DataSplit.stratifiedParts(dataset, fractions: fractions, generator: &generator)
        } else {
            parts = try DataSplit.plainParts(dataset, fractions: fractions, generator: &generator)
        }
        let standardizer = Standardizer(fitting: dataset, rows: parts[0])
        func partition(_ rows: [Int]) -> Partition {
            Partition(features: standardizer.standardized(dataset, rows: rows),
                      targets: dataset.target.partitionTargets(rows))
        }
        self.train = partition(parts[0])
        self.dev = partition(parts[1])
        self.test = TestSetVault(sealing: partition(parts[2]), indices: parts[2])
        trainIndices = parts[0]
        devIndices = parts[1]
        self.fractions = fractions
        self.seed = seed
        stratified = stratify
        self.standardizer = standardizer
        sizes = SplitSizes(train: parts[0].count, dev: parts[1].count, test: parts[2].count)
        if case .classes(let labels, let names) = dataset.target {
            let counts = parts.map { DatasetTarget.counts(of: $0.lazy.map { labels[$0] }, classCount: names.count) }
            classCounts = SplitClassCounts(names: names, train: counts[0], dev: counts[1], test: counts[2])
        } else {
            classCounts = nil
        }
        datasetName = dataset.name
        featureNames = standardizer.outputNames(features: dataset.featureNames)
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
    public var task: LearningTask { train.task }

    /// Training and development rows together (train first), for a final fit before `evaluate test`;
    /// standardized with the training statistics like both parts.
    public var trainAndDev: Partition { train.appending(dev) }
}
