/// What `show data` reports about a dataset: shape, task, class balance or target statistics,
/// and per-feature statistics. A value; the shell renders it.
///
/// ```swift
/// let summary = DatasetSummary(try BuiltinDatasets.load(name: "iris"))
/// summary.classes?.map(\.count)      // [50, 50, 50]
/// summary.features[2].statistics.max // 6.9
/// ```
public struct DatasetSummary: Sendable, Equatable {
    /// One class and its share of the rows.
    public struct ClassShare: Sendable, Equatable {
        /// The class name.
        public let name: String
        /// Rows of this class.
        public let count: Int
        /// `count` divided by all rows.
        public let fraction: Double
    }

    /// One feature's statistics (over the values after filling missing cells) and its missing count.
    public struct FeatureSummary: Sendable, Equatable {
        /// The feature's name.
        public let name: String
        /// Mean, sd, min and max.
        public let statistics: ValueStatistics
        /// Cells that were empty in the file and filled with the column mean.
        public let missing: Int
    }

    /// The dataset's name.
    public let name: String
    /// How the dataset was made.
    public let source: DatasetSource
    /// Number of rows.
    public let rows: Int
    /// Number of features.
    public let featureCount: Int
    /// Classification or regression.
    public let task: LearningTask
    /// Classes in label order with their counts (classification), else nil.
    public let classes: [ClassShare]?
    /// Statistics of the target (regression), else nil.
    public let target: ValueStatistics?
    /// One summary per feature, in column order.
    public let features: [FeatureSummary]
    /// All filled cells.
    public let missingTotal: Int

    /// The summary of `dataset`.
    public init(_ dataset: Dataset) {
        name = dataset.name
        source = dataset.source
        rows = dataset.rowCount
        featureCount = dataset.featureCount
        task = dataset.task
        switch dataset.target {
        case .classes(_, let names):
            let counts = dataset.target.classCounts ?? []
            let total = Double(Swift.max(1, dataset.rowCount))
            classes = zip(names, counts).map { ClassShare(name: $0, count: $1, fraction: Double($1) / total) }
            target = nil
        case .values(let values):
            classes = nil
            target = ValueStatistics(values)
        }
        features = dataset.featureNames.indices.map { f in
            FeatureSummary(name: dataset.featureNames[f], statistics: ValueStatistics(dataset.column(f)),
                           missing: dataset.missingCounts[f])
        }
        missingTotal = dataset.missingTotal
    }
}
