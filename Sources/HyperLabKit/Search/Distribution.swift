/// The range a swept parameter is drawn from: `log(a,b)`, `uniform(a,b)`, `int(a,b)`,
/// `intlog(a,b)`, `choice(v1,...)` (also a grid axis `[v1,...]`), or `near(F)`.
///
/// ```swift
/// let lr = try Distribution.log(1e-4, 1e-1)
/// let units = try Distribution.intLog(16, 256)
/// let act = try Distribution.choice([.word("relu"), .word("tanh")])
/// ```
/// Invariant: bounds are finite and `lower < upper`; log bounds are positive; integer
/// bounds are whole numbers; a choice has at least one value and no value twice; a near
/// factor is above 1. The throwing constructors are the only way to make one.
public struct Distribution: Sendable, Hashable, CustomStringConvertible {
    /// The shape of a distribution and its bounds.
    public enum Kind: Sendable, Hashable {
        /// A real, uniform on `lower...upper`.
        case uniform(lower: Double, upper: Double)
        /// A real, uniform in log space on `lower...upper` (lower > 0).
        case log(lower: Double, upper: Double)
        /// An integer, uniform on `lower...upper`.
        case int(lower: Int, upper: Int)
        /// An integer, uniform in log space on `lower...upper` (lower ≥ 1).
        case intLog(lower: Int, upper: Int)
        /// One of listed values (a grid axis for the grid sampler).
        case choice([ParameterValue])
        /// Within a factor of the current value; resolved by `resolved(center:bounds:)`.
        case near(factor: Double)
    }

    /// The shape and bounds.
    public let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// A real uniform on `lower...upper`.
    /// - Throws: `SearchSpaceError` unless both bounds are finite and `lower < upper`.
    public static func uniform(_ lower: Double, _ upper: Double) throws(SearchSpaceError) -> Distribution {
        try checkRange(lower, upper)
        return Distribution(.uniform(lower: lower, upper: upper))
    }

    /// A real log-uniform on `lower...upper` (`lr=log(1e-4, 1e-1)`).
    /// - Throws: `SearchSpaceError` unless `0 < lower < upper`, both finite.
    public static func log(_ lower: Double, _ upper: Double) throws(SearchSpaceError) -> Distribution {
        try checkRange(lower, upper)
        guard lower > 0 else { throw .nonPositiveLogBound(NumberText.canonical(lower)) }
        return Distribution(.log(lower: lower, upper: upper))
    }

    /// An integer uniform on `lower...upper`.
    /// - Throws: `SearchSpaceError` unless `lower < upper`.
    public static func int(_ lower: Int, _ upper: Int) throws(SearchSpaceError) -> Distribution {
        try checkRange(Double(lower), Double(upper))
        return Distribution(.int(lower: lower, upper: upper))
    }

    /// An integer uniform on `lower...upper`, from bounds typed as numbers (`int(16, 256)`).
    /// - Throws: `SearchSpaceError` unless the bounds are whole numbers with `lower < upper`.
    public static func int(_ lower: Double, _ upper: Double) throws(SearchSpaceError) -> Distribution {
        try int(integral(lower), integral(upper))
    }

    /// An integer log-uniform on `lower...upper` (`units=intlog(16, 256)`).
    /// - Throws: `SearchSpaceError` unless `1 ≤ lower < upper`.
    public static func intLog(_ lower: Int, _ upper: Int) throws(SearchSpaceError) -> Distribution {
        try checkRange(Double(lower), Double(upper))
        guard lower >= 1 else { throw .nonPositiveLogBound(String(lower)) }
        return Distribution(.intLog(lower: lower, upper: upper))
    }

    /// An integer log-uniform from bounds typed as numbers.
    /// - Throws: `SearchSpaceError` unless the bounds are whole numbers with `1 ≤ lower < upper`.
    public static func intLog(_ lower: Double, _ upper: Double) throws(SearchSpaceError) -> Distribution {
        try intLog(integral(lower), integral(upper))
    }

    /// One of `values` (`choice(relu, tanh)`).
    /// - Throws: `SearchSpaceError` for an empty list or a repeated value.
    public static func choice(_ values: [ParameterValue]) throws(SearchSpaceError) -> Distribution {
        guard !values.isEmpty else { throw .emptyChoice }
        var seen = Set<ParameterValue>()
        for value in values {
            if case .real(let x) = value, !x.isFinite { throw .nonFinite(value.description) }
            guard seen.insert(value).inserted else { throw .duplicateChoice(value.description) }
        }
        return Distribution(.choice(values))
    }

    /// A grid axis (`lr=[1e-3, 1e-2]`): the grid sampler lists every value; the other samplers
    /// treat it as a choice.
    /// - Throws: `SearchSpaceError` for an empty list or a repeated value.
    public static func grid(_ values: [ParameterValue]) throws(SearchSpaceError) -> Distribution {
        try choice(values)
    }

    /// Within a factor `factor` of the current value (`near(3)`: from a third to three times).
    /// - Throws: `SearchSpaceError.factorTooSmall` unless `factor > 1` and finite.
    public static func near(_ factor: Double) throws(SearchSpaceError) -> Distribution {
        guard factor.isFinite else { throw .nonFinite(NumberText.canonical(factor)) }
        guard factor > 1 else { throw .factorTooSmall(NumberText.canonical(factor)) }
        return Distribution(.near(factor: factor))
    }

    /// The canonical text, as a script would spell it: `log(0.0001, 0.1)`.
    public var description: String {
        func t(_ x: Double) -> String { NumberText.canonical(x) }
        switch kind {
        case let .uniform(a, b): return "uniform(\(t(a)), \(t(b)))"
        case let .log(a, b): return "log(\(t(a)), \(t(b)))"
        case let .int(a, b): return "int(\(a), \(b))"
        case let .intLog(a, b): return "intlog(\(a), \(b))"
        case .choice(let values): return "choice(" + values.map(\.description).joined(separator: ", ") + ")"
        case .near(let f): return "near(\(t(f)))"
        }
    }

    /// Whether the parameter is searched on a log scale (log, intlog).
    public var isLogScale: Bool {
        switch kind {
        case .log, .intLog, .near: true
        default: false
        }
    }

    /// Whether the values are integers (int, intlog).
    public var isInteger: Bool {
        switch kind {
        case .int, .intLog: true
        default: false
        }
    }

    /// Whether the values are an unordered list (choice, grid axis).
    public var isCategorical: Bool {
        if case .choice = kind { return true }
        return false
    }

    /// The listed values of a choice; nil for ranges.
    public var choices: [ParameterValue]? {
        if case .choice(let values) = kind { return values }
        return nil
    }

    private static func checkRange(_ lower: Double, _ upper: Double) throws(SearchSpaceError) {
        guard lower.isFinite else { throw .nonFinite(NumberText.canonical(lower)) }
        guard upper.isFinite else { throw .nonFinite(NumberText.canonical(upper)) }
        guard lower < upper else {
            throw .emptyRange(lower: NumberText.canonical(lower), upper: NumberText.canonical(upper))
        }
    }

    private static func integral(_ x: Double) throws(SearchSpaceError) -> Int {
        guard x.isFinite else { throw .nonFinite(NumberText.canonical(x)) }
        guard x == x.rounded(), abs(x) < 9e15 else { throw .nonIntegralBound(NumberText.canonical(x)) }
        return Int(x)
    }
}
