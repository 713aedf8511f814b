import CKernels

/// HyperLab's own matrix product: the same bits on every CPU, at close to the speed of a tuned BLAS.
///
/// Each element of `C` is one chain of fused multiply-adds over `k` in textbook order,
/// `s = fma(a[i][p], b[p][j], s)` for `p = 0, 1, …, k − 1`, so its value is fixed by IEEE 754
/// arithmetic alone: it does not depend on the vector width, the blocking, the instruction set
/// picked at run time (AVX2 with FMA, or the portable path), the operating system or the
/// environment (`OPENBLAS_CORETYPE` and friends have nothing to act on). A BLAS library
/// instead picks a kernel per CPU, and its summation order changes the last bits of a product,
/// which grow into different trials within a sweep.
///
/// ```swift
/// let gemm: any GEMMBackend = DeterministicGEMM()
/// gemm.multiply(transposeA: false, transposeB: false, m: 2, n: 2, k: 3, alpha: 1,
///               a: a, lda: 3, b: b, ldb: 2, beta: 0, c: c, ldc: 2)
/// ```
/// The kernel is C (`Sources/CKernels/sgemm.c`): tiles of 6 × 16 elements kept in registers,
/// compiled for AVX2 with FMA and chosen at run time on x86-64, NEON on arm64. It runs on the
/// calling thread; concurrent trials each call it from their own.
public struct DeterministicGEMM: GEMMBackend {
    /// Creates the backend.
    public init() {}

    /// The code path taken on this CPU: `avx2-fma`, `neon` or `portable` (all give the same bits).
    public static var path: String { String(cString: hl_sgemm_path()) }

    /// `C ← alpha·op(A)·op(B) + beta·C` (row-major) in the fixed order described above.
    public func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        hl_sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

/// The deterministic product through its portable code path, without run-time CPU dispatch:
/// for tests that check both paths give the same bits.
public struct PortableGEMM: GEMMBackend {
    /// Creates the backend.
    public init() {}

    /// `C ← alpha·op(A)·op(B) + beta·C` (row-major), the portable code path of `DeterministicGEMM`.
    public func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        hl_sgemm_portable(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}
