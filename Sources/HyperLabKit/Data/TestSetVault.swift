/// The test part of a split, sealed: its size, rows and class counts can be shown, its features
/// and targets cannot be read.
///
/// The sealed `Partition` is `fileprivate` to this file; the only code that reads it is
/// `TestSetVault.open()`, which counts the look. There is no initializer from outside this file
/// and no way to move a sealed part into another vault.
public struct LockedTestPart: Sendable, Equatable {
    /// The sealed rows. Readable in this file only.
    fileprivate let partition: Partition
    /// The dataset rows in the test part (for display, e.g. which rows are held out).
    public let indices: [Int]

    fileprivate init(partition: Partition, indices: [Int]) {
        self.partition = partition
        self.indices = indices
    }

    /// Number of test rows.
    public var count: Int { partition.count }
    /// Number of features.
    public var featureCount: Int { partition.featureCount }
    /// The task of the targets.
    public var task: LearningTask { partition.task }
    /// Rows per class (classification), or nil. Counts say how balanced the part is, not which row is which.
    public var classCounts: [Int]? {
        guard case .classes(let labels, let k) = partition.targets else { return nil }
        return DatasetTarget.counts(of: labels.lazy.map { Int($0) }, classCount: k)
    }
}

/// The one way to read a test part, counting every look.
///
/// The lecture's rule is "tune on dev, look at test once". HyperLab enforces it by types:
/// - A `DataSplit` keeps its test rows in a vault (`split.test`), whose setter is private to the
///   split: `split.test.open()` does not compile outside `DataSplit.swift`. The one opener is
///   `DataSplit.openTest()`, a `mutating` method, so code handed a split as a `let` (training,
///   sweeps, the search samplers) cannot read the test rows at all; they receive `train` and `dev`.
/// - Every `open()` adds one to `looks`, which the workbench reports ("2nd look at the test set").
/// - A vault is made only by sealing a partition (`init(sealing:indices:)`); a sealed part never
///   leaves its vault, so no second, uncounted vault can be made over the same rows.
///
/// Counting is per value: a copy of a split counts its own looks. The workbench keeps the one
/// split the user works with, and opens the test part only for `evaluate test`.
///
/// ```swift
/// var split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
/// split.test.count        // 30, readable
/// let test = split.openTest()
/// split.test.looks        // 1
/// ```
public struct TestSetVault: Sendable, Equatable {
    /// The sealed part.
    private let part: LockedTestPart
    /// How many times the part has been opened.
    public private(set) var looks: Int = 0

    /// Seals `partition` (the standardized test rows, dataset rows `indices`) in a new vault with no looks.
    public init(sealing partition: Partition, indices: [Int]) {
        precondition(partition.count == indices.count, "one dataset index per test row")
        part = LockedTestPart(partition: partition, indices: indices)
    }

    /// The test rows, counting one look.
    public mutating func open() -> Partition {
        looks += 1
        return part.partition
    }

    /// Number of test rows.
    public var count: Int { part.count }
    /// The dataset rows in the test part.
    public var indices: [Int] { part.indices }
    /// Rows per class in the test part (classification), or nil.
    public var classCounts: [Int]? { part.classCounts }
    /// The sealed part's shape and balance (never its rows).
    public var sealed: LockedTestPart { part }
}
