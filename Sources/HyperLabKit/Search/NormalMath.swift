import Foundation

/// Standard normal functions used by TPE and the Gaussian process.
enum NormalMath {
    /// log √(2π).
    static let logSqrt2Pi = 0.5 * Foundation.log(2 * Double.pi)

    /// Φ(x), the standard normal CDF.
    @inline(__always) static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// φ(x), the standard normal density.
    @inline(__always) static func pdf(_ x: Double) -> Double { exp(-0.5 * x * x - logSqrt2Pi) }

    /// erfcx(x) = exp(x²)·erfc(x) for x ≥ 0, accurate where erfc underflows.
    static func erfcx(_ x: Double) -> Double {
        if x < 25 { return exp(x * x) * erfc(x) }
        let inv2 = 1 / (x * x)
        return 1 / (x * Double.pi.squareRoot()) * (1 - 0.5 * inv2 + 0.75 * inv2 * inv2 - 1.875 * inv2 * inv2 * inv2)
    }

    /// log(φ(z) + z·Φ(z)), the log of the expected improvement of a unit normal over 0 at
    /// mean z, stable for very negative z (Ament et al. 2023, "Unexpected improvements to
    /// expected improvement for Bayesian optimization").
    static func logH(_ z: Double) -> Double {
        if z > -1 { return Foundation.log(pdf(z) + z * cdf(z)) }
        let c2 = 0.5 * Foundation.log(Double.pi / 2)
        if z > -1e8 {
            // h(z) = φ(z)·(1 − |z|·√(π/2)·erfcx(|z|/√2))
            let t = Foundation.log(erfcx(-z / 2.0.squareRoot()) * abs(z)) + c2
            return -0.5 * z * z - logSqrt2Pi + log1mexp(t)
        }
        return -0.5 * z * z - logSqrt2Pi - 2 * Foundation.log(abs(z))
    }

    /// d/dz log h(z) = Φ(z)/h(z), computed stably.
    static func dLogH(_ z: Double) -> Double {
        // Φ(z)/h(z) with h = φ + zΦ; for very negative z, Φ/φ = r (Mills ratio) and
        // h/φ = 1 + z·r, so the ratio is r/(1 + z r).
        if z > -1 { return cdf(z) / (pdf(z) + z * cdf(z)) }
        let r = 0.5 * Double.pi.squareRoot() * 2.0.squareRoot() * erfcx(-z / 2.0.squareRoot())
        let denom = 1 + z * r
        return denom > 0 ? r / denom : -z
    }

    /// log(1 − eᵗ) for t < 0.
    static func log1mexp(_ t: Double) -> Double {
        t > -0.693_147_180_559_945_3 ? Foundation.log(-expm1(t)) : log1p(-exp(t))
    }
}
