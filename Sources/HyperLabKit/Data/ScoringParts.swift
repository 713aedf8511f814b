/// The train/dev parts a configuration is scored on: one for a fixed split, K for cross-validation;
/// a score is the mean over the parts.
///
/// ```swift
/// let scoring = Partitioning.crossValidation(cv).scoringParts
/// scoring.isCrossValidation   // true: one part per fold
/// ```
public struct ScoringParts: Sendable {
    /// One train/dev pair.
    public struct Part: Sendable {
        /// The rows trained on (standardized with their own statistics).
        public let train: Partition
        /// The rows scored.
        public let dev: Partition
        /// The dataset rows of `dev`, for plots in the data's own units.
        public let devIndices: [Int]
        /// The standardization of this part.
        public let standardizer: Standardizer

        /// A part of the given rows.
        public init(train: Partition, dev: Partition, devIndices: [Int], standardizer: Standardizer) {
            self.train = train
            self.dev = dev
            self.devIndices = devIndices
            self.standardizer = standardizer
        }

        /// The part of one cross-validation fold.
        public init(_ fold: CrossValidationFold) {
            self.init(train: fold.train, dev: fold.dev, devIndices: fold.devIndices, standardizer: fold.standardizer)
        }

        /// One part per fold of `cv`, in fold order.
        public static func folds(of cv: CrossValidationSplit) -> [Part] {
            (0..<cv.foldCount).map { Part(cv.fold($0)) }
        }
    }

    /// The parts.
    public let parts: [Part]
    /// The dataset they come from.
    public let datasetName: String
    /// The task.
    public let task: LearningTask
    /// dev rows / train rows, for the corrected resampled t-test.
    public let devToTrainRatio: Double

    /// Parts of a dataset, with its name, task and dev/train size ratio.
    public init(parts: [Part], datasetName: String, task: LearningTask, devToTrainRatio: Double) {
        self.parts = parts
        self.datasetName = datasetName
        self.task = task
        self.devToTrainRatio = devToTrainRatio
    }

    /// Whether this is K-fold cross-validation.
    public var isCrossValidation: Bool { parts.count > 1 }
}
