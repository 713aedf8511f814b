/// Limited-memory BFGS with box bounds by projection, for the small smooth problems of the
/// Gaussian-process sampler (kernel hyperparameters, acquisition refinement).
///
/// Nocedal & Wright, "Numerical Optimization" (2006), algorithm 7.4 (two-loop recursion),
/// with a projected backtracking (Armijo) line search. Non-finite function values count as
/// +∞ and shrink the step, so a failed evaluation never ends the search.
struct LBFGSMinimizer {
    /// Correction pairs kept.
    var memory = 8
    /// Iterations at most.
    var maxIterations = 50
    /// Stop when the projected gradient's largest component falls below this.
    var gradientTolerance = 1e-5
    /// Stop when an iteration improves f by less than this (relative).
    var relativeTolerance = 1e-9

    /// The minimizer found from `start` within `lower...upper` (per coordinate), and its value.
    func minimize(from start: [Double], lower: [Double], upper: [Double],
                  _ f: ([Double]) -> (value: Double, gradient: [Double])) -> (x: [Double], value: Double) {
        let n = start.count
        var x = zip(start, zip(lower, upper)).map { min(max($0, $1.0), $1.1) }
        var (fx, g) = f(x)
        guard fx.isFinite else { return (x, fx) }
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        for _ in 0..<maxIterations {
            // Projected gradient norm: stop at a stationary point of the box-constrained problem.
            var pg = 0.0
            for i in 0..<n {
                let moved = min(max(x[i] - g[i], lower[i]), upper[i]) - x[i]
                pg = max(pg, abs(moved))
            }
            if pg < gradientTolerance { break }

            // Two-loop recursion for d = −H g.
            var q = g
            var alphas = [Double](repeating: 0, count: s.count)
            for k in stride(from: s.count - 1, through: 0, by: -1) {
                alphas[k] = rho[k] * dot(s[k], q)
                for i in 0..<n { q[i] -= alphas[k] * y[k][i] }
            }
            if let last = s.indices.last {
                let gamma = dot(s[last], y[last]) / max(dot(y[last], y[last]), 1e-300)
                for i in 0..<n { q[i] *= gamma }
            }
            for k in 0..<s.count {
                let beta = rho[k] * dot(y[k], q)
                for i in 0..<n { q[i] += s[k][i] * (alphas[k] - beta) }
            }
            var d = q.map { -$0 }
            // Variables at a bound whose direction leaves the box are frozen.
            for i in 0..<n where (x[i] <= lower[i] && d[i] < 0) || (x[i] >= upper[i] && d[i] > 0) { d[i] = 0 }
            if dot(d, g) >= 0 {
                s.removeAll(); y.removeAll(); rho.removeAll()
                d = g.map { -$0 }
                for i in 0..<n where (x[i] <= lower[i] && d[i] < 0) || (x[i] >= upper[i] && d[i] > 0) { d[i] = 0 }
            }
            if s.isEmpty {
                // First step: scale to move at most 1 (in the problem's units) along the largest coordinate.
                let largest = d.map(abs).max() ?? 0
                if largest > 1 { d = d.map { $0 / largest } }
            }

            // Projected backtracking line search.
            var t = 1.0
            var accepted: ([Double], Double, [Double])?
            for _ in 0..<30 {
                let trial = (0..<n).map { min(max(x[$0] + t * d[$0], lower[$0]), upper[$0]) }
                let (ft, gt) = f(trial)
                let decrease = zip(g, zip(trial, x)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
                if ft.isFinite && ft <= fx + 1e-4 * decrease {
                    accepted = (trial, ft, gt)
                    break
                }
                t *= 0.5
            }
            guard let (newX, newF, newG) = accepted else { break }
            let sk = zip(newX, x).map { $0 - $1 }
            let yk = zip(newG, g).map { $0 - $1 }
            let sy = dot(sk, yk)
            if sy > 1e-12 {
                s.append(sk); y.append(yk); rho.append(1 / sy)
                if s.count > memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
            }
            let improvement = fx - newF
            x = newX; fx = newF; g = newG
            if improvement <= relativeTolerance * max(abs(fx), 1) { break }
        }
        return (x, fx)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var total = 0.0
        for i in a.indices { total += a[i] * b[i] }
        return total
    }
}
