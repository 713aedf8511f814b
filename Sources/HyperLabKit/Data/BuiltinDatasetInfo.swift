/// One entry of the built-in dataset catalogue (the `datasets` command): name, shape, task, help.
public struct BuiltinDatasetInfo: Sendable {
    /// How a built-in dataset is made.
    public enum Origin: Sendable, Equatable {
        /// Read from a CSV file bundled with HyperLab (`Resources/datasets/FILE.csv`, target column `target`).
        case bundled(file: String)
        /// Drawn by a seeded 2-D generator.
        case generated(GeneratedShape)
        /// A real table bundled as CSV in its raw form (text columns, empty cells), loaded as a
        /// CSV file is: it takes `load`'s CSV options, and `target` is the column it predicts
        /// unless `target=` names another.
        case table(file: String, target: String)
    }

    /// The canonical name, as typed after `load`: `iris`, `breast-cancer`, `moons`.
    public let name: String
    /// Other accepted spellings (`breast_cancer`).
    public let aliases: [String]
    /// Rows (for generated datasets: rows with the default `n`).
    public let rows: Int
    /// Feature columns.
    public let features: Int
    /// Classification or regression.
    public let task: LearningTask
    /// Number of classes (with default options), or nil for regression.
    public let classes: Int?
    /// One line saying what the data is.
    public let summary: String
    /// Where the rows come from.
    public let origin: Origin
    /// The numeric options `load` accepts for this dataset (`n`, `noise`, … of the generated
    /// ones; none for bundled files, and none for raw tables, which take the CSV options).
    public let options: [DatasetOptionSpec]

    /// Whether the rows are generated (and so take `n`, `noise`, `seed`).
    public var isGenerated: Bool {
        if case .generated = origin { return true }
        return false
    }

    /// Whether this is a raw table, which takes the CSV options of `load` (`target=`, `missing=`, …).
    public var isTable: Bool {
        if case .table = origin { return true }
        return false
    }

    /// The column a raw table predicts unless `target=` names another; nil for other datasets.
    public var defaultTarget: String? {
        if case .table(_, let target) = origin { return target }
        return nil
    }

    /// The option declaration named `key`, if this dataset takes it.
    public func option(_ key: String) -> DatasetOptionSpec? {
        options.first { $0.name == key }
    }
}

/// The shapes of the generated 2-D datasets.
public enum GeneratedShape: String, Sendable, CaseIterable {
    /// Two interleaving half circles.
    case moons
    /// A small circle inside a larger one.
    case circles
    /// Spiral arms winding around the origin, one class per arm.
    case spirals
    /// The four quadrants, labelled by whether x and y have the same sign.
    case xor
    /// Round Gaussian blobs around points on a circle, one class per blob.
    case blobs
}
