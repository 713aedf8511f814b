import Foundation

/// Informed search by Gaussian-process Bayesian optimization (`sweep bayes`).
///
/// After `startupTrials` Sobol points, each suggestion:
/// 1. maps the visible trials to inputs in [0, 1] (log parameters in log space, integers
///    on their widened line, choices by index with a Hamming kernel distance) and their
///    metric to standardized scores to maximize; failed and pruned trials score as the
///    worst complete trial, so diverging regions are avoided; the scores are then warped by
///    a Yeo–Johnson power transform fitted by maximum likelihood (`YeoJohnsonTransform`, as
///    HEBO), so a long tail of bad scores does not flatten the differences among good ones;
/// 2. fits a Matérn-5/2 ARD kernel by maximizing the log marginal likelihood plus weak
///    priors (`GaussianProcess+Fit`): the default start and `restarts` random starts are
///    screened, and the best `refinedStarts` are optimized by L-BFGS with analytic gradients;
/// 3. adds pending trials at the posterior mean ("kriging believer"), so parallel workers
///    do not suggest the same point;
/// 4. maximizes log expected improvement (Ament et al. 2023) over `candidates` random
///    points plus perturbations of the best trials, refines the best `localSearches` by
///    projected L-BFGS on the numeric inputs and a sweep over each choice, and returns the best;
/// 5. in the last third of a study's budget (`polishFraction`), maximizes log EI only in a trust
///    region around the incumbent, whose side doubles after an improvement and halves after two
///    trials without one (`GPSampler+TrustRegion`): the final precision near an optimum. Once
///    the region is smaller than at its start, the model there is fitted to the trials nearest
///    the incumbent alone (`GPSampler+LocalModel`).
///
/// The Cholesky factorization escalates jitter on ill-conditioned data (duplicates, constant
/// outputs); if the model still cannot be fitted, the suggestion falls back to a Sobol point.
/// Deterministic for the context and generator. Snoek, Larochelle & Adams (2012),
/// "Practical Bayesian optimization of machine learning algorithms"; Optuna's GPSampler.
public struct GPSampler: Sampler {
    /// Sobol trials before the model is used.
    public var startupTrials: Int
    /// Random starts of the hyperparameter fit screened besides the default one.
    public var restarts: Int
    /// The best screened starts refined by L-BFGS.
    public var refinedStarts: Int
    /// L-BFGS iterations per hyperparameter start.
    public var fitIterations: Int
    /// Random candidates for the acquisition function.
    public var candidates: Int
    /// Candidates refined by local search.
    public var localSearches: Int
    /// The share of a study's budget after which each suggestion polishes the incumbent: the
    /// best log EI in a trust region around it (`trustRegionSide(_:direction:start:initial:failureTolerance:)`).
    /// 1 or more turns the polish off; a study without a budget (ask and tell) never polishes.
    public var polishFraction: Double
    /// The trust region's side when the polish starts, in the unit cube.
    public var trustRegionSide: Double
    /// The polish's local model is fitted to the `polishNeighbours` + `polishNeighboursPerParameter` × d
    /// trials nearest the incumbent (d parameters) once the trust region has shrunk below its
    /// first side (`GPSampler+LocalModel`); 0 and 0 keep the global model throughout.
    public var polishNeighbours: Int
    /// The local model's neighbours per parameter (see `polishNeighbours`).
    public var polishNeighboursPerParameter: Int

    /// A GP sampler. Defaults are sized for about 10 ms per suggestion at 100 trials (release).
    public init(startupTrials: Int = 10, restarts: Int = 5, refinedStarts: Int = 1, fitIterations: Int = 30,
                candidates: Int = 512, localSearches: Int = 4, polishFraction: Double = 2.0 / 3,
                trustRegionSide: Double = 0.1, polishNeighbours: Int = 10, polishNeighboursPerParameter: Int = 6) {
        self.startupTrials = max(startupTrials, 0)
        self.restarts = max(restarts, 0)
        self.refinedStarts = max(refinedStarts, 1)
        self.fitIterations = max(fitIterations, 1)
        self.candidates = max(candidates, 1)
        self.localSearches = max(localSearches, 0)
        self.polishFraction = polishFraction
        self.trustRegionSide = min(max(trustRegionSide, 1e-7), 0.5)
        self.polishNeighbours = max(polishNeighbours, 0)
        self.polishNeighboursPerParameter = max(polishNeighboursPerParameter, 0)
    }

    /// The GP reads the history.
    public var usesHistory: Bool { true }

