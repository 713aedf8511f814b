/// The samplers a sweep can name (`sweep KIND …`), one registry for the command catalogue, the
/// stored study definitions and the benchmarks: a kind's `rawValue` is the word users type and
/// the store keeps.
///
/// ```swift
/// let kind = SamplerKind(rawValue: "tpe")!
/// let sampler = try kind.sampler(space: space, baseline: nil)
/// ```
public enum SamplerKind: String, CaseIterable, Sendable {
    /// Every combination of listed values (`GridSampler`).
    case grid
    /// Independent uniform draws (`RandomSampler`).
    case random
    /// A scrambled Sobol sequence (`SobolSampler`).
    case sobol
    /// The tree-structured Parzen estimator (`TPESampler`).
    case tpe
    /// Gaussian-process Bayesian optimization (`GPSampler`).
    case bayes
    /// The covariance matrix adaptation evolution strategy with IPOP restarts (`CMAESSampler`).
    case cmaes
    /// NSGA-II: children of the best trials by Pareto rank and crowding distance (`NSGAIISampler`).
    case nsga2
    /// Random draws near the current configuration, trial 0 being that configuration (`BaselineSampler.around`).
    case around

    /// Whether this sampler can search for several metrics at once (`metric=[dev_acc, parameters]`):
    /// `tpe` by MOTPE, `nsga2` by its Pareto ranks, and the samplers that ignore the metric as they are. `bayes` and `cmaes`
    /// model one metric.
    public var supportsMultipleObjectives: Bool {
        switch self {
        case .grid, .random, .sobol, .tpe, .nsga2, .around: true
        case .bayes, .cmaes: false
        }
    }

    /// Whether this sampler needs at least one numeric range to search: `cmaes` moves a
    /// distribution over the continuous parameters and only draws lists at random.
    public var needsNumericRange: Bool { self == .cmaes }

    /// The sampler of this kind on `space`. `baseline`, when given, is trial 0 (`baseline=yes`;
    /// `around` always starts from it, the empty configuration when nil). `settings` holds the
    /// sampler's stored options by name; `startup_trials` is read by `tpe` and `bayes`.
    /// - Throws: `SearchSpaceError` when the space cannot be enumerated as a grid.
    public func sampler(space: SearchSpace, baseline: TrialParameters?,
                        settings: [String: String] = [:]) throws(SearchSpaceError) -> any Sampler {
        let startup = settings["startup_trials"].flatMap { Int($0) }
        let sampler: any Sampler
        switch self {
        case .grid: sampler = try GridSampler(space)
        case .random: sampler = RandomSampler()
        case .sobol: sampler = SobolSampler()
        case .tpe: sampler = startup.map { TPESampler(startupTrials: $0) } ?? TPESampler()
        case .bayes: sampler = startup.map { GPSampler(startupTrials: $0) } ?? GPSampler()
        case .cmaes: sampler = CMAESSampler()
        case .nsga2: sampler = NSGAIISampler()
        case .around: return BaselineSampler.around(baseline ?? TrialParameters())
        }
        return baseline.map { sampler.withBaseline($0) } ?? sampler
    }
}
