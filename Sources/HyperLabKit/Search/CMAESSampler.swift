/// Covariance matrix adaptation evolution strategy with IPOP restarts (`sweep cmaes`).
///
/// ```swift
/// let study = Study(space: space, sampler: CMAESSampler(), direction: .minimize, seed: 1, trials: 100)
/// ```
/// The numeric parameters are searched in the unit cube of `Distribution+UnitInterval` (log
/// scales in log space, integers on their line widened by ½ and rounded when a value is made);
/// choices are drawn uniformly at random from the trial's stream, as Optuna's independent sampler.
/// - Search distribution N(m, σ²C): m starts at the centre of the cube, σ₀ = 1/6 (Optuna's
///   default, the smallest range over 6, every range being 1 here), C = I. Samples outside the
///   cube are drawn again, up to 10·d times, then clipped (the `cmaes` library Optuna uses).
/// - Generations of λ = 4 + ⌊3 ln d⌋ trials (d numeric parameters); the best μ = ⌊λ/2⌋ move the
///   mean with log weights; evolution paths, cumulative step-size adaptation and the rank-one plus
///   rank-μ (active, with negative weights for the worst) covariance update follow Hansen (2016),
///   "The CMA evolution strategy: a tutorial", Table 1 and Fig. 6, with c_μ = min(1 − c₁,
///   2(μ_eff − 2 + 1/μ_eff)/((d + 2)² + μ_eff)) as in the `cmaes` library (later versions of the
///   tutorial add ¼ inside the bracket: over 100 seeds of the sampler benchmark that was no better).
/// - IPOP (Auger & Hansen 2005, "A restart CMA evolution strategy with increasing population
///   size"): when a generation meets a stopping criterion of the `cmaes` library (flat function
///   values over the last 10 + ⌈30d/λ⌉ generations, σ below 10⁻¹²·σ₀, divergence, no effect of an
///   axis or coordinate, condition number of C above 10¹⁴), the search starts again from a
///   uniformly drawn mean (from the sweep seed and the restart index) with twice the population.
///   Optuna 5 no longer restarts.
///
/// **The state is rebuilt from the history, never kept.** A suggestion replays the visible
/// trials in number order: trial t was drawn from the generation the search was in when t was
/// suggested, which is fixed by the trials t could see (numbered below t − lag; the lag is the
/// number of pending trials of the context). Each generation is told with the next λ complete
/// trials that become visible, so pruned and failed trials are replaced by later ones. Because of
/// the lag, `lag` trials of each generation are drawn while it waits to be told; they join the
/// next generation as injected solutions (Hansen 2011, "Injecting external solutions into
/// CMA-ES"): their step from the new mean is shortened to Mahalanobis length at most
/// √d + 2d/(d + 2). Optuna's parallel workers drop such trials instead; injecting them lowered
/// the median regret at lag 4 on all three functions of the sampler benchmark (Branin 0.89 →
/// 0.43, Hartmann-6 0.48 → 0.37, Rosenbrock-4 7.7 → 6.0 over 20 seeds). Trials of an earlier
/// restart are never injected. The update uses the stored parameters, so a resumed or distributed
/// study suggests exactly what an uninterrupted one would, and nothing depends on `parallel=`.
/// A baseline trial 0 is skipped. Unlike Optuna, one numeric parameter is searched by CMA-ES too
/// (λ = 4).
public struct CMAESSampler: Sampler {
    /// Trials per generation of the first run; nil for 4 + ⌊3 ln d⌋.
    public var populationSize: Int?
    /// Whether a stopped search restarts with a larger population (IPOP).
    public var restarts: Bool
    /// The factor by which each restart grows the population.
    public var populationGrowth: Int

    /// A CMA-ES sampler (IPOP, population doubling at each restart, by default).
    public init(populationSize: Int? = nil, restarts: Bool = true, populationGrowth: Int = 2) {
        self.populationSize = populationSize.map { max($0, 2) }
        self.restarts = restarts
        self.populationGrowth = max(populationGrowth, 1)
    }

    /// CMA-ES reads the history.
    public var usesHistory: Bool { true }

    /// The initial step size in the unit cube.
    static let initialSigma = 1.0 / 6

