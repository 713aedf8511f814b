/// How a dataset's non-test rows score a configuration: one fixed train/dev split, or K folds.
///
/// ```swift
/// var partitioning = Partitioning.holdout(try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1))
/// partitioning.scoringParts.parts.count   // 1 (K under .crossValidation)
/// let test = partitioning.openTest()      // counted: testLooks is now 1
/// ```
/// One value instead of an optional split beside an optional cross-validation, so the two can
/// never both be set. A stored study keeps its `SplitReference`; `init(_:dataset:)` makes the same
/// partitioning again from it.
public enum Partitioning: Sendable {
    /// A fixed train/dev/test split (`split train=F dev=F test=F`).
    case holdout(DataSplit)
    /// K-fold cross-validation on the non-test rows (`split cv=K test=F`).
    case crossValidation(CrossValidationSplit)

    /// The partitioning a stored study's reference names, made again on `dataset`; nil for a
    /// study whose objective command splits its own data.
    /// - Throws: `DataError` when the split cannot be made on this dataset.
    public init?(_ reference: SplitReference, dataset: Dataset) throws(DataError) {
        switch reference {
        case let .holdout(train, dev, test, seed, stratify):
            self = .holdout(try DataSplit(dataset: dataset, train: train, dev: dev, test: test, seed: seed, stratify: stratify))
        case let .crossValidation(folds, test, seed, stratify):
            self = .crossValidation(try CrossValidationSplit(dataset: dataset, folds: folds, test: test, seed: seed, stratify: stratify))
        case .ownedByCommand:
            return nil
        }
    }

    /// The fixed split, nil under cross-validation.
    public var holdout: DataSplit? {
        if case .holdout(let split) = self { return split }
        return nil
    }

    /// The cross-validation split, nil with a fixed split.
    public var crossValidation: CrossValidationSplit? {
        if case .crossValidation(let cv) = self { return cv }
        return nil
    }

    /// What a configuration is scored on: the split's train and dev parts, or the K folds.
    public var scoringParts: ScoringParts {
        switch self {
        case .holdout(let split):
            ScoringParts(parts: [ScoringParts.Part(train: split.train, dev: split.dev, devIndices: split.devIndices,
                                                   standardizer: split.standardizer)],
                         datasetName: split.datasetName, task: split.task,
                         devToTrainRatio: Double(split.dev.count) / Double(max(split.train.count, 1)))
        case .crossValidation(let cv):
            ScoringParts(parts: ScoringParts.Part.folds(of: cv), datasetName: cv.datasetName, task: cv.task,
                         devToTrainRatio: cv.devToTrainRatio)
        }
    }

    /// The parts of a fresh deal of the non-test rows (`recheck fresh=yes`): new folds from
    /// `seed`, or the train and dev rows dealt again into parts of the same sizes.
    public func freshParts(of dataset: Dataset, seed: Int) -> [ScoringParts.Part] {
        switch self {
        case .holdout(let split):
            let d = split.freshTrainDev(of: dataset, seed: seed)
            return [ScoringParts.Part(train: d.train, dev: d.dev, devIndices: d.devIndices, standardizer: d.standardizer)]
        case .crossValidation(let cv):
            return ScoringParts.Part.folds(of: cv.refolded(seed: seed))
        }
    }

    /// Every train and dev row once, for training the final model (`evaluate test`).
    public var trainAndDev: Partition {
        switch self {
        case .holdout(let split): split.trainAndDev
        case .crossValidation(let cv): cv.trainAndDev
        }
    }

    /// Opens the locked test part and counts the look.
    public mutating func openTest() -> Partition {
        switch self {
        case .holdout(var split):
            let test = split.openTest()
            self = .holdout(split)
            return test
        case .crossValidation(var cv):
            let test = cv.openTest()
            self = .crossValidation(cv)
            return test
        }
    }

    /// How many times the test part has been read.
    public var testLooks: Int {
        switch self {
        case .holdout(let split): split.testLooks
        case .crossValidation(let cv): cv.testLooks
        }
    }

    /// The standardization fitted on the training rows (the whole non-test part under cross-validation).
    public var standardizer: Standardizer {
        switch self {
        case .holdout(let split): split.standardizer
        case .crossValidation(let cv): cv.standardizer
        }
    }

    /// The reference a stored study keeps to make this partitioning again.
    public var reference: SplitReference {
        switch self {
        case .holdout(let split): SplitReference(split)
        case .crossValidation(let cv): SplitReference(cv)
        }
    }
}
