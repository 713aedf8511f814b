/// Turns the text columns of a dataset into numeric columns, with categories learned from the
/// train rows only (`text=onehot` or `text=ordinal` in `load`).
///
/// ```swift
/// let encoder = CategoryEncoder(fitting: penguins, rows: split.trainIndices)
/// encoder.outputNames   // ["island=Biscoe", "island=Dream", "island=Torgersen", "sex=female", "sex=male", "sex=NA"]
/// ```
/// Guarantees:
/// - Only the fitted rows decide the categories, their order (natural order) and the missing
///   indicator: a value seen only in dev or test rows changes nothing about the train encoding.
/// - One-hot: one 0/1 column per train category, plus `NAME=NA` when a fitted row is missing;
///   a value not seen in train (or a missing cell without an indicator) is all zeros. The 0/1
///   columns are not standardized.
/// - Ordinal: one column holding the category's place among the train categories, standardized
///   with the train mean and sd; a missing or unseen value gets the train mean (0).
public struct CategoryEncoder: Sendable, Equatable {
    /// The encoding of one text column.
    public struct Column: Sendable, Equatable {
        /// The column's name.
        public let name: String
        /// One-hot or ordinal.
        public let encoding: TextEncoding
        /// The categories seen in the fitted rows, in natural order.
        public let categories: [String]
        /// Whether a fitted row was missing (one-hot: the `NAME=NA` column).
        public let missingIndicator: Bool
        /// Per value of the dataset's column, its place among `categories`, or -1 if unseen.
        let places: [Int]
        /// Ordinal: the train mean and scale of the places.
        let mean: Double, scale: Double

        /// Numeric columns this column becomes.
        public var width: Int { encoding == .ordinal ? 1 : categories.count + (missingIndicator ? 1 : 0) }

        /// The names of those columns: `island=Biscoe`, …, `island=NA`; or `island` (ordinal).
        public var outputNames: [String] {
            guard encoding == .onehot else { return [name] }
            return categories.map { "\(name)=\($0)" } + (missingIndicator ? ["\(name)=NA"] : [])
        }
    }

    /// One encoding per text column of the dataset, in order.
    public let columns: [Column]

    /// No text columns.
    public static let empty = CategoryEncoder(columns: [])

    private init(columns: [Column]) {
        self.columns = columns
    }

    /// Learns the categories of every text column of `dataset` from the rows `rows`.
    public init(fitting dataset: Dataset, rows: [Int]) {
        let encoding = dataset.textEncoding
        self.init(columns: dataset.textColumns.map { column in
            var seen = [Bool](repeating: false, count: column.values.count)
            var missing = false
            for r in rows {
                let code = column.codes[r]
                if code < 0 { missing = true } else { seen[code] = true }
            }
            var places = [Int](repeating: -1, count: column.values.count)
            var categories = [String]()
            for (code, value) in column.values.enumerated() where seen[code] {
                places[code] = categories.count
                categories.append(value)
            }
            var sum = 0.0, count = 0
            for r in rows where column.codes[r] >= 0 { sum += Double(places[column.codes[r]]); count += 1 }
            let mean = count > 0 ? sum / Double(count) : 0
            var squares = 0.0
            for r in rows where column.codes[r] >= 0 {
                let d = Double(places[column.codes[r]]) - mean
                squares += d * d
            }
            let sd = count > 0 ? (squares / Double(count)).squareRoot() : 0
            return Column(name: column.name, encoding: encoding, categories: categories, missingIndicator: missing,
                          places: places, mean: mean, scale: sd > 1e-12 ? sd : 1)
        })
    }

    /// Numeric columns in all.
    public var width: Int { columns.reduce(0) { $0 + $1.width } }
    /// The names of the numeric columns, in order.
    public var outputNames: [String] { columns.flatMap(\.outputNames) }

    /// Writes the encoded columns of `row` of `dataset` into `storage` from `offset` on
    /// (`storage` holds zeros there).
    func write(_ dataset: Dataset, row: Int, into storage: inout [Float], at offset: Int) {
        var at = offset
        for (column, text) in zip(columns, dataset.textColumns) {
            let code = text.codes[row]
            let place = code < 0 ? -1 : column.places[code]
            switch column.encoding {
            case .onehot:
                if place >= 0 { storage[at + place] = 1 } else if code < 0, column.missingIndicator {
                    storage[at + column.categories.count] = 1
                }
            case .ordinal:
                storage[at] = place >= 0 ? Float((Double(place) - column.mean) / column.scale) : 0
            }
            at += column.width
        }
    }
}
