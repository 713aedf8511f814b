import HyperLabKit

/// Measures the matrix-product backend the trainer uses (`DeterministicGEMM`, on the calling thread) in GFLOP/s.
///
/// For each shape `m×k·k×n` (C = A·B, no transposes, beta 0): one untimed call, then 7 timed
/// blocks of enough calls to last about 50 ms each; the reported rate is 2·m·n·k flops over the
/// median block's time per call.
enum GEMMBenchmark {
    /// One product shape: `m×k` times `k×n`.
    struct Shape: CustomStringConvertible {
        /// Rows of A and C, columns of A and rows of B, columns of B and C.
        let m: Int, k: Int, n: Int

        /// `MxKxN`, as the command line spells it.
        var description: String { "\(m)x\(k)x\(n)" }

        /// Parses `N` (square) or `MxKxN`.
        init?(_ text: String) {
            let parts = text.split(separator: "x").compactMap { Int($0) }
            guard parts.allSatisfy({ $0 > 0 }) else { return nil }
            switch parts.count {
            case 1 where !text.contains("x"): (m, k, n) = (parts[0], parts[0], parts[0])
            case 3 where text.split(separator: "x").count == 3: (m, k, n) = (parts[0], parts[1], parts[2])
            default: return nil
            }
        }
    }

    /// The square sizes, then the products of the two workloads' largest layers.
    static let defaultShapes = ["256", "512", "1024", "32x64x128", "32x128x64", "128x256x512", "128x512x512"]

    /// GFLOP/s of `backend` for `shape`; inputs are uniform in [-1, 1) from a fixed seed.
    static func gflops(_ shape: Shape, backend: any GEMMBackend = DeterministicGEMM()) -> Double {
        var generator = SeededGenerator(seed: 0).derived("gemm")
        let a = (0..<(shape.m * shape.k)).map { _ in Float(generator.nextUnit() * 2 - 1) }
        let b = (0..<(shape.k * shape.n)).map { _ in Float(generator.nextUnit() * 2 - 1) }
        var c = [Float](repeating: 0, count: shape.m * shape.n)
        func calls(_ count: Int) -> Double {
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return .infinity }
                        return Statistics.timed {
                            for _ in 0..<count {
                                backend.multiply(transposeA: false, transposeB: false, m: shape.m, n: shape.n, k: shape.k,
                                                 alpha: 1, a: a, lda: shape.k, b: b, ldb: shape.n,
                                                 beta: 0, c: c, ldc: shape.n)
                            }
                        }.seconds
                    }
                }
            }
        }
        let once = max(calls(1), 1e-7)
        let perBlock = max(1, Int(0.05 / once))
        let times = (0..<7).map { _ in calls(perBlock) / Double(perBlock) }
        return 2 * Double(shape.m) * Double(shape.n) * Double(shape.k) / Statistics.median(times) / 1e9
    }
}
