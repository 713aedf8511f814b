import Foundation

/// Fitting the kernel hyperparameters by maximizing the log marginal likelihood plus a weak
/// log prior (maximum a posteriori), with analytic gradients, by L-BFGS in log-parameter
/// space from the best of several screened starts.
///
/// Priors as Optuna's GPSampler: −(0.1/λ + 0.1·λ) on each inverse squared lengthscale (mode
/// at λ = 1), Gamma(2, 1) on the scale, Gamma(1.1, 30) on the noise variance, which is at
/// least `minimumNoise` (1e-8: Optuna's 1e-6 limited the final precision near an optimum).
extension GaussianProcess {
    static let minimumNoise = 1e-8

    /// Parameters θ = (log λ₁…λ_d, log s, log(noise − minimumNoise)).
    static func hyperparameters(_ theta: [Double], d: Int) -> Hyperparameters {
        Hyperparameters(inverseSquaredLengthscales: theta[0..<d].map { exp($0) },
                        scale: exp(theta[d]), noise: minimumNoise + exp(theta[d + 1]))
    }

    /// The negative log posterior of θ and (when `withGradient`) its gradient; +∞ if the
    /// kernel cannot be factored.
    static func negativeLogPosterior(_ theta: [Double], inputs: [Double], outputs: [Double], d: Int,
                                     categorical: [Bool], delta2: [Double],
                                     withGradient: Bool = true) -> (value: Double, gradient: [Double]) {
        let n = outputs.count
        let h = hyperparameters(theta, d: d)
        let lambda = h.inverseSquaredLengthscales
        // Kernel matrix, and per pair (a > b, in pair order) the Matérn derivative.
        var k = [Double](repeating: 0, count: n * n)
        var dm = [Double](repeating: 0, count: withGradient ? n * (n - 1) / 2 : 0)
        k.withUnsafeMutableBufferPointer { K in
            dm.withUnsafeMutableBufferPointer { DM in
                delta2.withUnsafeBufferPointer { D in
                    var p = 0
                    for a in 0..<n {
                        K[a * n + a] = h.scale + h.noise
                        for b in 0..<a {
                            var r2 = 0.0
                            for j in 0..<d { r2 += lambda[j] * D[p * d + j] }
                            let r = (5 * r2).squareRoot()
                            let e = h.scale * exp(-r)
                            let v = (1 + r + r * r / 3) * e
                            K[a * n + b] = v
                            K[b * n + a] = v
                            if withGradient { DM[p] = -5.0 / 6.0 * (1 + r) * e }
                            p += 1
                        }
                    }
                }
            }
        }
        let failure = (Double.infinity, [Double](repeating: 0, count: d + 2))
        guard let factor = CholeskyFactor(k, n: n) else { return failure }
        let alpha = factor.solve(outputs)
        var fit = 0.0
        for i in 0..<n { fit += outputs[i] * alpha[i] }
        let logLikelihood = -0.5 * fit - factor.halfLogDeterminant - 0.5 * Double(n) * Foundation.log(2 * Double.pi)
        guard logLikelihood.isFinite else { return failure }

        var logPrior = 0.0
        for j in 0..<d { logPrior -= 0.1 / lambda[j] + 0.1 * lambda[j] }
        logPrior += Foundation.log(h.scale) - h.scale
        logPrior += 0.1 * Foundation.log(h.noise) - 30 * h.noise
        guard withGradient else { return (-(logLikelihood + logPrior), []) }

        // W = ααᵀ − K⁻¹; gradient ½ tr(W ∂K/∂θ).
        let inv = factor.inverse()
        var gradient = [Double](repeating: 0, count: d + 2)
        var traceW = 0.0
        var scaleTerm = 0.0
        inv.withUnsafeBufferPointer { I in
            k.withUnsafeBufferPointer { K in
                dm.withUnsafeBufferPointer { DM in
                    delta2.withUnsafeBufferPointer { D in
                        gradient.withUnsafeMutableBufferPointer { G in
                            var p = 0
                            for a in 0..<n {
                                let waa = alpha[a] * alpha[a] - I[a * n + a]
                                traceW += waa
                                scaleTerm += waa * h.scale
                                for b in 0..<a {
                                    let w = 2 * (alpha[a] * alpha[b] - I[a * n + b])   // both triangles
                                    scaleTerm += w * K[a * n + b]
                                    let wd = w * DM[p]
                                    for j in 0..<d { G[j] += wd * D[p * d + j] }
                                    p += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        for j in 0..<d { gradient[j] *= 0.5 * lambda[j] }
        gradient[d] = 0.5 * scaleTerm
        gradient[d + 1] = 0.5 * traceW * exp(theta[d + 1])
        for j in 0..<d { gradient[j] += 0.1 / lambda[j] - 0.1 * lambda[j] }
        gradient[d] += 1 - h.scale
        gradient[d + 1] += (0.1 / h.noise - 30) * exp(theta[d + 1])
        return (-(logLikelihood + logPrior), gradient.map { -$0 })
    }

    /// The squared differences of every pair (a > b), per dimension, in pair order.
    static func pairDifferences(_ x: [Double], n: Int, d: Int, categorical: [Bool]) -> [Double] {
        var out = [Double](repeating: 0, count: n * (n - 1) / 2 * d)
        var p = 0
        for a in 0..<n {
            for b in 0..<a {
                for j in 0..<d { out[p * d + j] = delta2(x[a * d + j], x[b * d + j], categorical: categorical[j]) }
                p += 1
            }
        }
        return out
    }

    /// The MAP hyperparameters for standardized `outputs`: the default start and `screened`
    /// random starts are scored by the posterior, and the best `refined` of them are improved
    /// by L-BFGS; nil if no start gives a finite posterior.
    static func fitHyperparameters(inputs: [Double], outputs: [Double], d: Int, categorical: [Bool],
                                   screened: Int, refined: Int, maxIterations: Int,
                                   using generator: inout SeededGenerator) -> Hyperparameters? {
        let n = outputs.count
        let delta2 = pairDifferences(inputs, n: n, d: d, categorical: categorical)
        let lower = [Double](repeating: log(1e-3), count: d) + [log(1e-2), log(1e-8)]
        let upper = [Double](repeating: log(1e4), count: d) + [log(1e2), log(1.0)]
        var starts = [[Double](repeating: 0, count: d) + [0, log(1e-2)]]
        for _ in 0..<max(screened, 0) {
            starts.append((0..<d).map { _ in log(0.1) + generator.nextUnit() * (log(30.0) - log(0.1)) }
                          + [log(0.3) + generator.nextUnit() * log(10.0), log(1e-4) + generator.nextUnit() * log(100.0)])
        }
        let scored = starts.map { start in
            (start, negativeLogPosterior(start, inputs: inputs, outputs: outputs, d: d, categorical: categorical,
                                         delta2: delta2, withGradient: false).value)
        }
        let ranked = scored.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 < $1.element.1 : $0.offset < $1.offset }
        var minimizer = LBFGSMinimizer()
        minimizer.maxIterations = maxIterations
        minimizer.relativeTolerance = 1e-7
        var best: (x: [Double], value: Double)?
        for candidate in ranked.prefix(max(refined, 1)) where candidate.element.1.isFinite {
            let result = minimizer.minimize(from: candidate.element.0, lower: lower, upper: upper) { theta in
                negativeLogPosterior(theta, inputs: inputs, outputs: outputs, d: d, categorical: categorical, delta2: delta2)
            }
            if result.value.isFinite, result.value < (best?.value ?? .infinity) { best = result }
        }
        return best.map { hyperparameters($0.x, d: d) }
    }
}
