import Foundation
import Testing
@testable import HyperLabKit

/// The vectorizable exp, tanh and sigmoid against libm in Double.
@Suite struct FastMathTests {
    @Test func expRelativeError() {
        var worst = 0.0
        var x = -87.0
        while x <= 88 {
            let exact = Foundation.exp(Double(Float(x)))
            worst = max(worst, abs(Double(FastMath.exp(Float(x))) - exact) / exact)
            x += 0.0137
        }
        #expect(worst < 3e-7, "worst relative error \(worst)")
        #expect(FastMath.exp(0) == 1)
        #expect(FastMath.exp(-200) < 1e-37 && FastMath.exp(-200) >= 0)
        #expect(FastMath.exp(200).isFinite)
        #expect(FastMath.exp(.nan).isNaN)
    }

    @Test func squareRoot() {
        var worst = 0.0
        var x: Float = 1.2e-38
        while x < 1e38 {
            let exact = Double(x).squareRoot()
            worst = max(worst, abs(Double(FastMath.squareRoot(x)) - exact) / exact)
            x *= 1.000_731
        }
        #expect(worst < 2.5e-7, "worst relative error \(worst)")
        #expect(FastMath.squareRoot(0) == 0)
        #expect(abs(FastMath.squareRoot(4) - 2) <= 2.4e-7)
    }

    @Test func tanhAndSigmoid() {
        var x = -12.0
        while x <= 12 {
            let xf = Float(x)
            let t = Foundation.tanh(Double(xf)), s = 1 / (1 + Foundation.exp(-Double(xf)))
            #expect(abs(Double(FastMath.tanh(xf)) - t) <= 4e-7 * abs(t) + 1e-12, "tanh(\(xf))")
            #expect(abs(Double(FastMath.sigmoid(xf)) - s) <= 3e-7 * s, "sigmoid(\(xf))")
            x += 0.00731
        }
        #expect(FastMath.tanh(0) == 0 && FastMath.tanh(-0.01) < 0)
        #expect(FastMath.tanh(50) == 1 && FastMath.tanh(-50) == -1)
    }
}
