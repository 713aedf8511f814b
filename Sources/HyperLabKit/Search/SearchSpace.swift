/// The swept parameters of a study: names with their distributions, in a fixed order.
///
/// ```swift
/// let space = try SearchSpace([
///     ("lr", .log(1e-4, 1e-1)),
///     ("units", .intLog(16, 256)),
///     ("activation", .choice([.word("relu"), .word("tanh")])),
/// ])
/// ```
/// The order is the order given; samplers draw in that order, so a sweep is deterministic.
/// Names are arbitrary strings (the shell checks them against configuration keys).
/// Invariant: names are distinct and no `near(F)` is left unresolved.
public struct SearchSpace: Sendable, Hashable {
    /// One swept parameter.
    public struct Parameter: Sendable, Hashable {
        /// The key.
        public let name: String
        /// Its distribution (never an unresolved `near`).
        public let distribution: Distribution
    }

    /// The parameters, in order.
    public let parameters: [Parameter]

    /// A space over `parameters`, resolving each `near(F)` against `center[name]`.
    /// - Parameters:
    ///   - parameters: ordered (name, distribution) pairs.
    ///   - center: current values, needed by `near(F)` parameters.
    ///   - bounds: allowed ranges of numeric keys, to cut `near(F)` ranges.
    /// - Throws: `SearchSpaceError` for a repeated name or a `near` that cannot be resolved.
    public init(_ parameters: [(String, Distribution)],
                center: [String: ParameterValue] = [:],
                bounds: [String: ClosedRange<Double>] = [:]) throws(SearchSpaceError) {
        var seen = Set<String>()
        var resolved: [Parameter] = []
        for (name, distribution) in parameters {
            guard seen.insert(name).inserted else { throw .duplicateName(name) }
            let d = try distribution.resolved(center: center[name], name: name, bounds: bounds[name])
            resolved.append(Parameter(name: name, distribution: d))
        }
        self.parameters = resolved
    }

    /// A space over `parameters`, written as a literal in the order the samplers draw:
    /// `try SearchSpace(["x": .uniform(-5, 10), "units": .int(16, 256), "act": .choice(["relu", "tanh"])])`.
    /// - Throws: `SearchSpaceError` for a repeated name or a `near` (it needs a current value:
    ///   use `init(_:center:bounds:)`).
    public init(_ parameters: KeyValuePairs<String, Distribution>) throws(SearchSpaceError) {
        try self.init(parameters.map { ($0.key, $0.value) })
    }

    /// The parameter names, in order.
    public var names: [String] { parameters.map(\.name) }

    /// The number of parameters.
    public var count: Int { parameters.count }

    /// The distribution of `name`, if it is swept.
    public func distribution(_ name: String) -> Distribution? {
        parameters.first { $0.name == name }?.distribution
    }

    /// The parameters at unit coordinates `u` (one per parameter, in order).
    public func parameters(atUnit u: [Double]) -> TrialParameters {
        TrialParameters(zip(parameters, u).map { ($0.name, $0.distribution.value(atUnit: $1)) })
    }

    /// The parameters at internal coordinates `x` (one per parameter, in order).
    public func parameters(atInternal x: [Double]) -> TrialParameters {
        TrialParameters(zip(parameters, x).map { ($0.name, $0.distribution.value(atInternal: $1)) })
    }

    /// The unit coordinates of `values`; nil if a parameter is missing or not representable.
    public func unitCoordinates(of values: TrialParameters) -> [Double]? {
        var u: [Double] = []
        u.reserveCapacity(parameters.count)
        for p in parameters {
            guard let v = values[p.name], let x = p.distribution.unit(of: v) else { return nil }
            u.append(x)
        }
        return u
    }

    /// Whether every parameter of the space has a value inside its distribution.
    public func contains(_ values: TrialParameters) -> Bool {
        parameters.allSatisfy { p in values[p.name].map(p.distribution.contains) ?? false }
    }
}
