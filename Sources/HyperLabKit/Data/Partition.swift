/// The targets of a partition: class indices or real values.
public enum Targets: Sendable, Equatable {
    /// Class indices in `0..<classCount`.
    case classes([Int32], classCount: Int)
    /// Real-valued targets, in the dataset's own units.
    case values([Float])

    /// Number of targets.
    public var count: Int {
        switch self {
        case .classes(let labels, _): labels.count
        case .values(let values): values.count
        }
    }

    /// The learning task these targets call for.
    public var task: LearningTask {
        switch self {
        case .classes: .classification
        case .values: .regression
        }
    }

    /// The targets listed in `indices`, in that order.
    public func gathering(_ indices: [Int]) -> Targets {
        switch self {
        case .classes(let labels, let k): .classes(indices.map { labels[$0] }, classCount: k)
        case .values(let values): .values(indices.map { values[$0] })
        }
    }
}

/// One part of a split (train or dev, or the test part once opened): standardized
/// features and their targets, row for row.
///
/// Invariant: `features.rows == targets.count`.
public struct Partition: Sendable, Equatable {
    /// Standardized features, one row per example.
    public let features: Matrix
    /// The targets, one per row of `features`.
    public let targets: Targets

    /// A partition over matching features and targets.
    public init(features: Matrix, targets: Targets) {
        precondition(features.rows == targets.count, "features and targets disagree in length")
        self.features = features
        self.targets = targets
    }

    /// Number of examples.
    public var count: Int { features.rows }
    /// Number of features.
    public var featureCount: Int { features.columns }
    /// The task of the targets.
    public var task: LearningTask { targets.task }

    /// The examples listed in `indices`, in that order.
    public func subset(_ indices: [Int]) -> Partition {
        Partition(features: features.gatheringRows(indices), targets: targets.gathering(indices))
    }
}
