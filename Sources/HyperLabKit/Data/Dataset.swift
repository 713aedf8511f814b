/// A loaded dataset: named numeric features and a target, row for row, with how it was made.
///
/// ```swift
/// let iris = try BuiltinDatasets.load(name: "iris")
/// iris.rowCount            // 150
/// iris.featureNames[0]     // "sepal length (cm)"
/// iris.value(row: 0, feature: 0)  // 5.1
/// ```
/// Features are raw (not standardized); a `DataSplit` standardizes them with train statistics.
///
/// Invariants: `features.count == rowCount * featureCount`, `target.count == rowCount`,
/// `missingCounts.count == featureCount`, `missingCells.count == missingTotal`, every feature
/// value is finite.
///
/// Empty cells (`missing=mean`): `missingCells` marks them. `features` holds the column's mean
/// over the whole file there, for describing the data (`show data`); what a model trains on is
/// filled by the `Standardizer`, from the train rows only.
public struct Dataset: Sendable, Equatable {
    /// A short name: the built-in name, or the CSV file's name without its extension.
    public let name: String
    /// One name per feature column, in column order.
    public let featureNames: [String]
    /// The feature values in row-major order: value (r, f) is `features[r * featureCount + f]`.
    public let features: [Double]
    /// The target of every row: class indices with class names, or real values.
    public let target: DatasetTarget
    /// Per feature, how many cells were empty in the file.
    public let missingCounts: [Int]
    /// The empty cells, as flat indices `row * featureCount + feature` into `features`.
    public let missingCells: Set<Int>
    /// How the dataset was made, enough to make it again.
    public let source: DatasetSource
    /// The text feature columns (CSV files), encoded by a split from its train rows.
    public let textColumns: [TextColumn]
    /// What loading left out (columns, identifier columns, rows).
    public let report: LoadReport

    /// A dataset over row-major `features` and a matching `target`.
    /// - Precondition: the shapes agree and every feature value is finite.
    public init(name: String, featureNames: [String], features: [Double], target: DatasetTarget,
                missingCounts: [Int]? = nil, missingCells: Set<Int> = [], source: DatasetSource,
                textColumns: [TextColumn] = [], report: LoadReport = LoadReport()) {
        precondition(!featureNames.isEmpty || !textColumns.isEmpty, "a dataset needs at least one feature")
        precondition(textColumns.allSatisfy { $0.codes.count == target.count }, "one code per row in every text column")
        precondition(features.count == target.count * featureNames.count, "features do not match rows × features")
        precondition(missingCounts == nil || missingCounts?.count == featureNames.count, "one missing count per feature")
        self.name = name
        self.featureNames = featureNames
        self.features = features
        self.target = target
        self.missingCounts = missingCounts ?? [Int](repeating: 0, count: featureNames.count)
        precondition(missingCells.count == self.missingCounts.reduce(0, +), "one missing cell per missing count")
        self.missingCells = missingCells
        self.source = source
        self.textColumns = textColumns
        self.report = report
    }

    /// Number of rows (examples).
    public var rowCount: Int { target.count }
    /// Number of numeric feature columns (text columns are counted by `textColumns`).
    public var featureCount: Int { featureNames.count }
    /// Number of feature columns of the file that are used: numeric and text.
    public var columnCount: Int { featureNames.count + textColumns.count }
    /// How its text columns are encoded (`text=`; one-hot unless the CSV options say otherwise).
    public var textEncoding: TextEncoding { source.columnOptions.text }
    /// The missing-value policy it was loaded with (`.none` for built-in datasets but raw tables).
    public var missingPolicy: MissingValuePolicy { source.missingPolicy }
    /// Classification or regression.
    public var task: LearningTask { target.task }
    /// The class names (classification), or nil (regression).
    public var classNames: [String]? { target.classNames }
    /// Total number of feature cells that were filled in when loading.
    public var missingTotal: Int { missingCounts.reduce(0, +) }

    /// Whether the cell of `feature` in `row` was empty in the file.
    public func isMissing(row: Int, feature: Int) -> Bool {
        !missingCells.isEmpty && missingCells.contains(row * featureCount + feature)
    }

    /// The value of `feature` in `row`.
    public func value(row: Int, feature: Int) -> Double {
        features[row * featureCount + feature]
    }

    /// The feature values of one row.
    public func row(_ row: Int) -> ArraySlice<Double> {
        features[(row * featureCount)..<((row + 1) * featureCount)]
    }

    /// All values of one feature, top to bottom.
    public func column(_ feature: Int) -> [Double] {
        (0..<rowCount).map { features[$0 * featureCount + feature] }
    }
}
