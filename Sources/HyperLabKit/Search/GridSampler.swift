/// Grid search: every combination of the listed values, in a deterministic order (the first
/// parameter varies slowest, like nested loops in the order written).
///
/// ```swift
/// let grid = try GridSampler(space)   // space of choices/grid axes and integer ranges
/// grid.count                          // printed before the sweep starts
/// ```
/// Trial n is combination n (modulo `count`); cap a sweep at `count` trials to cover the
/// grid exactly once. Integer ranges are listed value by value; real ranges are refused.
public struct GridSampler: Sampler {
    /// The values of each axis, in the space's order.
    public let axes: [(name: String, values: [ParameterValue])]
    /// The number of combinations (saturates at `Int.max`).
    public let count: Int

    /// A grid over `space`.
    /// - Throws: `SearchSpaceError.notEnumerable` for a real-valued range.
    public init(_ space: SearchSpace) throws(SearchSpaceError) {
        var axes: [(name: String, values: [ParameterValue])] = []
        var total = 1
        for p in space.parameters {
            let values: [ParameterValue]
            switch p.distribution.kind {
            case .choice(let v): values = v
            case let .int(a, b), let .intLog(a, b):
                guard b - a < 10_000_000 else { throw .notEnumerable(p.name) }
                values = (a...b).map { .integer($0) }
            case .uniform, .log, .near: throw .notEnumerable(p.name)
            }
            axes.append((p.name, values))
            let (product, overflow) = total.multipliedReportingOverflow(by: values.count)
            total = overflow ? Int.max : product
        }
        self.axes = axes
        self.count = total
    }

    /// Every combination, in order (use only for small grids).
    public var allCombinations: [TrialParameters] { (0..<count).map(combination) }

    /// Combination `index` (modulo `count`).
    public func combination(_ index: Int) -> TrialParameters {
        var rest = count > 0 ? index % count : 0
        if rest < 0 { rest += count }
        var picked = [ParameterValue](repeating: .integer(0), count: axes.count)
        for i in stride(from: axes.count - 1, through: 0, by: -1) {
            let n = axes[i].values.count
            picked[i] = axes[i].values[rest % n]
            rest /= n
        }
        return TrialParameters(zip(axes.map(\.name), picked).map { ($0, $1) })
    }

    /// Combination `context.number`; the generator is not used.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        combination(context.number)
    }
}
