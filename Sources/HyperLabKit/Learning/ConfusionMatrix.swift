/// Rows per (true class, predicted class) of one part: what `show confusion` prints.
///
/// ```swift
/// let m = ConfusionMatrix(labels: [0, 1, 1], predicted: [0, 0, 1], classes: 2)
/// m.counts      // [[1, 0], [1, 1]]: row = true class, column = predicted class
/// m.recall(1)   // 0.5
/// ```
public struct ConfusionMatrix: Sendable, Hashable {
    /// `counts[t][p]`: rows of true class `t` predicted as `p`.
    public let counts: [[Int]]

    /// The matrix of `predicted` against `labels` (each in `0..<classes`).
    /// - Precondition: the same count.
    public init(labels: [Int], predicted: [Int], classes: Int) {
        precondition(labels.count == predicted.count, "one prediction per label")
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (t, p) in zip(labels, predicted) { counts[t][p] += 1 }
        self.counts = counts
    }

    /// Rows in the part.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The share of class `k`'s rows predicted as `k`; nil when the part has none.
    public func recall(_ k: Int) -> Double? {
        let rows = counts[k].reduce(0, +)
        return rows == 0 ? nil : Double(counts[k][k]) / Double(rows)
    }
}
