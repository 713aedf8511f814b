import Foundation

/// The Cholesky factor L (lower triangular, row-major, n × n) of a symmetric positive
/// definite matrix, with jitter escalation: when a pivot is not positive, a growing multiple
/// of the mean diagonal (1e-10, 1e-9, ... up to 1e-1) is added and the factorization
/// retried; it gives up (returns nil) instead of crashing on hopeless input (NaN).
struct CholeskyFactor {
    let n: Int
    /// L, row-major; the upper triangle is zero.
    private(set) var lower: [Double]
    /// The jitter that was added to the diagonal (0 if none was needed).
    let jitter: Double

    /// Factors the n × n row-major `matrix`.
    init?(_ matrix: [Double], n: Int) {
        self.n = n
        guard n > 0 else { lower = []; jitter = 0; return }
        var meanDiagonal = 0.0
        for i in 0..<n { meanDiagonal += matrix[i * n + i] }
        meanDiagonal = abs(meanDiagonal / Double(n))
        guard meanDiagonal.isFinite else { return nil }
        if meanDiagonal == 0 { meanDiagonal = 1 }
        var jitter = 0.0
        for attempt in 0..<11 {
            if let l = CholeskyFactor.factor(matrix, n: n, jitter: jitter) {
                lower = l
                self.jitter = jitter
                return
            }
            jitter = meanDiagonal * pow(10, Double(attempt) - 10)
        }
        return nil
    }

    private static func factor(_ a: [Double], n: Int, jitter: Double) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        let ok = l.withUnsafeMutableBufferPointer { L -> Bool in
            a.withUnsafeBufferPointer { A -> Bool in
                guard let l = L.baseAddress else { return true }
                for j in 0..<n {
                    let d = A[j * n + j] + jitter - dotProduct(l + j * n, l + j * n, j)
                    guard d > 0, d.isFinite else { return false }
                    let ljj = d.squareRoot()
                    L[j * n + j] = ljj
                    let inv = 1 / ljj
                    for i in (j + 1)..<max(n, j + 1) {
                        L[i * n + j] = (A[i * n + j] - dotProduct(l + i * n, l + j * n, j)) * inv
                    }
                }
                return true
            }
        }
        return ok ? l : nil
    }

    /// Solves L z = b.
    func solveLower(_ b: [Double]) -> [Double] {
        var z = b
        lower.withUnsafeBufferPointer { L in
            z.withUnsafeMutableBufferPointer { Z in
                for i in 0..<n {
                    // Row i of L from its start, indexed by k alone: no overflow check per term.
                    let row = UnsafeBufferPointer(rebasing: L[i * n..<(i + 1) * n])
                    var s = Z[i]
                    for k in 0..<i { s -= row[k] * Z[k] }
                    Z[i] = s / row[i]
                }
            }
        }
        return z
    }

    /// Solves Lᵀ x = z.
    func solveUpper(_ z: [Double]) -> [Double] {
        var x = z
        lower.withUnsafeBufferPointer { L in
            x.withUnsafeMutableBufferPointer { X in
                for i in stride(from: n - 1, through: 0, by: -1) {
                    let row = UnsafeBufferPointer(rebasing: L[i * n..<(i + 1) * n])
                    let xi = X[i] / row[i]
                    X[i] = xi
                    for k in 0..<i { X[k] -= row[k] * xi }
                }
            }
        }
        return x
    }

    /// Solves (L Lᵀ) x = b.
    func solve(_ b: [Double]) -> [Double] { solveUpper(solveLower(b)) }

    /// Σ log Lᵢᵢ = ½ log det(L Lᵀ).
    var halfLogDeterminant: Double {
        var s = 0.0
        for i in 0..<n { s += Foundation.log(lower[i * n + i]) }
        return s
    }

    /// (L Lᵀ)⁻¹, row-major.
    ///
    /// With M = L⁻¹ kept transposed (U = Mᵀ, upper, row-major), both steps are dot products of
    /// contiguous rows: U[j][i] = −(Σₖ L[i][k]·U[j][k]) / L[i][i] for j ≤ k < i, and
    /// K⁻¹[a][b] = Σₖ U[a][k]·U[b][k] over k ≥ max(a, b).
    func inverse() -> [Double] {
        var u = [Double](repeating: 0, count: n * n)
        lower.withUnsafeBufferPointer { L in
            u.withUnsafeMutableBufferPointer { U in
                guard let l = L.baseAddress, let u = U.baseAddress else { return }
                for i in 0..<n {
                    let lii = L[i * n + i]
                    U[i * n + i] = 1 / lii
                    for j in 0..<i {
                        U[j * n + i] = -dotProduct(l + i * n + j, u + j * n + j, i - j) / lii
                    }
                }
            }
        }
        var inv = [Double](repeating: 0, count: n * n)
        u.withUnsafeBufferPointer { U in
            inv.withUnsafeMutableBufferPointer { I in
                guard let u = U.baseAddress else { return }
                for a in 0..<n {
                    for b in 0...a {
                        let s = dotProduct(u + a * n + a, u + b * n + a, n - a)
                        I[a * n + b] = s
                        I[b * n + a] = s
                    }
                }
            }
        }
        return inv
    }
}
