import Testing
@testable import HyperLabKit

/// `DeterministicGEMM` computes every element as the textbook chain of fused multiply-adds,
/// bit for bit, on every code path: checked against that chain written out in Swift (whose
/// `addingProduct` is IEEE 754's fused multiply-add) over shapes that cover full tiles, edge
/// tiles of every row count (1 to 7 below the AVX-512 path's 8, 1 to 5 below the others' 6),
/// every transpose (a transposed B is packed in 4 × 4 blocks, with both tails) and padded strides.
@Suite struct DeterministicGEMMTests {
    /// One product's inputs, with padded leading dimensions.
    struct Case: CustomStringConvertible {
        let m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
        let alpha: Float, beta: Float
        var description: String { "\(m)x\(n)x\(k) tA=\(transposeA) tB=\(transposeB) α=\(alpha) β=\(beta)" }
        var lda: Int { (transposeA ? m : k) + 3 }
        var ldb: Int { (transposeB ? k : n) + 1 }
        var ldc: Int { n + 2 }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        let shapes = [(1, 1, 1), (6, 16, 8), (7, 17, 5), (5, 15, 33), (13, 40, 1), (6, 32, 20), (11, 70, 9), (32, 10, 64), (12, 33, 0), (64, 48, 32),
                      (10, 47, 6), (26, 35, 11), (15, 64, 17),
                      // A·Bᵀ with at most 32 rows and a depth of 32 or more, and Aᵀ·B with fewer than 16 columns
                      // and 32 rows or more, are computed swapped (as their transposes, transposed back).
                      (32, 91, 166), (22, 37, 40), (3, 6, 32), (33, 20, 40), (91, 7, 22), (40, 15, 3), (31, 10, 32)]
        for (m, n, k) in shapes {
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                out.append(Case(m: m, n: n, k: k, transposeA: ta, transposeB: tb, alpha: 1, beta: 0))
            }
        }
        out.append(Case(m: 9, n: 21, k: 7, transposeA: false, transposeB: true, alpha: 0.5, beta: 0))
        out.append(Case(m: 9, n: 21, k: 7, transposeA: true, transposeB: false, alpha: -1.5, beta: 2))
        out.append(Case(m: 6, n: 16, k: 3, transposeA: false, transposeB: false, alpha: 1, beta: 1))
        return out
    }()

    static func values(_ count: Int, seed: Int) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(g.nextGaussian()) }
    }

    /// The contract of `hl_sgemm`, element by element: s = fma(a, b, s) over p in order, then
    /// s, α·s, or α·s + β·c.
    static func chain(_ c: Case, a: [Float], b: [Float], c0: [Float]) -> [Float] {
        var out = c0
        for i in 0..<c.m {
            for j in 0..<c.n {
                var s: Float = 0
                for p in 0..<c.k {
                    let x = c.transposeA ? a[p * c.lda + i] : a[i * c.lda + p]
                    let y = c.transposeB ? b[j * c.ldb + p] : b[p * c.ldb + j]
                    s = s.addingProduct(x, y)
                }
                let old = c0[i * c.ldc + j]
                if c.alpha == 1 && c.beta == 0 {
                    out[i * c.ldc + j] = s
                } else if c.beta == 0 {
                    out[i * c.ldc + j] = c.alpha * s
                } else {
                    let scaled = c.alpha * s
                    let kept = c.beta * old
                    out[i * c.ldc + j] = scaled + kept
                }
            }
        }
        return out
    }

    static func run(_ backend: any GEMMBackend, _ c: Case, a: [Float], b: [Float], c0: [Float]) -> [Float] {
        var out = c0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { cp in
                    guard let pa = ap.baseAddress, let pb = bp.baseAddress, let pc = cp.baseAddress else { return }
                    backend.multiply(transposeA: c.transposeA, transposeB: c.transposeB, m: c.m, n: c.n, k: c.k,
                                     alpha: c.alpha, a: pa, lda: c.lda, b: pb, ldb: c.ldb,
                                     beta: c.beta, c: pc, ldc: c.ldc)
                }
            }
        }
        return out
    }

    @Test(arguments: cases)
    func everyPathIsTheFusedChainBitForBit(_ c: Case) {
        let a = Self.values(max(1, (c.transposeA ? c.k : c.m) * c.lda), seed: c.m * 31 + c.k)
        let b = Self.values(max(1, (c.transposeB ? c.n : c.k) * c.ldb), seed: c.n * 17 + 5)
        let c0 = Self.values(c.m * c.ldc, seed: 99)
        let expected = Self.chain(c, a: a, b: b, c0: c0).map(\.bitPattern)
        #expect(Self.run(DeterministicGEMM(), c, a: a, b: b, c0: c0).map(\.bitPattern) == expected, "dispatched (\(DeterministicGEMM.path))")
        #expect(Self.run(DeterministicGEMM(codePath: .avx2), c, a: a, b: b, c0: c0).map(\.bitPattern) == expected, "avx2")
        #expect(Self.run(DeterministicGEMM(codePath: .portable), c, a: a, b: b, c0: c0).map(\.bitPattern) == expected, "portable")
    }

    /// Also through the swapped product (A·Bᵀ, 3 rows, depth 32), which writes C by transposing.
    @Test(arguments: [(2, false), (32, true)])
    func betaZeroNeverReadsC(k: Int, transposeB: Bool) {
        let c = Case(m: 3, n: 5, k: k, transposeA: false, transposeB: transposeB, alpha: 1, beta: 0)
        let a = Self.values(3 * c.lda, seed: 1), b = Self.values((transposeB ? 5 : k) * c.ldb, seed: 2)
        let poisoned = [Float](repeating: .nan, count: 3 * c.ldc)
        for backend in [DeterministicGEMM(), DeterministicGEMM(codePath: .avx2), DeterministicGEMM(codePath: .portable)] {
            let out = Self.run(backend, c, a: a, b: b, c0: poisoned)
            for i in 0..<3 { for j in 0..<5 { #expect(out[i * c.ldc + j].isFinite) } }
            #expect(out[c.ldc - 1].isNaN, "padding between rows is left alone")
        }
    }

    @Test func pathIsNamed() {
        #expect(["avx512", "avx2-fma", "neon", "portable"].contains(DeterministicGEMM.path))
    }
}
