/// The trivial model a trained one must beat: the train part's majority class (classification)
/// or its mean target (regression), scored by the task's primary metric.
///
/// ```swift
/// let baseline = Baseline(fitting: split.train)
/// baseline.prediction              // .majorityClass(0)
/// baseline.score(on: split.dev)    // dev accuracy of always predicting class 0
/// baseline.isBeaten(by: 0.97, on: split.dev)
/// ```
/// A tie between classes goes to the lowest label. The score is accuracy, or RMSE in the
/// target's units (the same as `dev_acc` and `dev_rmse`).
public struct Baseline: Sendable, Hashable {
    /// What the baseline predicts for every row.
    public enum Prediction: Sendable, Hashable {
        /// The most frequent class of the train part (its label).
        case majorityClass(Int)
        /// The mean target of the train part.
        case mean(Double)
    }

    /// The one prediction.
    public let prediction: Prediction

    /// The baseline of a train part.
    /// - Precondition: `train` has rows.
    public init(fitting train: Partition) {
        precondition(train.count > 0, "a baseline needs training rows")
        switch train.targets {
        case .classes(let labels, let classes):
            var counts = [Int](repeating: 0, count: classes)
            for label in labels { counts[Int(label)] += 1 }
            let top = counts.max() ?? 0
            prediction = .majorityClass(counts.firstIndex(of: top) ?? 0)
        case .values(let values):
            prediction = .mean(values.reduce(0.0) { $0 + Double($1) } / Double(values.count))
        }
    }

    /// The baseline's accuracy (classification) or RMSE (regression) on `part`.
    /// - Precondition: `part` has rows of the baseline's task.
    public func score(on part: Partition) -> Double {
        precondition(part.count > 0, "a score needs rows")
        switch (prediction, part.targets) {
        case (.majorityClass(let k), .classes(let labels, _)):
            return Double(labels.filter { Int($0) == k }.count) / Double(labels.count)
        case (.mean(let m), .values(let values)):
            return (values.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) } / Double(values.count)).squareRoot()
        default:
            preconditionFailure("the part is of another task than the baseline")
        }
    }

    /// Whether a model's primary score on `part` (accuracy, or RMSE) is better than the baseline's.
    public func isBeaten(by score: Double, on part: Partition) -> Bool {
        switch prediction {
        case .majorityClass: score > self.score(on: part)
        case .mean: score < self.score(on: part)
        }
    }
}
