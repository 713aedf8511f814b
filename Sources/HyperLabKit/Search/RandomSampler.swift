/// Random search: each parameter drawn independently from its distribution.
///
/// Guarantees: log scales are sampled log-uniformly, every integer of a range and every
/// choice are equally likely, values stay inside their bounds, and a suggestion depends
/// only on the generator (the sweep seed and the trial number).
/// Bergstra & Bengio (2012), "Random search for hyper-parameter optimization".
public struct RandomSampler: Sampler {
    /// A random sampler.
    public init() {}

    /// One independent uniform draw per parameter, in the space's order.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        let u = (0..<context.space.count).map { _ in generator.nextUnit() }
        return context.space.parameters(atUnit: u)
    }
}
