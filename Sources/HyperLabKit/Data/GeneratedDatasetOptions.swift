/// The options of a generated 2-D dataset (`load moons n=300 noise=0.2 seed=4`), defaults filled in.
public struct GeneratedDatasetOptions: Sendable, Hashable {
    /// Number of rows, in 10...100000.
    public var n: Int
    /// Standard deviation of the Gaussian jitter added to each coordinate, in 0...2
    /// (the shapes have a radius of about 1).
    public var noise: Double
    /// Seed of the generator: the same seed gives the same points.
    public var seed: Int
    /// Number of classes (spiral arms, blobs); 2 for moons, circles and xor.
    public var classes: Int
    /// Whether `classes` is one of this dataset's options (spirals, blobs) and so is spelled out.
    public var classesIsOption: Bool

    /// Options with every value given.
    public init(n: Int, noise: Double, seed: Int, classes: Int, classesIsOption: Bool) {
        self.n = n
        self.noise = noise
        self.seed = seed
        self.classes = classes
        self.classesIsOption = classesIsOption
    }

    /// The options as `key: value`, in the form `BuiltinDatasets.load(name:options:)` takes.
    public var values: [String: ParameterValue] {
        var values: [String: ParameterValue] = ["n": .integer(n), "noise": .real(noise), "seed": .integer(seed)]
        if classesIsOption { values["classes"] = .integer(classes) }
        return values
    }
}

/// The declaration of one option of a built-in dataset: kind, range, default and help.
public struct DatasetOptionSpec: Sendable {
    /// The key as typed: `n`, `noise`, `seed`, `classes`.
    public let name: String
    /// Its kind and bounds (`ParameterKind.expectation` words them for hints).
    public let kind: ParameterKind
    /// Its default value.
    public let defaultValue: ParameterValue
    /// One line of help.
    public let summary: String

    /// An option declaration.
    public init(name: String, kind: ParameterKind, defaultValue: ParameterValue, summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// `value` checked against this option: the number it stands for, or an error naming the key.
    func validated(_ value: ParameterValue, dataset: String) throws(DataError) -> Double {
        let wrong = DataError(.invalidOption, "\(name)=\(value) is not valid for \(dataset): \(name) takes \(kind.expectation)",
                              hint: summary, key: name)
        switch kind {
        case .integer(let range):
            guard let x = value.asReal, x == x.rounded(), x.magnitude < 9e15, range.contains(Int(x)) else { throw wrong }
            return x
        case let .real(lower, upper, lowerOpen, upperOpen, _):
            guard let x = value.asReal, x.isFinite,
                  lowerOpen ? x > lower : x >= lower, upperOpen ? x < upper : x <= upper else { throw wrong }
            return x
        case .choice, .integerList:
            throw wrong
        }
    }
}
