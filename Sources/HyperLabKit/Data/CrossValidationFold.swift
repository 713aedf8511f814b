/// One fold of a cross-validation split: train on the other folds, score on this one.
///
/// Features are standardized with the mean and sd of this fold's **training rows only**
/// (`standardizer`), so nothing of the dev fold leaks into training.
public struct CrossValidationFold: Sendable, Equatable {
    /// The fold's number, 0-based (`fold 1 of 5` is index 0).
    public let index: Int
    /// The rows of every other fold, standardized with their own statistics.
    public let train: Partition
    /// This fold's rows, standardized with the training statistics.
    public let dev: Partition
    /// Dataset rows of the training part, in the part's order (the other folds in fold order).
    public let trainIndices: [Int]
    /// Dataset rows of this fold, in the part's order.
    public let devIndices: [Int]
    /// The standardization fitted on `trainIndices`.
    public let standardizer: Standardizer

    /// n_dev / n_train of this fold, for the corrected resampled t-test.
    public var devToTrainRatio: Double { Double(devIndices.count) / Double(trainIndices.count) }
}
