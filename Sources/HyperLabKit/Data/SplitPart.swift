/// The part a dataset row belongs to under a split: what `save split "FILE.csv"` writes per row.
///
/// ```swift
/// split.rowParts[0]      // .train: dataset row 0 is a training row
/// cv.rowParts[4]         // .fold(2): row 4 is in the second fold
/// SplitPart.fold(2).description   // "fold 2"
/// ```
public enum SplitPart: Sendable, Hashable, CustomStringConvertible {
    /// A training row of a fixed split.
    case train
    /// A development row of a fixed split.
    case dev
    /// A test row (either kind of split).
    case test
    /// A development row in fold K of a cross-validation split, 1-based as the shell shows folds.
    case fold(Int)

    /// "train", "dev", "test", "fold 3".
    public var description: String {
        switch self {
        case .train: "train"
        case .dev: "dev"
        case .test: "test"
        case .fold(let k): "fold \(k)"
        }
    }
}

extension DataSplit {
    /// The part of every dataset row, in dataset order.
    public var rowParts: [SplitPart] {
        var parts = [SplitPart](repeating: .test, count: sizes.train + sizes.dev + sizes.test)
        for r in trainIndices { parts[r] = .train }
        for r in devIndices { parts[r] = .dev }
        return parts
    }
}

extension CrossValidationSplit {
    /// The part of every dataset row, in dataset order: its fold (1-based) or the test part.
    public var rowParts: [SplitPart] {
        var parts = [SplitPart](repeating: .test, count: developmentIndices.count + test.count)
        for (k, rows) in foldIndices.enumerated() {
            for r in rows { parts[r] = .fold(k + 1) }
        }
        return parts
    }
}
