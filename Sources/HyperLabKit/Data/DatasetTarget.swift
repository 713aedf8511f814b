/// The target column of a dataset: class labels (as indices into the class names) or real values.
public enum DatasetTarget: Sendable, Equatable {
    /// Class labels: `labels[r]` indexes `names`; every index in `0..<names.count`.
    case classes(labels: [Int], names: [String])
    /// Real values in the dataset's own units (regression).
    case values([Double])

    /// Number of rows.
    public var count: Int {
        switch self {
        case .classes(let labels, _): labels.count
        case .values(let values): values.count
        }
    }

    /// The learning task this target calls for.
    public var task: LearningTask {
        switch self {
        case .classes: .classification
        case .values: .regression
        }
    }

    /// The class names in label order, or nil for regression.
    public var classNames: [String]? {
        if case .classes(_, let names) = self { return names }
        return nil
    }

    /// Rows per class, in label order, or nil for regression.
    public var classCounts: [Int]? {
        guard case .classes(let labels, let names) = self else { return nil }
        return DatasetTarget.counts(of: labels, classCount: names.count)
    }

    /// The targets of the rows listed in `indices`, in that order, as partition targets
    /// (class indices as `Int32`, values as `Float`).
    public func partitionTargets(_ indices: [Int]) -> Targets {
        switch self {
        case .classes(let labels, let names):
            .classes(indices.map { Int32(labels[$0]) }, classCount: names.count)
        case .values(let values):
            .values(indices.map { Float(values[$0]) })
        }
    }

    /// How many of `labels` fall in each class `0..<classCount`.
    static func counts(of labels: some Sequence<Int>, classCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }
}