    /// A draw from the search distribution for the numeric parameters, uniform choices for the others.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        let space = context.space
        let numeric = space.parameters.indices.filter { !space.parameters[$0].distribution.isCategorical }
        var u = [Double](repeating: 0.5, count: space.count)
        if !numeric.isEmpty {
            let x = replay(context, numeric: numeric).state.sample(using: &generator)
            for (k, j) in numeric.enumerated() { u[j] = x[k] }
        }
        for j in space.parameters.indices where space.parameters[j].distribution.isCategorical {
            u[j] = generator.nextUnit()
        }
        return space.parameters(atUnit: u)
    }

    /// Where a replay of the history stands.
    struct Replay {
        var state: CMAESState
        var restart = 0
        /// Counts every generation told, over all restarts: trials are tagged with it.
        var generation = 0
        /// The first generation of the current restart.
        var restartStart = 0
        var members: [(x: [Double], loss: Double)] = []
        /// Which members were drawn from an earlier generation's distribution.
        var injected: [Bool] = []
    }

    /// The search state for `context.number`, rebuilt from the visible trials (see the type's notes).
    func replay(_ context: SamplingContext, numeric: [Int]) -> Replay {
        let d = numeric.count
        let lambda0 = populationSize ?? CMAESState.defaultPopulation(d)
        var replay = Replay(state: CMAESState(mean: [Double](repeating: 0.5, count: d), sigma: Self.initialSigma,
                                               populationSize: lambda0))
        let trials = context.finished.sorted { $0.number < $1.number }
        let lag = context.pending.count
        let number = trials.count + lag                    // the study's own number of this trial
        let offset = max(number - context.number, 0)       // a baseline trial 0 shifts the sampler's count
        var tags = [Int](repeating: -1, count: number)
        var next = 0
        for t in offset...number {
            while next < trials.count, trials[next].number < t - lag {
                tell(trials[next], tags: tags, to: &replay, context: context, numeric: numeric)
                next += 1
            }
            if t < number { tags[t] = replay.generation }
        }
        return replay
    }

    /// Adds a visible complete trial of the current restart to the current generation (injected
    /// when drawn from an earlier one) and tells the generation once it is full (restarting if it
    /// meets a stopping criterion).
    private func tell(_ trial: Trial, tags: [Int], to replay: inout Replay, context: SamplingContext,
                      numeric: [Int]) {
        guard trial.number >= 0, trial.number < tags.count, tags[trial.number] >= replay.restartStart,
              trial.state == .complete, let value = trial.value, value.isFinite else { return }
        var x: [Double] = []
        for j in numeric {
            let p = context.space.parameters[j]
            guard let v = trial.parameters[p.name], let unit = p.distribution.unit(of: v) else { return }
            x.append(unit)
        }
        replay.members.append((x, context.direction.loss(value)))
        replay.injected.append(tags[trial.number] < replay.generation)
        guard replay.members.count >= replay.state.lambda else { return }
        replay.state.update(replay.members, injected: replay.injected)
        replay.members = []
        replay.injected = []
        replay.generation += 1
        guard restarts, replay.state.shouldStop() else { return }
        replay.restart += 1
        replay.restartStart = replay.generation
        var start = SeededGenerator(seed: context.studySeed).derived("cmaes restart").derived(replay.restart)
        let lambda = min(replay.state.lambda * populationGrowth, 1 << 20)
        replay.state = CMAESState(mean: (0..<numeric.count).map { _ in start.nextUnit() }, sigma: Self.initialSigma,
                                  populationSize: lambda)
    }
}

/// One CMA-ES search distribution N(m, σ²C) in the unit cube and its update from a generation,
/// Hansen (2016), "The CMA evolution strategy: a tutorial" (equation numbers refer to it).
struct CMAESState {
    let n: Int
    /// λ, trials per generation.
    let lambda: Int
    /// μ, the trials that move the mean.
    let mu: Int
    /// w_1 … w_λ: positive for the best μ, negative (active CMA) for the rest (eq. 53).
    let weights: [Double]
    let muEff: Double
    let cSigma: Double
    let dSigma: Double
    let cc: Double
    let c1: Double
    let cMu: Double
    /// E‖N(0, I)‖.
    let chiN: Double
    let tolX: Double
    /// Generations whose best and worst values the flatness criterion compares.
    let historyLength: Int

    var mean: [Double]
    var sigma: Double
    /// C, row-major n × n.
    var covariance: [Double]
    var pSigma: [Double]
    var pc: [Double]
    /// Generations told.
    var generation = 0
    /// B (eigenvectors as columns) and D (square roots of the eigenvalues) of C.
    var basis: [Double]
    var scales: [Double]
    /// Best and worst loss of the last `historyLength` generations.
    var extremes: [(best: Double, worst: Double)] = []

