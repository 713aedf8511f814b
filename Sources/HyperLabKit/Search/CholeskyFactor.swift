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
                for j in 0..<n {
                    var d = A[j * n + j] + jitter
                    for k in 0..<j { d -= L[j * n + k] * L[j * n + k] }
                    guard d > 0, d.isFinite else { return false }
                    let ljj = d.squareRoot()
                    L[j * n + j] = ljj
                    let inv = 1 / ljj
                    for i in (j + 1)..<max(n, j + 1) {
                        var s = A[i * n + j]
                        for k in 0..<j { s -= L[i * n + k] * L[j * n + k] }
                        L[i * n + j] = s * inv
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
                    var s = Z[i]
                    for k in 0..<i { s -= L[i * n + k] * Z[k] }
                    Z[i] = s / L[i * n + i]
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
                    let xi = X[i] / L[i * n + i]
                    X[i] = xi
                    for k in 0..<i { X[k] -= L[i * n + k] * xi }
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
    func inverse() -> [Double] {
        // M = L⁻¹ (lower), then K⁻¹ = Mᵀ M.
        var m = [Double](repeating: 0, count: n * n)
        lower.withUnsafeBufferPointer { L in
            m.withUnsafeMutableBufferPointer { M in
                for i in 0..<n {
                    M[i * n + i] = 1 / L[i * n + i]
                    for j in 0..<i {
                        var s = 0.0
                        for k in j..<i { s -= L[i * n + k] * M[k * n + j] }
                        M[i * n + j] = s / L[i * n + i]
                    }
                }
            }
        }
        var inv = [Double](repeating: 0, count: n * n)
        m.withUnsafeBufferPointer { M in
            inv.withUnsafeMutableBufferPointer { I in
                for k in 0..<n {
                    let row = k * n
                    for a in 0...k {
                        let mka = M[row + a]
                        if mka == 0 { continue }
                        for b in 0...a { I[a * n + b] += mka * M[row + b] }
                    }
                }
                for a in 0..<n { for b in 0..<a { I[b * n + a] = I[a * n + b] } }
            }
        }
        return inv
    }
}
