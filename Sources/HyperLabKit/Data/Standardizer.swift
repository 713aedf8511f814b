/// Per-feature standardization `(x - mean) / sd`, fitted on the training rows only.
///
/// ```swift
/// let scaler = Standardizer(fitting: dataset, rows: trainIndices)
/// let dev = scaler.standardized(dataset, rows: devIndices)   // Float32, train statistics
/// ```
/// A feature whose training values are all the same (sd 0, or below 1e-12 of its magnitude)
/// gets scale 1, so it becomes 0 on train rather than dividing by zero. Values near ±1.8e308,
/// whose plain sums overflow, are fitted and standardized scaled (`ScaledMoments`).
///
/// Empty cells (`Dataset.missingCells`) are imputed with a statistic of the fitted rows' present
/// values (the mean, median or most frequent value, by `Dataset.missingPolicy`), then
/// standardized with the rest, so every row, in any part, gets the train value there:
/// imputation is fitted on train only, like the scaling. Mean and sd are those of the imputed
/// column (impute, then standardize); under `missing=mean` an empty cell becomes 0. A feature
/// with no present value in the fitted rows gets fill 0, mean 0 and scale 1.
///
/// Text columns (`Dataset.textColumns`) are encoded by a `CategoryEncoder` fitted on the same
/// rows; their columns follow the numeric ones. Under `missing_indicators=yes` the 0/1 columns of
/// `MissingIndicators`, fitted on the same rows, come last.
public struct Standardizer: Sendable, Equatable {
    /// Per feature, the mean of the fitted rows' present values (also the value an empty cell is filled with).
    public let means: [Double]
    /// Per feature, the population sd of the fitted rows, or 1 for a constant feature.
    public let scales: [Double]
    /// Per feature, the value an empty cell is filled with (the mean unless `missing=median|most_frequent`).
    public let fills: [Double]
    /// The encoding of the text columns, fitted on the same rows.
    public let encoder: CategoryEncoder
    /// The columns that mark empty cells (`missing_indicators=yes`), chosen from the same rows.
    public let indicators: MissingIndicators

    /// A standardizer with given means and scales (every scale positive); empty cells get the
    /// mean unless `fills` says otherwise.
    public init(means: [Double], scales: [Double], fills: [Double]? = nil, encoder: CategoryEncoder = .empty,
                indicators: MissingIndicators = .none) {
        precondition(means.count == scales.count && scales.allSatisfy { $0 > 0 }, "one positive scale per mean")
        precondition(fills == nil || fills?.count == means.count, "one fill per mean")
        self.means = means
        self.scales = scales
        self.fills = fills ?? means
        self.encoder = encoder
        self.indicators = indicators
    }

    /// Fits means and scales on the rows `rows` of `dataset` (at least one row), leaving its
    /// empty cells out of the means.
    public init(fitting dataset: Dataset, rows: [Int]) {
        precondition(!rows.isEmpty, "a standardizer needs at least one row")
        let width = dataset.featureCount
        var means = [Double](repeating: 0, count: width)
        var present = [Int](repeating: 0, count: width)
        for r in rows {
            for f in 0..<width where !dataset.isMissing(row: r, feature: f) {
                means[f] += dataset.features[r * width + f]
                present[f] += 1
            }
        }
        for f in 0..<width { means[f] = present[f] > 0 ? means[f] / Double(present[f]) : 0 }
        var fills = means
        let policy = dataset.missingPolicy
        if policy == .median || policy == .mostFrequent, !dataset.missingCells.isEmpty {
            for f in 0..<width where present[f] < rows.count {
                let values = rows.compactMap { r in dataset.isMissing(row: r, feature: f) ? nil : dataset.features[r * width + f] }
                fills[f] = policy == .median ? Standardizer.median(values) : Standardizer.mostFrequent(values)
                // The mean of the imputed column.
                means[f] = (means[f] * Double(present[f]) + fills[f] * Double(rows.count - present[f])) / Double(rows.count)
            }
        }
        var squares = [Double](repeating: 0, count: width)
        for r in rows {
            for f in 0..<width {
                let x = dataset.isMissing(row: r, feature: f) ? fills[f] : dataset.features[r * width + f]
                let d = x - means[f]
                squares[f] += d * d
            }
        }
        var scales = [Double](repeating: 1, count: width)
        for f in 0..<width {
            var sd = (squares[f] / Double(rows.count)).squareRoot()
            if !means[f].isFinite || !sd.isFinite {
                // Values near ±1.8e308 overflow the plain sums: the same statistics, scaled.
                let values = rows.compactMap { r in dataset.isMissing(row: r, feature: f) ? nil : dataset.features[r * width + f] }
                if policy != .median && policy != .mostFrequent { fills[f] = ScaledMoments.of(values).mean }
                (means[f], sd) = ScaledMoments.of(rows.map { r in dataset.isMissing(row: r, feature: f) ? fills[f] : dataset.features[r * width + f] })
            }
            scales[f] = sd > 1e-12 * Swift.max(1, abs(means[f])) ? sd : 1
        }
        self.init(means: means, scales: scales, fills: fills, encoder: CategoryEncoder(fitting: dataset, rows: rows),
                  indicators: MissingIndicators(fitting: dataset, rows: rows))
    }