    /// The suggestion for `context.number`.
    public func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        let space = context.space
        let data = history(context)
        guard context.number >= startupTrials, space.count > 0,
              let model = model(data, space: space, &generator) else {
            return SobolSampler().suggest(context, using: &generator)
        }
        if let start = polishStart(budget: context.budget), context.number >= start {
            let side = Self.trustRegionSide(context.finished, direction: context.direction, start: start,
                                            initial: trustRegionSide, failureTolerance: 2)
            var region = model
            // Once the region has shrunk, the search is converging: a model of the nearby trials
            // alone resolves differences that the global one, scaled to every trial, cannot.
            if side < trustRegionSide,
               let local = localModel(data, global: model, space: space,
                                      neighbours: polishNeighbours + polishNeighboursPerParameter * space.count,
                                      &generator) {
                region = local
            }
            return parameters(polish(region, space: space, side: side, &generator), space: space)
        }
        let best = maximizeAcquisition(model, space: space, &generator)
        return parameters(best, space: space)
    }

    // MARK: Data

    /// A fitted GP with the best standardized score and the inputs of the best few trials.
    struct Model {
        let gp: GaussianProcess
        let bestScore: Double
        let observed: [[Double]]   // inputs of the best few trials
    }

    /// Inputs in [0, 1] (choices as indices) of a trial's parameters.
    private func input(_ p: TrialParameters, space: SearchSpace) -> [Double]? {
        var x: [Double] = []
        x.reserveCapacity(space.count)
        for parameter in space.parameters {
            guard let v = p[parameter.name] else { return nil }
            let d = parameter.distribution
            if d.isCategorical {
                guard let i = d.internalCoordinate(of: v) else { return nil }
                x.append(i)
            } else {
                guard let u = d.unit(of: v), let rounded = d.unit(of: d.value(atUnit: u)) else { return nil }
                x.append(rounded)
            }
        }
        return x
    }

    /// The visible trials as model data: inputs of the complete trials with their scores (to
    /// maximize), of the failed and pruned ones, and of the pending ones.
    struct History {
        var inputs: [[Double]] = []
        var scores: [Double] = []
        var bad: [[Double]] = []
        var pending: [[Double]] = []
    }

    /// The model data of the context's finished and pending trials.
    func history(_ context: SamplingContext) -> History {
        let space = context.space
        var h = History()
        for trial in context.finished {
            guard let x = input(trial.parameters, space: space) else { continue }
            if trial.state == .complete, let v = trial.value, v.isFinite {
                h.inputs.append(x)
                h.scores.append(-context.direction.loss(v))
            } else if trial.state != .running {
                h.bad.append(x)
            }
        }
        h.pending = context.pending.compactMap { input($0, space: space) }
        return h
    }

    /// A GP fitted to `data`: scores standardized and warped, failed trials at the worst score,
    /// pending ones at the posterior mean; nil with fewer than two scores or no fit.
    func model(_ data: History, space: SearchSpace, _ generator: inout SeededGenerator) -> Model? {
        var xs = data.inputs, scores = data.scores
        guard xs.count >= 2 else { return nil }
        let worst = scores.min() ?? 0
        for x in data.bad { xs.append(x); scores.append(worst) }
        let mean = scores.reduce(0, +) / Double(scores.count)
        let sd = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)).squareRoot()
        let standardized = scores.map { ($0 - mean) / max(sd, 1e-10) }
        let y = YeoJohnsonTransform(fittedTo: standardized).standardized(standardized)
        let d = space.count
        let categorical = space.parameters.map(\.distribution.isCategorical)
        let flat = xs.flatMap { $0 }
        guard let h = GaussianProcess.fitHyperparameters(
                inputs: flat, outputs: y, d: d, categorical: categorical,
                screened: restarts, refined: refinedStarts, maxIterations: fitIterations, using: &generator),
              var gp = GaussianProcess(inputs: flat, outputs: y, dimensions: d, categorical: categorical,
                                       hyperparameters: h) else { return nil }
        let bestScore = y.max() ?? 0
        // Kriging believer: pending points enter at their predicted mean.
        if !data.pending.isEmpty {
            var fx = flat, fy = y
            for x in data.pending {
                fx += x
                fy.append(gp.predict(x).mean)
            }
            if let believer = GaussianProcess(inputs: fx, outputs: fy, dimensions: d, categorical: categorical,
                                              hyperparameters: h) { gp = believer }
        }
        let order = y.indices.sorted { y[$0] != y[$1] ? y[$0] > y[$1] : $0 < $1 }
        return Model(gp: gp, bestScore: bestScore, observed: order.prefix(5).map { xs[$0] })
    }

    // MARK: Acquisition

    /// log EI at x and its gradient (numeric dimensions).
    private func logEI(_ model: Model, _ x: [Double], gradient: Bool) -> (Double, [Double]) {
        if !gradient {
            let (m, v) = model.gp.predict(x)
            let s = v.squareRoot()
            return (Foundation.log(s) + NormalMath.logH((m - model.bestScore) / s), [])
        }
        let (m, v, dm, dv) = model.gp.predictWithGradient(x)
        let s = v.squareRoot()
        let z = (m - model.bestScore) / s
        let value = Foundation.log(s) + NormalMath.logH(z)
        let r = NormalMath.dLogH(z)
        let g = (0..<x.count).map { j -> Double in
            let ds = dv[j] / (2 * s)
            return ds / s + r * (dm[j] * s - (m - model.bestScore) * ds) / (s * s)
        }
        return (value, g)
    }

    private func maximizeAcquisition(_ model: Model, space: SearchSpace, _ g: inout SeededGenerator) -> [Double] {
        let d = space.count
        let counts = space.parameters.map { $0.distribution.choiceCount ?? 0 }
        func randomPoint() -> [Double] {
            (0..<d).map { j in counts[j] > 0 ? Double(min(Int(g.nextUnit() * Double(counts[j])), counts[j] - 1)) : g.nextUnit() }
        }
        var pool: [([Double], Double)] = []
        pool.reserveCapacity(candidates + 64)
        for _ in 0..<candidates {
            let x = randomPoint()
            pool.append((x, logEI(model, x, gradient: false).0))
        }
        // Perturbations of the best trials explore their neighbourhoods, at three scales: the
        // widest finds the next basin, the finest polishes the best point late in a study.
        for base in model.observed {
            for k in 0..<12 {
                var x = base
                let scale = [0.05, 0.01, 0.002][k % 3]
                for j in 0..<d {
                    if counts[j] > 0 {
                        if g.nextUnit() < 0.2 { x[j] = Double(min(Int(g.nextUnit() * Double(counts[j])), counts[j] - 1)) }
                    } else {
                        x[j] = min(max(x[j] + scale * g.nextGaussian(), 0), 1)
                    }
                }
                pool.append((x, logEI(model, x, gradient: false).0))
            }
        }
        pool.sort { $0.1 > $1.1 }
        var best = pool[0]
        let numeric = (0..<d).filter { counts[$0] == 0 }
        let lower = [Double](repeating: 0, count: numeric.count), upper = [Double](repeating: 1, count: numeric.count)
        for start in pool.prefix(localSearches) where start.1.isFinite {
            var x = start.0
            var value = start.1
            if !numeric.isEmpty {
                let refined = refine(model, x, numeric: numeric, lower: lower, upper: upper, iterations: 30)
                if refined.value > value { (x, value) = refined }
            }
            for j in 0..<d where counts[j] > 1 {
                for c in 0..<counts[j] where Double(c) != x[j] {
                    var y = x
                    y[j] = Double(c)
                    let v = logEI(model, y, gradient: false).0
                    if v > value { x = y; value = v }
                }
            }
            if value > best.1 { best = (x, value) }
        }
        return best.0
    }

    /// The point of largest log EI in the trust region of side `side` around the incumbent
    /// (its numeric inputs; its choices stay): 256 random points of the region and the
    /// incumbent, the best 4 refined by projected L-BFGS within the region.
    func polish(_ model: Model, space: SearchSpace, side: Double, _ g: inout SeededGenerator) -> [Double] {
        let d = space.count
        let counts = space.parameters.map { $0.distribution.choiceCount ?? 0 }
        let center = model.observed[0]
        let numeric = (0..<d).filter { counts[$0] == 0 }
        guard !numeric.isEmpty else { return maximizeAcquisition(model, space: space, &g) }
        let lower = numeric.map { max(center[$0] - side / 2, 0) }
        let upper = numeric.map { min(center[$0] + side / 2, 1) }
        var pool: [([Double], Double)] = [(center, logEI(model, center, gradient: false).0)]
        for _ in 0..<256 {
            var x = center
            for (k, j) in numeric.enumerated() { x[j] = lower[k] + g.nextUnit() * (upper[k] - lower[k]) }
            pool.append((x, logEI(model, x, gradient: false).0))
        }
        pool.sort { $0.1 > $1.1 }
        var best = pool[0]
        for start in pool.prefix(4) where start.1.isFinite {
            let refined = refine(model, start.0, numeric: numeric, lower: lower, upper: upper, iterations: 50)
            if refined.value > best.1 { best = refined }
        }
        return best.0
    }

    /// `x` with its `numeric` inputs moved by projected L-BFGS (at most `iterations`) within
    /// [`lower`, `upper`] to a larger log EI, its other inputs kept; with that log EI.
    private func refine(_ model: Model, _ x: [Double], numeric: [Int], lower: [Double], upper: [Double],
                        iterations: Int) -> (x: [Double], value: Double) {
        var minimizer = LBFGSMinimizer()
        minimizer.maxIterations = iterations
        func full(_ z: [Double]) -> [Double] {
            var point = x
            for (k, j) in numeric.enumerated() { point[j] = z[k] }
            return point
        }
        let result = minimizer.minimize(from: numeric.map { x[$0] }, lower: lower, upper: upper) { z in
            let (v, grad) = logEI(model, full(z), gradient: true)
            return (-v, numeric.map { -grad[$0] })
        }
        return (full(result.x), -result.value)
    }

    func parameters(_ x: [Double], space: SearchSpace) -> TrialParameters {
        TrialParameters(zip(space.parameters, x).map { p, v in
            let d = p.distribution
            return (p.name, d.isCategorical ? d.value(atInternal: v) : d.value(atUnit: v))
        })
    }
}
