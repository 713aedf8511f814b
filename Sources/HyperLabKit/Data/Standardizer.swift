/// Per-feature standardization `(x - mean) / sd`, fitted on the training rows only.
///
/// ```swift
/// let scaler = Standardizer(fitting: dataset, rows: trainIndices)
/// let dev = scaler.standardized(dataset, rows: devIndices)   // Float32, train statistics
/// ```
/// A feature whose training values are all the same (sd 0, or below 1e-12 of its magnitude)
/// gets scale 1, so it becomes 0 on train rather than dividing by zero.
///
/// Empty cells (`Dataset.missingCells`, `missing=mean`) are imputed with the mean of the fitted
/// rows' present values, then standardized with the rest, so every row, in any part, gets the
/// train mean there (0 once standardized): imputation is fitted on train only, like the scaling.
/// The sd counts an imputed cell as a value at the mean (impute, then standardize). A feature
/// with no present value in the fitted rows gets mean 0 and scale 1.
public struct Standardizer: Sendable, Equatable {
    /// Per feature, the mean of the fitted rows' present values (also the value an empty cell is filled with).
    public let means: [Double]
    /// Per feature, the population sd of the fitted rows, or 1 for a constant feature.
    public let scales: [Double]

    /// A standardizer with given means and scales (every scale positive).
    public init(means: [Double], scales: [Double]) {
        precondition(means.count == scales.count && scales.allSatisfy { $0 > 0 }, "one positive scale per mean")
        self.means = means
        self.scales = scales
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
        var squares = [Double](repeating: 0, count: width)
        for r in rows {
            for f in 0..<width where !dataset.isMissing(row: r, feature: f) {
                let d = dataset.features[r * width + f] - means[f]
                squares[f] += d * d
            }
        }
        let scales = (0..<width).map { f in
            let sd = (squares[f] / Double(rows.count)).squareRoot()
            return sd > 1e-12 * Swift.max(1, abs(means[f])) ? sd : 1
        }
        self.init(means: means, scales: scales)
    }

    /// Number of features.
    public var featureCount: Int { means.count }

    /// The rows `rows` of `dataset`, standardized, as a Float32 matrix (one row per index, in order);
    /// an empty cell becomes 0, the fitted mean.
    public func standardized(_ dataset: Dataset, rows: [Int]) -> Matrix {
        let width = featureCount
        precondition(dataset.featureCount == width, "dataset and standardizer disagree in features")
        var storage = [Float](repeating: 0, count: rows.count * width)
        for (i, r) in rows.enumerated() {
            for f in 0..<width where !dataset.isMissing(row: r, feature: f) {
                storage[i * width + f] = Float((dataset.features[r * width + f] - means[f]) / scales[f])
            }
        }
        return Matrix(rows: rows.count, columns: width, storage: storage)
    }

    /// One row of raw feature values, standardized (for points not in the dataset: plot grids).
    public func standardize(_ row: [Double]) -> [Float] {
        precondition(row.count == featureCount, "row length does not match the features")
        return row.indices.map { Float((row[$0] - means[$0]) / scales[$0]) }
    }

    /// One standardized row back in raw units.
    public func restore(_ row: [Float]) -> [Double] {
        precondition(row.count == featureCount, "row length does not match the features")
        return row.indices.map { Double(row[$0]) * scales[$0] + means[$0] }
    }
}
