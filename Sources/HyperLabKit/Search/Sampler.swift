/// What a sampler sees when it suggests trial `number`.
///
/// The history is fixed by the trial number alone (see `Study`): `finished` holds every
/// trial numbered below `number − Study.lag`, all of them finished, and `pending`
/// holds the parameters of the trials in between, whatever their state, so a suggestion
/// never depends on timing or on `parallel=`.
public struct SamplingContext: Sendable {
    /// The number of the trial to suggest (counted by the sampler: a baseline shifts it).
    public var number: Int
    /// The search space.
    public var space: SearchSpace
    /// Whether the metric is maximized or minimized.
    public var direction: MetricDirection
    /// Finished trials visible to this suggestion, by number. A slice, so the study hands over
    /// the run of its own trials without copying each (a thousand copies cost a tenth of a TPE
    /// suggestion).
    public var finished: ArraySlice<Trial>
    /// Parameters of trials suggested before this one but not visible (treated as pending).
    public var pending: [TrialParameters]
    /// The sweep seed (for samplers that need one stream over all trials, such as Sobol).
    public var studySeed: UInt64
    /// The study's objectives when it has two or three (`Study.objectives`), each complete trial
    /// holding their values in its `metrics`; empty for a study of one metric (`direction`).
    public var objectives: [StudyObjective] = []
    /// The study's trial count, when it has one: a sampler may spend the end of it differently
    /// (`GPSampler` polishes its incumbent there).
    public var budget: Int?

    /// A context for `number` with the given history.
    public init(number: Int, space: SearchSpace, direction: MetricDirection = .maximize,
                finished: [Trial] = [], pending: [TrialParameters] = [], studySeed: UInt64 = 0, budget: Int? = nil) {
        self.init(number: number, space: space, direction: direction, visible: finished[...], pending: pending,
                  studySeed: studySeed, budget: budget)
    }

    /// A context for `number` whose finished trials are a slice of the caller's.
    init(number: Int, space: SearchSpace, direction: MetricDirection, visible: ArraySlice<Trial>,
         pending: [TrialParameters], studySeed: UInt64, budget: Int? = nil) {
        self.number = number
        self.space = space
        self.direction = direction
        self.finished = visible
        self.pending = pending
        self.studySeed = studySeed
        self.budget = budget
    }
}

/// Suggests the parameters of the next trial from the search space and the history.
///
/// Samplers are values with no state between suggestions: a suggestion is a function of the
/// context and the generator (which the study derives from the sweep seed and the trial
/// number), so a sweep is deterministic for its seed. Following Optuna's sampler design.
public protocol Sampler: Sendable {
    /// Whether suggestions read `finished` and `pending`; when false the study neither
    /// waits for history nor collects it. Defaults to false.
    var usesHistory: Bool { get }

    /// The parameters of trial `context.number`, one value for every parameter of the space,
    /// each inside its distribution.
    func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters
}

extension Sampler {
    /// Samplers ignore history unless they say otherwise.
    public var usesHistory: Bool { false }

    /// This sampler with trial 0 replaced by `parameters` (the current configuration), so a
    /// sweep always shows whether it beat the defaults (`baseline=yes`).
    public func withBaseline(_ parameters: TrialParameters) -> BaselineSampler {
        BaselineSampler(base: self, baseline: parameters)
    }
}
