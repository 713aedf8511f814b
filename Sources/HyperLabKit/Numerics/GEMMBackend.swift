/// A single-precision matrix product, the one primitive the learning engine needs from BLAS.
///
/// Computes `C ← alpha·op(A)·op(B) + beta·C` on row-major storage, where `op(X)` is `X` or
/// `Xᵀ`, `op(A)` is `m×k`, `op(B)` is `k×n` and `C` is `m×n`; `lda`, `ldb`, `ldc` are the row
/// strides of the stored (untransposed) matrices, as in `cblas_sgemm` with `CblasRowMajor`.
///
/// ```swift
/// let gemm: any GEMMBackend = DeterministicGEMM()
/// gemm.multiply(transposeA: false, transposeB: false, m: 2, n: 2, k: 3, alpha: 1,
///               a: a, lda: 3, b: b, ldb: 2, beta: 0, c: c, ldc: 2)
/// ```
/// Implementations are deterministic: the same inputs give the same bits on every call.
public protocol GEMMBackend: Sendable {
    /// `C ← alpha·op(A)·op(B) + beta·C` (row-major). With `beta == 0`, `C` is only written.
    func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                  alpha: Float, a: UnsafePointer<Float>, lda: Int,
                  b: UnsafePointer<Float>, ldb: Int,
                  beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int)
}

/// The textbook triple loop, accumulating in Double: a slow reference the fast backends are tested against.
public struct ReferenceGEMM: GEMMBackend {
    /// Creates the reference backend.
    public init() {}

    /// `C ← alpha·op(A)·op(B) + beta·C` by definition.
    public func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += Double(x) * Double(y)
                }
                let old = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
                c[i * ldc + j] = Float(Double(alpha) * sum + old)
            }
        }
    }
}
