import Testing
@testable import HyperLabKit

/// The deterministic backend against the reference triple loop (in Double), in every transpose combination,
/// with padded leading dimensions and beta ≠ 0.
@Suite struct GEMMBackendTests {
    static func values(_ n: Int, seed: Int) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Float(g.nextGaussian()) }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func deterministicMatchesReference(transposeA: Bool, transposeB: Bool) {
        let m = 7, n = 5, k = 9, pad = 3
        let lda = (transposeA ? m : k) + pad, ldb = (transposeB ? k : n) + pad, ldc = n + pad
        let a = GEMMBackendTests.values((transposeA ? k : m) * lda, seed: 1)
        let b = GEMMBackendTests.values((transposeB ? n : k) * ldb, seed: 2)
        let c0 = GEMMBackendTests.values(m * ldc, seed: 3)
        func run(_ backend: any GEMMBackend) -> [Float] {
            var c = c0
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        backend.multiply(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                                         a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                         beta: 2, c: cp.baseAddress!, ldc: ldc)
                    }
                }
            }
            return c
        }
        let fast = run(DeterministicGEMM()), exact = run(ReferenceGEMM())
        for i in 0..<fast.count { #expect(abs(fast[i] - exact[i]) < 1e-4, "element \(i)") }
    }

    @Test func matrixProductAndTranspose() {
        let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        let b = Matrix(rows: 3, columns: 2, storage: [7, 8, 9, 10, 11, 12])
        #expect(a.multiplied(by: b).storage == [58, 64, 139, 154])
        #expect(a.multiplied(by: a, transposingOther: true).storage == [14, 32, 32, 77])
        #expect(a.multiplied(by: a, transposingSelf: true) == a.transposed().multiplied(by: a))
        #expect(a.transposed().storage == [1, 4, 2, 5, 3, 6])
        #expect(a.appendingRows(of: a).slicingRows(2..<4) == a)
    }
}