    /// λ = 4 + ⌊3 ln d⌋.
    static func defaultPopulation(_ d: Int) -> Int { 4 + Int((3 * PortableMath.log(Double(max(d, 1)))).rounded(.down)) }

    /// The distribution N(`mean`, `sigma`²·I) with the default learning rates for `populationSize`.
    init(mean: [Double], sigma: Double, populationSize: Int) {
        let n = mean.count
        let N = Double(n)
        let lambda = max(populationSize, 2), mu = lambda / 2
        self.lambda = lambda
        self.mu = mu
        let prime = (1...lambda).map { PortableMath.log(Double(lambda + 1) / 2) - PortableMath.log(Double($0)) }
        let positive = prime.prefix(mu), negative = prime.dropFirst(mu)
        let positiveSum = positive.reduce(0, +), negativeSum = -negative.reduce(0, +)
        muEff = positiveSum * positiveSum / positive.reduce(0) { $0 + $1 * $1 }
        let negativeSquares = negative.reduce(0) { $0 + $1 * $1 }
        let muEffMinus = negativeSquares > 0 ? negativeSum * negativeSum / negativeSquares : 0
        let alphaCov = 2.0
        c1 = alphaCov / ((N + 1.3) * (N + 1.3) + muEff)                                           // eq. 57
        cMu = min(1 - c1, alphaCov * (muEff - 2 + 1 / muEff) / ((N + 2) * (N + 2) + alphaCov * muEff / 2))  // eq. 58
        let alphaMuMinus = 1 + c1 / cMu
        let alphaMuEffMinus = 1 + 2 * muEffMinus / (muEff + 2)
        let alphaPosDefMinus = (1 - c1 - cMu) / (N * cMu)
        let negativeScale = min(alphaMuMinus, alphaMuEffMinus, alphaPosDefMinus)
        weights = prime.map { $0 >= 0 ? $0 / positiveSum : negativeScale * $0 / max(negativeSum, .leastNormalMagnitude) }
        cSigma = (muEff + 2) / (N + muEff + 5)                                                     // eq. 55
        dSigma = 1 + 2 * max(0, ((muEff - 1) / (N + 1)).squareRoot() - 1) + cSigma
        cc = (4 + muEff / N) / (N + 4 + 2 * muEff / N)                                             // eq. 56
        chiN = N.squareRoot() * (1 - 1 / (4 * N) + 1 / (21 * N * N))
        tolX = 1e-12 * sigma
        historyLength = 10 + Int((30 * N / Double(lambda)).rounded(.up))
        self.n = n
        self.mean = mean
        self.sigma = sigma
        covariance = (0..<n * n).map { $0 / n == $0 % n ? 1 : 0 }
        basis = covariance
        scales = [Double](repeating: 1, count: n)
        pSigma = [Double](repeating: 0, count: n)
        pc = pSigma
    }

