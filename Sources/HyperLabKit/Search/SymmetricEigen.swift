import Foundation

/// The eigendecomposition A = B·diag(values)·Bᵀ of a small symmetric matrix, by cyclic Jacobi
/// rotations (Golub & Van Loan, "Matrix Computations", §8.5).
///
/// ```swift
/// let e = SymmetricEigen([2, 1, 1, 2], n: 2)
/// e.values     // [1, 3]
/// e.vector(1)  // [0.707…, 0.707…]
/// ```
/// Eigenvalues ascend; column j of `vectors` (row-major n × n) is the unit eigenvector of
/// `values[j]`. Deterministic: the same input gives the same bits on every machine (no BLAS).
/// - Complexity: O(n³) per sweep, a handful of sweeps; meant for the tens of dimensions of a
///   search space, not for large matrices.
struct SymmetricEigen {
    /// The dimension.
    let n: Int
    /// The eigenvalues, ascending.
    let values: [Double]
    /// The eigenvectors as columns, row-major n × n (an orthogonal matrix).
    let vectors: [Double]

    /// Decomposes the n × n row-major `matrix`, whose upper triangle is read as the symmetric
    /// matrix's (the lower one is ignored).
    init(_ matrix: [Double], n: Int) {
        self.n = n
        var a = matrix
        for i in 0..<n { for j in 0..<i { a[i * n + j] = a[j * n + i] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n {
                total += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<max(n, i + 1) { off += 2 * a[i * n + j] * a[i * n + j] }
            }
            if off <= 1e-30 * (total + off) || !off.isFinite { break }
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) where a[p * n + q] != 0 {
                    SymmetricEigen.rotate(&a, &v, n: n, p: p, q: q)
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] != a[$1 * n + $1] ? a[$0 * n + $0] < a[$1 * n + $1] : $0 < $1 }
        values = order.map { a[$0 * n + $0] }
        var sorted = [Double](repeating: 0, count: n * n)
        for (k, j) in order.enumerated() { for i in 0..<n { sorted[i * n + k] = v[i * n + j] } }
        vectors = sorted
    }

    /// Eigenvector `j` (column j of `vectors`).
    func vector(_ j: Int) -> [Double] { (0..<n).map { vectors[$0 * n + j] } }

    /// One Jacobi rotation zeroing a[p][q] (p < q), applied to a and accumulated in v.
    private static func rotate(_ a: inout [Double], _ v: inout [Double], n: Int, p: Int, q: Int) {
        let apq = a[p * n + q]
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
        }
        a[p * n + q] = 0
        a[q * n + p] = 0
        for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }
}
