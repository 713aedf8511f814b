/// Quasi-random search: trial n takes point n of an Owen-scrambled Sobol sequence seeded by
/// the sweep seed, so the trials cover the space more evenly than random draws.
///
/// Guarantees: deterministic for the sweep seed; bounds, log scales, integers and choices as
/// for `RandomSampler` (the unit coordinates are mapped the same way). Parameters beyond
/// the 32nd are drawn at random. Best with a power-of-two number of trials.
public struct SobolSampler: Sampler {
    /// A Sobol sampler.
    public init() {}

    /// Point `context.number` of the sequence for `context.studySeed`.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        let sequence = SobolSequence(dimensions: context.space.count, seed: context.studySeed)
        var u = sequence.point(context.number)
        while u.count < context.space.count { u.append(generator.nextUnit()) }
        return context.space.parameters(atUnit: u)
    }
}