    /// A draw m + σ·B·D·z inside the unit cube (redrawn up to 10·n times, then clipped).
    func sample(using generator: inout SeededGenerator) -> [Double] {
        for attempt in 0...(10 * n) {
            let z = (0..<n).map { _ in generator.nextGaussian() }
            var x = mean
            for i in 0..<n {
                var y = 0.0
                for j in 0..<n { y += basis[i * n + j] * scales[j] * z[j] }
                x[i] += sigma * y
            }
            if x.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return x }
            if attempt == 10 * n { return x.map { min(max($0.isNaN ? 0.5 : $0, 0), 1) } }
        }
        return mean
    }

    /// C^(−1/2)·v = B·D⁻¹·Bᵀ·v.
    func inverseSquareRoot(_ v: [Double]) -> [Double] {
        var t = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var s = 0.0
            for i in 0..<n { s += basis[i * n + j] * v[i] }
            t[j] = s / scales[j]
        }
        return (0..<n).map { i in (0..<n).reduce(0) { $0 + basis[i * n + $1] * t[$1] } }
    }

    /// Tells one generation: λ points of the unit cube with their losses (lower is better);
    /// `injected[k]` marks a point not drawn from this distribution, whose step is clipped.
    mutating func update(_ members: [(x: [Double], loss: Double)], injected: [Bool] = []) {
        let N = Double(n)
        let ranked = members.indices.sorted { members[$0].loss != members[$1].loss ? members[$0].loss < members[$1].loss : $0 < $1 }
        let limit = N.squareRoot() + 2 * N / (N + 2)
        let ys = ranked.prefix(lambda).map { k -> [Double] in
            let y = (0..<n).map { (members[k].x[$0] - mean[$0]) / sigma }
            guard k < injected.count, injected[k] else { return y }
            let length = inverseSquareRoot(y).reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > limit ? y.map { $0 * limit / length } : y
        }
        extremes.append((members[ranked[0]].loss, members[ranked[ranked.count - 1]].loss))
        if extremes.count > historyLength { extremes.removeFirst() }

        var yw = [Double](repeating: 0, count: n)                                  // eq. 41
        for (i, y) in ys.prefix(mu).enumerated() { for j in 0..<n { yw[j] += weights[i] * y[j] } }
        for j in 0..<n { mean[j] += sigma * yw[j] }                                 // eq. 42, c_m = 1

        let whitened = inverseSquareRoot(yw)                                       // eq. 43
        let pathScale = (cSigma * (2 - cSigma) * muEff).squareRoot()
        for j in 0..<n { pSigma[j] = (1 - cSigma) * pSigma[j] + pathScale * whitened[j] }
        let norm = pSigma.reduce(0) { $0 + $1 * $1 }.squareRoot()
        sigma = min(sigma * PortableMath.exp(cSigma / dSigma * (norm / chiN - 1)), 1e32)   // eq. 44

        let decay = 1 - PortableMath.power(1 - cSigma, 2 * (generation + 1))
        let hSigma: Double = norm / decay.squareRoot() < (1.4 + 2 / (N + 1)) * chiN ? 1 : 0
        let ccScale = (cc * (2 - cc) * muEff).squareRoot()
        for j in 0..<n { pc[j] = (1 - cc) * pc[j] + hSigma * ccScale * yw[j] }      // eq. 45

        let adjusted = ys.indices.map { i -> Double in                             // eq. 46
            guard weights[i] < 0 else { return weights[i] }
            let w = inverseSquareRoot(ys[i])
            return weights[i] * N / max(w.reduce(0) { $0 + $1 * $1 }, 1e-8)
        }
        let deltaH = (1 - hSigma) * cc * (2 - cc)
        let keep = 1 + c1 * deltaH - c1 - cMu * weights.reduce(0, +)
        for a in 0..<n {                                                            // eq. 47
            for b in 0..<n {
                var rankMu = 0.0
                for (i, y) in ys.enumerated() { rankMu += adjusted[i] * y[a] * y[b] }
                covariance[a * n + b] = keep * covariance[a * n + b] + c1 * pc[a] * pc[b] + cMu * rankMu
            }
        }
        generation += 1
        decompose()
    }

    /// B and D from C; eigenvalues below 10⁻⁸ are raised to it and C rebuilt from them.
    private mutating func decompose() {
        let eigen = SymmetricEigen(covariance, n: n)
        basis = eigen.vectors
        let floor = 1e-8
        scales = eigen.values.map { max($0, floor).squareRoot() }
        guard eigen.values.contains(where: { !($0 >= floor) }) else { return }
        for a in 0..<n {
            for b in 0..<n {
                covariance[a * n + b] = (0..<n).reduce(0) { $0 + basis[a * n + $1] * scales[$1] * scales[$1] * basis[b * n + $1] }
            }
        }
    }

    /// Whether the search has stopped making progress (the `cmaes` library's criteria, see `CMAESSampler`).
    func shouldStop() -> Bool {
        if generation > historyLength, extremes.count >= historyLength {
            let values = extremes.flatMap { [$0.best, $0.worst] }
            if (values.max() ?? 0) - (values.min() ?? 0) < 1e-12 { return true }
        }
        let diagonal = (0..<n).map { covariance[$0 * n + $0] }
        if diagonal.allSatisfy({ sigma * $0.squareRoot() < tolX }) && pc.allSatisfy({ sigma * abs($0) < tolX }) { return true }
        let largest = scales.max() ?? 1, smallest = scales.min() ?? 1
        if sigma * largest > 1e4 { return true }
        if (0..<n).contains(where: { mean[$0] == mean[$0] + 0.2 * sigma * diagonal[$0].squareRoot() }) { return true }
        let axis = generation % max(n, 1)
        if (0..<n).allSatisfy({ mean[$0] == mean[$0] + 0.1 * sigma * scales[axis] * basis[$0 * n + axis] }) { return true }
        return !(largest / smallest <= 1e14)
    }
}
