/// A sampler whose trial 0 is a given configuration (the current one) and whose later
/// trials come from `base`, numbered from 0 again (so a grid still covers every point).
///
/// ```swift
/// let sampler = TPESampler().withBaseline(current)   // sweep tpe ... baseline=yes
/// let around = BaselineSampler.around(current)       // sweep around n=20 lr=near(3)
/// ```
public struct BaselineSampler: Sampler {
    /// The sampler of trials 1, 2, ...
    public let base: any Sampler
    /// Trial 0.
    public let baseline: TrialParameters

    /// `baseline` as trial 0, then `base`.
    public init(base: any Sampler, baseline: TrialParameters) {
        self.base = base
        self.baseline = baseline
    }

    /// The local search of `sweep around`: trial 0 is `center`, later trials are drawn
    /// log-uniformly from the space, whose `near(F)` ranges were resolved around `center`.
    public static func around(_ center: TrialParameters) -> BaselineSampler {
        BaselineSampler(base: RandomSampler(), baseline: center)
    }

    /// Whether the base sampler reads history.
    public var usesHistory: Bool { base.usesHistory }

    /// The baseline for trial 0 (in the space's order), the base sampler's trial n − 1 after.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        if context.number == 0 {
            return TrialParameters(context.space.names.compactMap { name in baseline[name].map { (name, $0) } })
        }
        var shifted = context
        shifted.number -= 1
        return base.suggest(shifted, using: &generator)
    }
}
