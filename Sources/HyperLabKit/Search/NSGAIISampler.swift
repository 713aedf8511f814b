/// NSGA-II (`sweep nsga2`): an evolutionary search whose parents are the best finished trials by
/// Pareto rank, then crowding distance, for two or three metrics or for one.
///
/// ```swift
/// let sampler = NSGAIISampler()                 // populations of 20, one in d parameters mutated
/// sampler.suggest(context, using: &generator)   // a child of two tournament winners
/// ```
///
/// Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and elitist multiobjective genetic
/// algorithm: NSGA-II", with the operators of Optuna's `NSGAIISampler` (uniform crossover
/// swapping each parameter with probability ½, applied with probability 0.9; each parameter
/// redrawn from its distribution with probability 1/d). It runs steady-state, as samplers here
/// keep no state between suggestions (Durillo, Nebro, Luna & Alba 2009, "On the effect of the
/// steady-state selection scheme in multi-objective genetic algorithms"): the first
/// `populationSize` trials are random draws; after them each trial's parents come from the
/// elite of every visible finished trial, the `populationSize` best by non-dominated rank and
/// then crowding distance (ties by trial number), so a suggestion depends on the trial number,
/// the seed and the visible history alone, never on timing or `parallel=`.
///
/// With one metric the rank orders the values and the elite is the best `populationSize`
/// trials: a plain genetic algorithm. Failed and pruned trials, and any without every objective,
/// are not parents. Pending trials are not modelled.
public struct NSGAIISampler: Sampler {
    /// Trials drawn at random before the first children, and the size of the elite parents
    /// come from (Optuna's `population_size`, 50 there; 20 here, for sweeps of tens of trials).
    public let populationSize: Int
    /// The probability that a child mixes its two parents rather than copying the first.
    public let crossoverProbability: Double
    /// The probability that a parameter is redrawn; nil: 1/d for d parameters.
    public let mutationProbability: Double?

    /// An NSGA-II sampler with Optuna's operators and an elite of `populationSize`.
    public init(populationSize: Int = 20, crossoverProbability: Double = 0.9, mutationProbability: Double? = nil) {
        self.populationSize = max(populationSize, 2)
        self.crossoverProbability = min(max(crossoverProbability, 0), 1)
        self.mutationProbability = mutationProbability.map { min(max($0, 0), 1) }
    }

    /// The elite and the children read the finished trials.
    public var usesHistory: Bool { true }

    /// A random draw for the first `populationSize` trials (or while fewer than two trials can be
    /// parents); then the child of two binary-tournament winners of the elite.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        let elite = context.number < populationSize ? [] : Self.elite(of: context, size: populationSize)
        guard elite.count >= 2 else {
            return context.space.parameters(atUnit: (0..<context.space.count).map { _ in generator.nextUnit() })
        }
        let first = Self.tournament(elite, using: &generator)
        let second = Self.tournament(elite, using: &generator)
        let mixes = generator.nextUnit() < crossoverProbability
        let mutation = mutationProbability ?? 1 / Double(max(context.space.count, 1))
        var child: [(String, ParameterValue)] = []
        for parameter in context.space.parameters {
            let fromSecond = generator.nextUnit() < 0.5
            let mutates = generator.nextUnit() < mutation
            let redraw = generator.nextUnit()
            let inherited = (mixes && fromSecond ? second : first).trial.parameters[parameter.name]
            if !mutates, let inherited, parameter.distribution.contains(inherited) {
                child.append((parameter.name, inherited))
            } else {
                child.append((parameter.name, parameter.distribution.value(atUnit: redraw)))
            }
        }
        return TrialParameters(child)
    }

    /// A trial of the elite with its non-dominated rank and crowding distance.
    struct Ranked {
        /// The finished trial.
        var trial: Trial
        /// Its front: 0 is non-dominated.
        var rank: Int
        /// Its crowding distance within its front (infinite at a front's ends).
        var crowding: Double

        /// Whether this trial is preferred to `other`: a lower rank, then a larger crowding
        /// distance, then a lower trial number.
        func isBetter(than other: Ranked) -> Bool {
            if rank != other.rank { return rank < other.rank }
            if crowding != other.crowding { return crowding > other.crowding }
            return trial.number < other.trial.number
        }
    }

    /// The `size` best complete trials of the context by rank, then crowding distance, then number.
    static func elite(of context: SamplingContext, size: Int) -> [Ranked] {
        var trials: [Trial] = []
        var losses: [[Double]] = []
        for trial in context.finished where trial.state == .complete {
            let loss: [Double]?
            if context.objectives.count > 1 {
                loss = TPESampler.objectiveLosses(trial, context.objectives)
            } else {
                loss = trial.value.flatMap { $0.isFinite ? [context.direction.loss($0)] : nil }
            }
            guard let loss else { continue }
            trials.append(trial)
            losses.append(loss)
        }
        let ranks = ParetoFront.ranks(losses)
        let crowding = crowdingDistances(losses, ranks: ranks)
        let ranked = trials.indices.map { Ranked(trial: trials[$0], rank: ranks[$0], crowding: crowding[$0]) }
        return Array(ranked.sorted { $0.isBetter(than: $1) }.prefix(size))
    }

    /// The crowding distance of each point within its front: per objective, the gap between its
    /// neighbours over the front's range, summed; the ends of each objective are infinite.
    static func crowdingDistances(_ losses: [[Double]], ranks: [Int]) -> [Double] {
        var distance = [Double](repeating: 0, count: losses.count)
        let objectives = losses.first?.count ?? 0
        for members in Dictionary(grouping: losses.indices, by: { ranks[$0] }).values {
            guard members.count > 2 else {
                for i in members { distance[i] = .infinity }
                continue
            }
            for m in 0..<objectives {
                let order = members.sorted { (losses[$0][m], $0) < (losses[$1][m], $1) }
                guard let low = order.first, let high = order.last else { continue }
                distance[low] = .infinity
                distance[high] = .infinity
                let span = losses[high][m] - losses[low][m]
                guard span > 0 else { continue }
                for k in 1..<(order.count - 1) {
                    distance[order[k]] += (losses[order[k + 1]][m] - losses[order[k - 1]][m]) / span
                }
            }
        }
        return distance
    }

    /// The better of two elite members drawn uniformly (binary tournament).
    static func tournament(_ elite: [Ranked], using generator: inout SeededGenerator) -> Ranked {
        let a = elite[Int(generator.nextUnit() * Double(elite.count)) % elite.count]
        let b = elite[Int(generator.nextUnit() * Double(elite.count)) % elite.count]
        return a.isBetter(than: b) ? a : b
    }
}
