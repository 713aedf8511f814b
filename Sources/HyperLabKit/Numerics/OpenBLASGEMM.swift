import COpenBLAS

/// Set once per process: OpenBLAS runs single-threaded, since sweeps run one trial per core,
/// and the worker threads it started when it loaded are stopped. Left alone, an idle worker
/// spins on `sched_yield` for long stretches, taking a core (or a hyperthread sibling) from
/// the trials: on this 2-core VM it made GP suggestions 40 % slower.
private let openBLASSingleThreaded: Bool = {
    openblas_set_num_threads(1)
    _ = blas_thread_shutdown_()
    return true
}()

/// Matrix products through OpenBLAS's `cblas_sgemm`, limited to one thread per process.
///
/// The first instance created calls `openblas_set_num_threads(1)`; concurrent trials each
/// call `cblas_sgemm` from their own thread.
public struct OpenBLASGEMM: GEMMBackend {
    /// Creates the backend (and makes OpenBLAS single-threaded on first use).
    public init() {
        _ = openBLASSingleThreaded
    }

    /// Makes OpenBLAS single-threaded and stops its idle worker threads now (once per
    /// process); executables call it first thing, before any work competes with them.
    public static func useOneThread() {
        _ = openBLASSingleThreaded
    }

    /// `C ← alpha·op(A)·op(B) + beta·C` through `cblas_sgemm` (row-major).
    public func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                    beta, c, Int32(ldc))
    }
}
