import CKernels
import Testing
@testable import HyperLabKit

/// The C Adam step (`hl_adam_step`, used by `Optimizer`) against its definition written out in
/// Swift, bit for bit, on the dispatched, the AVX2 and the portable path, with tails of every length.
@Suite struct AdamKernelTests {
    static func values(_ count: Int, seed: Int, scale: Double = 1) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(g.nextGaussian() * scale) }
    }

    /// The per-element definition in `CKernels.h`, with `FastMath.squareRoot` as the root.
    static func reference(theta: inout [Float], grad: [Float], m: inout [Float], v: inout [Float], _ k: HLAdamCoefficients) {
        for i in theta.indices {
            let p = theta[i] * k.shrink
            let g = grad[i] + k.coupled * theta[i]
            let mi = k.beta1 * m[i] + k.one_minus_beta1 * g
            let vi = k.beta2 * v[i] + k.one_minus_beta2 * (g * g)
            m[i] = mi
            v[i] = vi
            theta[i] = p - k.step_size * mi / (FastMath.squareRoot(vi) * k.inverse_root_correction2 + k.eps)
        }
    }

    @Test(arguments: [1, 7, 8, 9, 31, 1000])
    func everyPathIsTheDefinitionBitForBit(count: Int) {
        for (shrink, coupled) in [(Float(1), Float(1e-4)), (Float(0.999), Float(0))] {
            var k = HLAdamCoefficients(shrink: shrink, coupled: coupled, beta1: 0.9, beta2: 0.999,
                                       one_minus_beta1: Float(1 - 0.9), one_minus_beta2: Float(1 - 0.999),
                                       step_size: 0.003, inverse_root_correction2: 1.7, eps: 1e-8)
            let theta0 = Self.values(count, seed: 1), grad = Self.values(count, seed: 2, scale: 0.1)
            let m0 = Self.values(count, seed: 3, scale: 0.01), v0 = Self.values(count, seed: 4, scale: 0.01).map { $0 * $0 }
            var theta = theta0, m = m0, v = v0
            Self.reference(theta: &theta, grad: grad, m: &m, v: &v, k)
            for path in ["dispatched", "avx2", "portable"] {
                var t = theta0, mm = m0, vv = v0
                t.withUnsafeMutableBufferPointer { tp in
                    mm.withUnsafeMutableBufferPointer { mp in
                        vv.withUnsafeMutableBufferPointer { vp in
                            grad.withUnsafeBufferPointer { gp in
                                switch path {
                                case "portable": hl_adam_step_portable(tp.baseAddress, gp.baseAddress, mp.baseAddress, vp.baseAddress, count, &k)
                                case "avx2": hl_adam_step_avx2(tp.baseAddress, gp.baseAddress, mp.baseAddress, vp.baseAddress, count, &k)
                                default: hl_adam_step(tp.baseAddress, gp.baseAddress, mp.baseAddress, vp.baseAddress, count, &k)
                                }
                            }
                        }
                    }
                }
                #expect(t.map(\.bitPattern) == theta.map(\.bitPattern), "theta, path: \(path)")
                #expect(mm.map(\.bitPattern) == m.map(\.bitPattern) && vv.map(\.bitPattern) == v.map(\.bitPattern))
            }
        }
    }
}
