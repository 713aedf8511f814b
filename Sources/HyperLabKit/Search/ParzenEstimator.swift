import Foundation

/// A weighted mixture of product kernels over the internal coordinates of a search space:
/// the l(x) and g(x) of TPE, built as Optuna 5's multivariate `_ParzenEstimator` does.
///
/// Numeric parameters use truncated normal kernels on the internal line (log space for log
/// scales, integers widened by ½). Each observation's width on an axis is the larger distance
/// to its two neighbours there (for the lowest and highest, the distance to their one
/// neighbour; a lone observation measures to the bounds), clipped to
/// [range·max(0.01, (n+2)^−α), range] — Optuna's "magic clip" when α = 1, narrower floors in
/// few dimensions (see `clipExponent`). Choices use Optuna's categorical kernel (each
/// observation puts mass 1 + w/(n+1) on its own choice and w/(n+1) on every choice,
/// normalized). A prior component (centre of the range, width the whole range; uniform over
/// choices) has weight `priorWeight`.
///
/// Storage is by axis (`[j * components + i]`) so the density loops run over contiguous memory.
struct ParzenEstimator {
    /// One parameter of the space as the estimator sees it.
    enum Axis {
        case numeric(low: Double, high: Double)
        case categorical(count: Int)
    }

    let axes: [Axis]
    let componentCount: Int
    private let cumulativeWeights: [Double]
    /// Per axis, per component (flat [j * k + i]): the log kernel as a quadratic a·x² + b·x in
    /// the point's coordinate x (the centre is −b/2a and the width √(−1/2a)).
    private let quadratic: [Double]
    private let linear: [Double]
    /// Per component: log weight plus the constant terms of every numeric axis's log kernel.
    private let constants: [Double]
    /// Per categorical axis j: log probabilities of choice c under component i, [c * k + i].
    private let categoricalLogProbs: [[Double]]

    /// The exponent α of the lower clip range·(n+2)^−α for a space of `dimensions` parameters:
    /// max(1, ½ + 3/d) — 2 for two parameters, 1.25 for four, Optuna's 1 from six on. A narrow
    /// floor lets l concentrate where few parameters make that safe; in more dimensions it made
    /// TPE settle in the wrong basin (Hartmann-6), so the floor stays Optuna's there.
    static func clipExponent(dimensions: Int) -> Double { max(1, 0.5 + 3 / Double(max(dimensions, 1))) }

    /// An estimator over the observations `rows` of `coordinates` (row-major internal
    /// coordinates, one row per observation, `axes.count` columns), with one weight per row.
    init(rows: [Int], coordinates: [Double], weights: [Double], axes: [Axis], priorWeight: Double,
         clipExponent: Double = 1) {
        self.axes = axes
        let n = rows.count
        let d = axes.count
        let k = n + 1
        componentCount = k
        var w = weights + [priorWeight]
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        let logWeights = w.map { $0 > 0 ? Foundation.log($0) : -Double.infinity }
        var running = 0.0
        cumulativeWeights = w.map { running += $0; return running }

        var quadratic = [Double](repeating: 0, count: k * d)
        var linear = [Double](repeating: 0, count: k * d)
        var constants = logWeights
        var categorical: [[Double]] = Array(repeating: [], count: d)
        for (j, axis) in axes.enumerated() {
            switch axis {
            case let .numeric(low, high):
                let range = high - low
                let observed = rows.map { coordinates[$0 * d + j] }
                let widths = ParzenEstimator.bandwidths(observed, low: low, high: high, clipExponent: clipExponent)
                // Most widths sit at the clip once there are many observations: reuse its log.
                let floor = ParzenEstimator.minimumWidth(range: range, count: n, clipExponent: clipExponent)
                let logFloor = Foundation.log(floor)
                for i in 0..<k {
                    let mu = i < n ? observed[i] : 0.5 * (low + high)
                    let s = i < n ? widths[i] : range
                    // Φ beyond 8σ is 1 (or 0) to double precision: skip those erfc calls.
                    let upperTail = (high - mu) / s, lowerTail = (low - mu) / s
                    let z = (upperTail > 8 ? 1 : NormalMath.cdf(upperTail)) - (lowerTail < -8 ? 0 : NormalMath.cdf(lowerTail))
                    let logZ = z >= 1 ? 0 : Foundation.log(max(z, 1e-300))
                    let logNorm = -(s == floor ? logFloor : Foundation.log(s)) - NormalMath.logSqrt2Pi - logZ
                    // log N(x; μ, s) = logNorm − (x − μ)²/(2s²) = a·x² + b·x + (logNorm − μ²/(2s²)).
                    let a = -0.5 / (s * s)
                    quadratic[j * k + i] = a
                    linear[j * k + i] = -2 * a * mu
                    constants[i] += logNorm + a * mu * mu
                }
            case .categorical(let count):
                var table = [Double](repeating: 0, count: k * count)
                let base = priorWeight / Double(k)
                for i in 0..<k {
                    let own = i < n ? Int(coordinates[rows[i] * d + j]) : -1
                    let rowTotal = base * Double(count) + (own >= 0 ? 1 : 0)
                    for c in 0..<count {
                        let mass = base + (c == own ? 1 : 0)
                        table[c * k + i] = Foundation.log(mass / rowTotal)
                    }
                }
                categorical[j] = table
            }
        }
        self.quadratic = quadratic
        self.linear = linear
        self.constants = constants
        categoricalLogProbs = categorical
    }

