/// The 0/1 columns that mark filled gaps (`missing_indicators=yes` in `load`), chosen from the
/// train rows only.
///
/// ```swift
/// let indicators = MissingIndicators(fitting: penguins, rows: split.trainIndices)
/// indicators.names   // ["bill_length_mm_missing", "bill_depth_mm_missing", …]
/// ```
/// Guarantees:
/// - One column `NAME_missing` per numeric feature with an empty cell among the fitted rows, and
///   per ordinal text column with one (a one-hot text column has its own `NAME=NA` column). A
///   feature with gaps only in dev or test rows gets none, as scikit-learn's `MissingIndicator`
///   fitted on train: which columns exist depends on the train part alone.
/// - A row's column holds 1 where its cell was empty, 0 elsewhere; the columns are not standardized.
/// - None at all unless the dataset was loaded with `missing_indicators=yes`.
public struct MissingIndicators: Sendable, Equatable {
    /// The numeric features marked, as indices into the dataset's features.
    public let features: [Int]
    /// The text columns marked, as indices into the dataset's text columns.
    public let textColumns: [Int]
    /// The names of the columns, in order: the numeric features', then the text columns'.
    public let names: [String]

    /// No indicator columns.
    public static let none = MissingIndicators(features: [], textColumns: [], names: [])

    private init(features: [Int], textColumns: [Int], names: [String]) {
        self.features = features
        self.textColumns = textColumns
        self.names = names
    }

    /// The indicators for the gaps of `dataset` among the rows `rows` (none unless it was
    /// loaded with `missing_indicators=yes`).
    public init(fitting dataset: Dataset, rows: [Int]) {
        guard dataset.source.columnOptions.missingIndicators else {
            self = .none
            return
        }
        let features = dataset.missingCells.isEmpty ? [] : (0..<dataset.featureCount).filter { f in
            rows.contains { dataset.isMissing(row: $0, feature: f) }
        }
        let texts = dataset.textEncoding == .ordinal ? dataset.textColumns.indices.filter { c in
            rows.contains { dataset.textColumns[c].codes[$0] < 0 }
        } : []
        self.init(features: features, textColumns: texts,
                  names: features.map { MissingIndicators.name(of: dataset.featureNames[$0]) }
                      + texts.map { MissingIndicators.name(of: dataset.textColumns[$0].name) })
    }

    /// The name of the indicator column of feature `name`: `bill_length_mm_missing`.
    public static func name(of feature: String) -> String { feature + "_missing" }

    /// Number of columns.
    public var width: Int { names.count }

    /// Writes the 0/1 columns of `row` of `dataset` into `storage` from `offset` on (`storage`
    /// holds zeros there).
    func write(_ dataset: Dataset, row: Int, into storage: inout [Float], at offset: Int) {
        for (i, f) in features.enumerated() where dataset.isMissing(row: row, feature: f) { storage[offset + i] = 1 }
        for (i, c) in textColumns.enumerated() where dataset.textColumns[c].codes[row] < 0 {
            storage[offset + features.count + i] = 1
        }
    }
}
