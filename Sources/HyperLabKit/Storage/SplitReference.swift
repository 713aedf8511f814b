/// How a stored study's dataset was split: enough to make the same split again.
///
/// ```swift
/// let holdout = SplitReference.holdout(train: 0.6, dev: 0.2, test: 0.2, seed: 1, stratify: true)
/// let folds = SplitReference.crossValidation(folds: 5, test: 0.2, seed: 1, stratify: true)
/// holdout.commandArguments   // "train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes"
/// ```
public enum SplitReference: Sendable, Hashable, Codable {
    /// A fixed train/dev/test split (`split train=F dev=F test=F seed=N stratify=yes`).
    case holdout(train: Double, dev: Double, test: Double, seed: Int, stratify: Bool)
    /// K-fold cross-validation on the non-test part (`split cv=K test=F seed=N`).
    case crossValidation(folds: Int, test: Double, seed: Int, stratify: Bool)
    /// No split of HyperLab's: the study's objective command splits its own data.
    case ownedByCommand

    /// The reference of a fixed split.
    public init(_ split: DataSplit) {
        self = .holdout(train: split.fractions.train, dev: split.fractions.dev, test: split.fractions.test,
                        seed: split.seed, stratify: split.stratified)
    }

    /// The reference of a cross-validation split.
    public init(_ split: CrossValidationSplit) {
        self = .crossValidation(folds: split.foldCount, test: split.testFraction, seed: split.seed,
                                stratify: split.stratified)
    }

    /// The arguments of a `split` command that makes this split again, in canonical form.
    public var commandArguments: String {
        func t(_ x: Double) -> String { NumberText.canonical(x) }
        switch self {
        case let .holdout(train, dev, test, seed, stratify):
            return "train=\(t(train)) dev=\(t(dev)) test=\(t(test)) seed=\(seed) stratify=\(stratify ? "yes" : "no")"
        case let .crossValidation(folds, test, seed, stratify):
            return "cv=\(folds) test=\(t(test)) seed=\(seed) stratify=\(stratify ? "yes" : "no")"
        case .ownedByCommand:
            return ""
        }
    }
}
