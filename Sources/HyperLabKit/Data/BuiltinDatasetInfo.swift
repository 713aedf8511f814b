/// One entry of the built-in dataset catalogue (the `datasets` command): name, shape, task, help.
public struct BuiltinDatasetInfo: Sendable {
    /// How a built-in dataset is made.
    public enum Origin: Sendable, Equatable {
        /// Read from a CSV file bundled with HyperLab (`Resources/datasets/FILE.csv`, target column `target`).
        case bundled(file: String)
        /// Drawn by a seeded 2-D generator.
        case generated(GeneratedShape)
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
    /// The options `load` accepts for this dataset (none for bundled files).
    public let options: [DatasetOptionSpec]

    /// Whether the rows are generated (and so take `n`, `noise`, `seed`).
    public var isGenerated: Bool {
        if case .generated = origin { return true }
        return false
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
