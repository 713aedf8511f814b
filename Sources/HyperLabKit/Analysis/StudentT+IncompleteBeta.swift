import Foundation

/// The special functions behind Student's t: the regularized incomplete beta function and log Γ.
extension StudentT {
    /// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and x in [0, 1].
    ///
    /// `complement` must be 1 − x, passed in by the caller so that it is exact when x is near 1
    /// (the t tail computes both from t² without cancellation).
    ///
    /// Continued fraction 26.5.8 of Abramowitz & Stegun, evaluated with the modified Lentz
    /// method (Press et al., *Numerical Recipes*, 3rd ed., §6.4). The fraction converges fast for
    /// x < (a + 1)/(a + b + 2); beyond that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double, complement y: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let logFront = a * Foundation.log(x) + b * Foundation.log(y) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return Foundation.exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - Foundation.exp(logFront) * continuedFraction(a: b, b: a, x: y) / b
    }

    /// The continued fraction of I_x(a, b) (without its prefactor), by modified Lentz.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300, epsilon = 2 * Double.ulpOfOne
        let sum = a + b, up = a + 1, down = a - 1
        var c = 1.0
        var d = 1 - sum * x / up
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            // Even step.
            var term = m * (b - m) * x / ((down + m2) * (a + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            term = -(a + m) * (sum + m) * x / ((a + m2) * (up + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < epsilon { break }
        }
        return h
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// log Γ(z) for z > 0: the Lanczos approximation with g = 7 and nine coefficients
    /// (relative error about 1e-15), with the reflection formula below ½.
    ///
    /// Written out rather than calling the C library's `lgamma`, which writes the global
    /// `signgam` and so is not safe to call from concurrent trials.
    static func logGamma(_ z: Double) -> Double {
        precondition(z > 0, "log Γ is used for positive arguments only")
        if z < 0.5 {
            return Foundation.log(Double.pi / Foundation.sin(Double.pi * z)) - logGamma(1 - z)
        }
        let x = z - 1
        var series = lanczos[0]
        for i in 1..<lanczos.count { series += lanczos[i] / (x + Double(i)) }
        let t = x + 7.5
        return 0.5 * Foundation.log(2 * Double.pi) + (x + 0.5) * Foundation.log(t) - t + Foundation.log(series)
    }

    /// Lanczos coefficients for g = 7, n = 9 (Godfrey).
    private static let lanczos: [Double] = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ]
}