    /// The lower clip of kernel widths for `count` observations on an axis of length `range`.
    static func minimumWidth(range: Double, count: Int, clipExponent: Double) -> Double {
        range * max(0.01, pow(Double(count) + 2, -clipExponent))
    }

    /// The kernel widths of observations `observed` on the axis [low, high]: the larger
    /// distance to the two neighbours (the lowest and highest observations use their one
    /// neighbour; a lone observation the farther bound), clipped to
    /// [range·max(0.01, (n+2)^−clipExponent), range].
    ///
    /// - Complexity: O(n log n).
    static func bandwidths(_ observed: [Double], low: Double, high: Double, clipExponent: Double) -> [Double] {
        let n = observed.count
        let range = high - low
        let minimum = minimumWidth(range: range, count: n, clipExponent: clipExponent)
        func clip(_ s: Double) -> Double { min(max(s, minimum), range) }
        guard n > 1 else { return observed.map { clip(max($0 - low, high - $0)) } }
        // Sort 64-bit keys: the value's bits in an order-preserving form with the lowest bits
        // replaced by the index (ties, and values equal to ~10⁻¹² relative, go in index order).
        // Far faster than sorting indices through a comparison closure.
        let indexBits = UInt64(Int.bitWidth - (n - 1).leadingZeroBitCount)
        let indexMask: UInt64 = (1 << indexBits) - 1
        var keys = observed.enumerated().map { i, x -> UInt64 in
            let bits = x.bitPattern
            let ordered = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
            return (ordered & ~indexMask) | UInt64(i)
        }
        ParzenEstimator.radixSort(&keys)
        var result = [Double](repeating: 0, count: n)
        for r in 0..<n {
            let i = Int(keys[r] & indexMask)
            let x = observed[i]
            let left = r > 0 ? x - observed[Int(keys[r - 1] & indexMask)] : 0
            let right = r < n - 1 ? observed[Int(keys[r + 1] & indexMask)] - x : 0
            result[i] = clip(max(left, right))
        }
        return result
    }

