import Foundation

/// Student's t distribution: CDF, tail probabilities and quantiles, for the significance tests.
///
/// ```swift
/// StudentT.survival(2.262157162798205, degreesOfFreedom: 9)       // 0.025
/// StudentT.twoSidedPValue(-2.5, degreesOfFreedom: 9)               // P(|T| ≥ 2.5) ≈ 0.0339
/// StudentT.quantile(0.975, degreesOfFreedom: 9)                    // 2.2621571627982...
/// ```
///
/// Method: the tail of T with ν degrees of freedom is `P(T > t) = ½ · I_x(ν/2, ½)` with
/// `x = ν / (ν + t²)` (Abramowitz & Stegun 26.7.1), where `I` is the regularized incomplete
/// beta function, evaluated by its continued fraction with the modified Lentz method
/// (`StudentT+IncompleteBeta.swift`). Tails are computed directly, never as `1 − CDF`, so small
/// p-values keep their relative accuracy (about 1e-13 for ν ≤ 1000; checked against SciPy).
/// Quantiles invert the tail by bisection to the last representable digit.
///
/// Every function is pure and deterministic. `degreesOfFreedom` must be positive and finite;
/// a NaN `t` gives NaN.
public enum StudentT {
    /// P(T ≤ t): the cumulative distribution function.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        t > 0 ? 1 - survival(t, degreesOfFreedom: df) : survival(-t, degreesOfFreedom: df)
    }

    /// P(T > t): the upper tail (survival function), accurate for tiny tails.
    public static func survival(_ t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0 && df.isFinite, "degrees of freedom must be positive and finite")
        if t.isNaN { return .nan }
        if t < 0 { return 1 - survival(-t, degreesOfFreedom: df) }
        if t == 0 { return 0.5 }
        if t == .infinity { return 0 }
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each computed without cancellation.
        let t2 = t * t
        let x: Double, y: Double
        if t2.isFinite {
            x = df / (df + t2)
            y = t2 / (df + t2)
        } else {
            x = df / t / t
            y = 1
        }
        return 0.5 * regularizedIncompleteBeta(a: df / 2, b: 0.5, x: x, complement: y)
    }

    /// P(|T| ≥ |t|): the two-sided p-value of a t statistic (1 at t = 0, 0 at t = ±∞).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom df: Double) -> Double {
        Swift.min(1, 2 * survival(abs(t), degreesOfFreedom: df))
    }

    /// The t with P(T ≤ t) = `p`: the inverse CDF. −∞ at p = 0, +∞ at p = 1.
    /// - Precondition: `p` is in [0, 1].
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a probability must lie in [0, 1]")
        precondition(df > 0 && df.isFinite, "degrees of freedom must be positive and finite")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -upperQuantile(tail: p, df: df) }
        return upperQuantile(tail: 1 - p, df: df)
    }

    /// The t ≥ 0 with P(T > t) = `tail` (0 ≤ tail < ½), by bracketing and bisection.
    private static func upperQuantile(tail: Double, df: Double) -> Double {
        if tail == 0 { return .infinity }
        var low = 0.0, high = 1.0
        while survival(high, degreesOfFreedom: df) > tail {
            low = high
            high *= 2
            if !high.isFinite { return .infinity }
        }
        // The tail falls as t grows; halve [low, high] until the two ends are adjacent doubles.
        for _ in 0..<2_000 {
            let mid = low + (high - low) / 2
            if mid <= low || mid >= high { break }
            if survival(mid, degreesOfFreedom: df) > tail { low = mid } else { high = mid }
        }
        return low + (high - low) / 2
    }
}