    /// The median of `values` (the mean of the middle two for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        guard sorted.count % 2 == 0 else { return sorted[mid] }
        let middle = (sorted[mid - 1] + sorted[mid]) / 2
        return middle.isFinite ? middle : sorted[mid - 1] / 2 + sorted[mid] / 2
    }

    /// The most frequent of `values`, the smallest on ties; 0 when empty.
    static func mostFrequent(_ values: [Double]) -> Double {
        var counts = [Double: Int]()
        for x in values { counts[x, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
    }

    /// Number of numeric features (the raw columns it standardizes).
    public var featureCount: Int { means.count }
    /// Number of columns it produces: the numeric features, the encoded text columns, then the
    /// missing indicators.
    public var outputCount: Int { means.count + encoder.width + indicators.width }

    /// The names of the columns it produces, given the dataset's numeric feature names.
    public func outputNames(features: [String]) -> [String] {
        features + encoder.outputNames + indicators.names
    }

    /// The rows `rows` of `dataset`, standardized, as a Float32 matrix (one row per index, in order):
    /// the numeric features, an empty cell filled (0 under `missing=mean`), the text columns
    /// encoded, then the missing indicators.
    public func standardized(_ dataset: Dataset, rows: [Int]) -> Matrix {
        let width = featureCount
        let out = outputCount
        precondition(dataset.featureCount == width && dataset.textColumns.count == encoder.columns.count,
                     "dataset and standardizer disagree in features")
        let imputes = fills != means
        var storage = [Float](repeating: 0, count: rows.count * out)
        for (i, r) in rows.enumerated() {
            for f in 0..<width {
                if !dataset.isMissing(row: r, feature: f) {
                    storage[i * out + f] = Float(ScaledMoments.standardized(dataset.features[r * width + f], mean: means[f], scale: scales[f]))
                } else if imputes {
                    storage[i * out + f] = Float(ScaledMoments.standardized(fills[f], mean: means[f], scale: scales[f]))
                }
            }
            if !encoder.columns.isEmpty { encoder.write(dataset, row: r, into: &storage, at: i * out + width) }
            if indicators.width > 0 {
                indicators.write(dataset, row: r, into: &storage, at: i * out + width + encoder.width)
            }
        }
        return Matrix(rows: rows.count, columns: out, storage: storage)
    }

    /// One row of raw feature values, standardized (for points not in the dataset: plot grids).
    public func standardize(_ row: [Double]) -> [Float] {
        precondition(row.count == featureCount, "row length does not match the features")
        return row.indices.map { Float(ScaledMoments.standardized(row[$0], mean: means[$0], scale: scales[$0])) }
    }

    /// One standardized row back in raw units.
    public func restore(_ row: [Float]) -> [Double] {
        precondition(row.count == featureCount, "row length does not match the features")
        return row.indices.map { Double(row[$0]) * scales[$0] + means[$0] }
    }
}
