import Foundation

/// One look at a dataset's test part, kept per dataset (by its content hash) rather than per
/// split, so a new split or a reload does not start the count again.
///
/// ```swift
/// let look = TestLook(dataset: iris, date: .now, kind: .evaluation, split: "train=0.6 dev=0.2 test=0.2 seed=1",
///                     configuration: "mlp [8] relu · adam lr=0.01 · 200 epochs", metric: "test_acc", score: 0.967)
/// try store.recordLook(look)
/// try store.looks(ofDataset: iris.contentHash).count   // 1
/// ```
/// Two kinds count: `evaluate test` (a score seen), and a new deal of the rows after a score was
/// seen (`resplit`): choices made after seeing test, on a split chosen after it, let test
/// information leak into them, so a re-split is counted as a look too.
public struct TestLook: Sendable, Hashable, Codable {
    /// What the look was.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `evaluate test` scored a configuration on the test part.
        case evaluation
        /// The data was split again after a look.
        case resplit
        /// `show confusion part=test` showed a model's predictions on the test part.
        case confusion
        /// `save predictions part=test` wrote a model's predictions on the test part.
        case predictions
    }

    /// A unique id, so a look read back from a store is not counted twice.
    public let id: String
    /// The SHA-256 of the dataset's content (`Dataset.contentHash`).
    public let datasetHash: String
    /// The dataset's name when the look was taken.
    public let datasetName: String
    /// When.
    public let date: Date
    /// An evaluation or a re-split.
    public let kind: Kind
    /// The split's arguments (`SplitReference.commandArguments`).
    public let split: String
    /// The configuration scored, in short ("mlp [8] relu · adam lr=0.01 · 200 epochs"); empty for a re-split.
    public let configuration: String
    /// The metric shown (`test_acc`, `test_rmse`), nil for a re-split.
    public let metric: String?
    /// Its value, nil for a re-split.
    public let score: Double?

    /// A look at `dataset`'s test part.
    public init(id: String = UUID().uuidString, dataset: Dataset, date: Date, kind: Kind, split: String,
                configuration: String = "", metric: String? = nil, score: Double? = nil) {
        self.init(id: id, datasetHash: dataset.contentHash, datasetName: dataset.name, date: date, kind: kind,
                  split: split, configuration: configuration, metric: metric, score: score)
    }

    /// A look from its parts (as a store reads it back).
    public init(id: String, datasetHash: String, datasetName: String, date: Date, kind: Kind, split: String,
                configuration: String, metric: String?, score: Double?) {
        self.id = id
        self.datasetHash = datasetHash
        self.datasetName = datasetName
        self.date = date
        self.kind = kind
        self.split = split
        self.configuration = configuration
        self.metric = metric
        self.score = score
    }
}

extension Array where Element == TestLook {
    /// The looks of both lists, each once (by id), oldest first.
    public func merged(with other: [TestLook]) -> [TestLook] {
        var seen = Set(map(\.id))
        var all = self
        for look in other where seen.insert(look.id).inserted { all.append(look) }
        return all.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