    /// Sorts `keys` ascending: least-significant-digit radix sort on bytes, skipping bytes
    /// that all keys share (most of them, for values on one axis).
    /// - Complexity: O(n) per distinct byte position, at most 8.
    static func radixSort(_ keys: inout [UInt64]) {
        let n = keys.count
        guard n > 1 else { return }
        let first = keys[0]
        var differing: UInt64 = 0
        for key in keys { differing |= key ^ first }
        var buffer = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256)
        for byte in 0..<8 where (differing >> UInt64(byte * 8)) & 0xFF != 0 {
            let shift = UInt64(byte * 8)
            // Through buffer pointers: no bounds check per key (issue 16: -Ounchecked had hidden them).
            counts.withUnsafeMutableBufferPointer { counts in
                keys.withUnsafeBufferPointer { keys in
                    buffer.withUnsafeMutableBufferPointer { buffer in
                        for i in 0..<256 { counts[i] = 0 }
                        for key in keys { counts[Int(truncatingIfNeeded: (key >> shift) & 0xFF)] &+= 1 }
                        var total = 0
                        for i in 0..<256 {
                            let c = counts[i]
                            counts[i] = total
                            total &+= c
                        }
                        for key in keys {
                            let digit = Int(truncatingIfNeeded: (key >> shift) & 0xFF)
                            buffer[counts[digit]] = key
                            counts[digit] &+= 1
                        }
                    }
                }
            }
            swap(&keys, &buffer)
        }
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
        let k = componentCount
        return axes.enumerated().map { j, axis in
            switch axis {
            case let .numeric(low, high):
                let a = quadratic[j * k + i]
                let mu = linear[j * k + i] / (-2 * a), s = (-0.5 / a).squareRoot()
                for _ in 0..<64 {
                    let x = mu + s * g.nextGaussian()
                    if x >= low && x <= high { return x }
                }
                return min(max(mu, low), high)
            case .categorical(let count):
                let v = g.nextUnit()
                var acc = 0.0
                for c in 0..<count {
                    acc += exp(categoricalLogProbs[j][c * k + i])
                    if v < acc { return Double(c) }
                }
                return Double(count - 1)
            }
        }
    }

    /// log of the mixture density at each point of `points`.
    ///
    /// One point at a time: its k component terms are summed over the axes in a buffer that
    /// stays in cache, then reduced by log-sum-exp.
    /// - Complexity: O(points × components × parameters).
    func logDensities(_ points: [[Double]]) -> [Double] {
        let k = componentCount
        var row = [Double](repeating: 0, count: k)
        return points.map { point in
            row.withUnsafeMutableBufferPointer { T in
                constants.withUnsafeBufferPointer { c in
                    for i in 0..<k { T[i] = c[i] }
                }
                for (j, axis) in axes.enumerated() {
                    switch axis {
                    case .numeric:
                        let x = point[j], xx = point[j] * point[j]
                        let axisTerms = j * k..<(j + 1) * k
                        // Rebased to the axis's k terms, so the loop indexes with i alone: an
                        // `offset + i` is an overflow check per term that keeps the loop from
                        // vectorizing (issue 16: -Ounchecked had hidden it).
                        quadratic.withUnsafeBufferPointer { whole in
                            linear.withUnsafeBufferPointer { wholeLinear in
                                let a = UnsafeBufferPointer(rebasing: whole[axisTerms])
                                let b = UnsafeBufferPointer(rebasing: wholeLinear[axisTerms])
                                for i in 0..<k { T[i] += a[i] * xx + b[i] * x }
                            }
                        }
                    case .categorical:
                        let choiceTerms = Int(point[j]) * k..<(Int(point[j]) + 1) * k
                        categoricalLogProbs[j].withUnsafeBufferPointer { whole in
                            let table = UnsafeBufferPointer(rebasing: whole[choiceTerms])
                            for i in 0..<k { T[i] += table[i] }
                        }
                    }
                }
                let maxTerm = ParzenEstimator.maximum(UnsafeBufferPointer(T))
                guard maxTerm > -Double.infinity else { return -Double.infinity }
                // Terms 40 below the largest add less than e⁻⁴⁰ each: skip their exp.
                var sum = 0.0
                let cutoff = maxTerm - 40
                for i in 0..<k where T[i] > cutoff { sum += exp(T[i] - maxTerm) }
                return maxTerm + Foundation.log(sum)
            }
        }
    }

    /// The largest of `values` (−∞ when empty), four lanes at a time: a running `Swift.max`
    /// is one long dependency chain the compiler cannot reorder, and it took half the time of
    /// `logDensities`.
    static func maximum(_ values: UnsafeBufferPointer<Double>) -> Double {
        let n = values.count
        var lanes = SIMD4<Double>(repeating: -.infinity)
        var i = 0
        // Wrapping arithmetic: i + 4 ≤ n, so nothing wraps, and no overflow check is left in the loop.
        while i &+ 4 <= n {
            lanes = pointwiseMax(lanes, SIMD4(values[i], values[i &+ 1], values[i &+ 2], values[i &+ 3]))
            i &+= 4
        }
        var result = lanes.max()
        while i < n {
            result = Swift.max(result, values[i])
            i += 1
        }
        return result
    }
}
