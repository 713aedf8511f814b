import Foundation

/// A weighted mixture of product kernels over the internal coordinates of a search space:
/// the l(x) and g(x) of TPE, built as Optuna's multivariate `_ParzenEstimator` does.
///
/// Numeric parameters use truncated normal kernels on the internal line (log space for log
/// scales, integers widened by ½), with one bandwidth per parameter (Scott-like rule
/// 0.2·n^(−1/(d+4))·range, clipped by the "magic clip" to [range/min(100, n+2), range]);
/// choices use Optuna's categorical kernel (each observation puts mass 1 + w/(n+1) on its
/// own choice and w/(n+1) on every choice, normalized). A prior component (centre of the
/// range, bandwidth the whole range; uniform over choices) has weight `priorWeight`.
struct ParzenEstimator {
    /// One parameter of the space as the estimator sees it.
    enum Axis {
        case numeric(low: Double, high: Double)
        case categorical(count: Int)
    }

    let axes: [Axis]
    let componentCount: Int
    /// Normalized log weights, per component.
    private let logWeights: [Double]
    private let cumulativeWeights: [Double]
    /// Per component, per axis (flat [k * d + j]): numeric centre, 1/σ, log normalizer.
    private let mus: [Double]
    private let inverseSigmas: [Double]
    private let logNorms: [Double]
    private let sigmas: [Double]
    /// Per categorical axis j: log probabilities [k * count + c].
    private let categoricalLogProbs: [[Double]]

    /// An estimator over the observations `rows` of `coordinates` (row-major internal
    /// coordinates, one row per observation, `axes.count` columns).
    init(rows: [Int], coordinates: [Double], weights: [Double], axes: [Axis], priorWeight: Double,
         bandwidth: Double = 0.2) {
        self.axes = axes
        let n = rows.count
        let d = axes.count
        let k = n + 1
        componentCount = k
        var w = weights + [priorWeight]
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        logWeights = w.map { $0 > 0 ? Foundation.log($0) : -Double.infinity }
        var running = 0.0
        cumulativeWeights = w.map { running += $0; return running }

        var mus = [Double](repeating: 0, count: k * d)
        var inverseSigmas = [Double](repeating: 1, count: k * d)
        var logNorms = [Double](repeating: 0, count: k * d)
        var sigmas = [Double](repeating: 1, count: k * d)
        var categorical: [[Double]] = Array(repeating: [], count: d)
        for (j, axis) in axes.enumerated() {
            switch axis {
            case let .numeric(low, high):
                let range = high - low
                let scott = bandwidth * pow(Double(max(n, 1)), -1.0 / Double(d + 4)) * range
                let sigma = min(max(scott, range / min(100, Double(n) + 2)), range)
                let logSigma = Foundation.log(sigma), logRange = Foundation.log(range)
                for i in 0..<k {
                    let mu = i < n ? coordinates[rows[i] * d + j] : 0.5 * (low + high)
                    let s = i < n ? sigma : range
                    // Φ beyond 8σ is 1 (or 0) to double precision: skip those erfc calls.
                    let upperTail = (high - mu) / s, lowerTail = (low - mu) / s
                    let z = (upperTail > 8 ? 1 : NormalMath.cdf(upperTail)) - (lowerTail < -8 ? 0 : NormalMath.cdf(lowerTail))
                    mus[i * d + j] = mu
                    sigmas[i * d + j] = s
                    inverseSigmas[i * d + j] = 1 / s
                    let logZ = z >= 1 ? 0 : Foundation.log(max(z, 1e-300))
                    logNorms[i * d + j] = -(i < n ? logSigma : logRange) - NormalMath.logSqrt2Pi - logZ
                }
            case .categorical(let count):
                var table = [Double](repeating: 0, count: k * count)
                let base = priorWeight / Double(k)
                for i in 0..<k {
                    let own = i < n ? Int(coordinates[rows[i] * d + j]) : -1
                    let rowTotal = base * Double(count) + (own >= 0 ? 1 : 0)
                    for c in 0..<count {
                        let mass = base + (c == own ? 1 : 0)
                        table[i * count + c] = Foundation.log(mass / rowTotal)
                    }
                }
                categorical[j] = table
            }
        }
        self.mus = mus
        self.inverseSigmas = inverseSigmas
        self.logNorms = logNorms
        self.sigmas = sigmas
        categoricalLogProbs = categorical
    }

    /// A draw from the mixture (internal coordinates; choices as indices).
    func sample(using g: inout SeededGenerator) -> [Double] {
        let u = g.nextUnit()
        var lo = 0, hi = componentCount - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeWeights[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        let i = lo
        let d = axes.count
        return axes.enumerated().map { j, axis in
            switch axis {
            case let .numeric(low, high):
                let mu = mus[i * d + j], s = sigmas[i * d + j]
                for _ in 0..<64 {
                    let x = mu + s * g.nextGaussian()
                    if x >= low && x <= high { return x }
                }
                return min(max(mu, low), high)
            case .categorical(let count):
                let v = g.nextUnit()
                var acc = 0.0
                for c in 0..<count {
                    acc += exp(categoricalLogProbs[j][i * count + c])
                    if v < acc { return Double(c) }
                }
                return Double(count - 1)
            }
        }
    }

    /// log of the mixture density at each point of `points`.
    ///
    /// - Complexity: O(points × components × parameters).
    func logDensities(_ points: [[Double]]) -> [Double] {
        let d = axes.count
        let m = points.count
        let k = componentCount
        // terms[c * k + i]: log weight + log kernel of component i at point c.
        var terms = [Double](repeating: 0, count: m * k)
        terms.withUnsafeMutableBufferPointer { T in
            for c in 0..<m { for i in 0..<k { T[c * k + i] = logWeights[i] } }
            for (j, axis) in axes.enumerated() {
                switch axis {
                case .numeric:
                    mus.withUnsafeBufferPointer { mu in
                        inverseSigmas.withUnsafeBufferPointer { inv in
                            logNorms.withUnsafeBufferPointer { norm in
                                for c in 0..<m {
                                    let x = points[c][j]
                                    let row = c * k
                                    for i in 0..<k {
                                        let z = (x - mu[i * d + j]) * inv[i * d + j]
                                        T[row + i] += norm[i * d + j] - 0.5 * z * z
                                    }
                                }
                            }
                        }
                    }
                case .categorical(let count):
                    categoricalLogProbs[j].withUnsafeBufferPointer { table in
                        for c in 0..<m {
                            let choice = Int(points[c][j])
                            let row = c * k
                            for i in 0..<k { T[row + i] += table[i * count + choice] }
                        }
                    }
                }
            }
        }
        return (0..<m).map { c in
            var maxTerm = -Double.infinity
            for i in 0..<k where terms[c * k + i] > maxTerm { maxTerm = terms[c * k + i] }
            guard maxTerm > -Double.infinity else { return -Double.infinity }
            // Terms 40 below the largest add less than e⁻⁴⁰ each: skip their exp.
            var sum = 0.0
            let cutoff = maxTerm - 40
            for i in 0..<k where terms[c * k + i] > cutoff { sum += exp(terms[c * k + i] - maxTerm) }
            return maxTerm + Foundation.log(sum)
        }
    }
}
