import CKernels

/// HyperLab's own matrix product: the same bits on every CPU, at close to the speed of a tuned BLAS.
///
/// Each element of `C` is one chain of fused multiply-adds over `k` in textbook order,
/// `s = fma(a[i][p], b[p][j], s)` for `p = 0, 1, …, k − 1`, so its value is fixed by IEEE 754
/// arithmetic alone: it does not depend on the vector width, the blocking, the instruction set
/// picked at run time (AVX-512, AVX2 with FMA, or the portable path), the operating system or the
/// environment (`OPENBLAS_CORETYPE` and friends have nothing to act on). A BLAS library
/// instead picks a kernel per CPU, and its summation order changes the last bits of a product,
/// which grow into different trials within a sweep.
///
/// ```swift
/// let gemm: any GEMMBackend = DeterministicGEMM()
/// gemm.multiply(transposeA: false, transposeB: false, m: 2, n: 2, k: 3, alpha: 1,
///               a: a, lda: 3, b: b, ldb: 2, beta: 0, c: c, ldc: 2)
/// ```
/// The kernel is C (`Sources/CKernels/sgemm.c`): tiles of 8 × 32 (AVX-512) or 6 × 16 elements kept in registers,
/// compiled for AVX-512 and for AVX2 with FMA and chosen at run time on x86-64, NEON on arm64. It runs on the
/// calling thread; concurrent trials each call it from their own.
public struct DeterministicGEMM: GEMMBackend {
    /// Which code path a product takes; every path gives the same bits.
    public enum CodePath: Sendable, Hashable {
        /// The widest instruction set this CPU has (AVX-512, AVX2 with FMA, NEON, or portable).
        case fastest
        /// AVX2 with FMA where the CPU has them, else portable: for tests on AVX-512 machines.
        case avx2
        /// C vector extensions with no run-time dispatch.
        case portable
    }

    /// The path this backend takes.
    public let codePath: CodePath

    /// Creates the backend (the fastest path unless a test asks for another).
    public init(codePath: CodePath = .fastest) {
        self.codePath = codePath
    }

    /// The path `.fastest` takes on this CPU: `avx512`, `avx2-fma`, `neon` or `portable`.
    public static var path: String { String(cString: hl_sgemm_path()) }

    /// `C ← alpha·op(A)·op(B) + beta·C` (row-major) in the fixed order described above.
    public func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        switch codePath {
        case .fastest: hl_sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        case .avx2: hl_sgemm_avx2(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        case .portable: hl_sgemm_portable(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        }
    }
}
