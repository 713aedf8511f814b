/// What kind of values a hyperparameter takes, with its bounds.
public enum ParameterKind: Sendable, Hashable {
    /// A real in `lower...upper`; an open end excludes that bound. `logScale` marks
    /// parameters that are searched and plotted on a log axis (learning rates).
    case real(lower: Double, upper: Double, lowerOpen: Bool, upperOpen: Bool, logScale: Bool)
    /// An integer in `range`.
    case integer(ClosedRange<Int>)
    /// One word of `choices`.
    case choice([String])
    /// A list of `counts` integers, each in `elements`.
    case integerList(counts: ClosedRange<Int>, elements: ClosedRange<Int>)

    /// A short phrase for the expected value, used in hints: "a number in (0, 10]".
    public var expectation: String {
        switch self {
        case let .real(lo, hi, lo0, hi0, _):
            "a number in \(lo0 ? "(" : "[")\(NumberText.canonical(lo)), \(NumberText.canonical(hi))\(hi0 ? ")" : "]")"
        case .integer(let r):
            r.upperBound == Int.max ? "a whole number ≥ \(r.lowerBound)" : "a whole number from \(r.lowerBound) to \(r.upperBound)"
        case .choice(let words):
            "one of " + words.joined(separator: ", ")
        case let .integerList(counts, elements):
            "a list of \(counts.lowerBound)–\(counts.upperBound) whole numbers from \(elements.lowerBound) to \(elements.upperBound), like [64,32]"
        }
    }

    /// Whether values of this kind are searched on a log scale.
    public var isLogScale: Bool {
        if case .real(_, _, _, _, let log) = self { return log }
        return false
    }
}

/// The group a hyperparameter belongs to, for `show config` and help.
public enum ParameterGroup: String, Sendable, CaseIterable {
    case model, optimizer, schedule, training
}

/// The declaration of one configuration key: its kind, default, when it is used, and help.
public struct ParameterSpec: Sendable {
    /// The key as typed: `lr`, `weight_decay`.
    public let name: String
    /// Its kind and bounds.
    public let kind: ParameterKind
    /// Its default value.
    public let defaultValue: ParameterValue
    /// Its group.
    public let group: ParameterGroup
    /// One line of help.
    public let summary: String
    /// The key is used only when `activeWhen.key` has one of `activeWhen.values` (nil: always).
    public let activeWhen: (key: String, values: [String])?
    /// Shorthand keys (`layers`, `units`) are views of another key (`hidden`), not stored.
    public let isShorthand: Bool

    init(_ name: String, _ kind: ParameterKind, _ defaultValue: ParameterValue, _ group: ParameterGroup,
         _ summary: String, activeWhen: (String, [String])? = nil, shorthand: Bool = false) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.group = group
        self.summary = summary
        self.activeWhen = activeWhen.map { (key: $0.0, values: $0.1) }
        self.isShorthand = shorthand
    }
}
