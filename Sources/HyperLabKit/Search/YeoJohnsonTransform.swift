import Foundation

/// The Yeo–Johnson power transform of a sample, with its exponent λ chosen by maximum
/// likelihood so the transformed sample is as close to normal as a power makes it.
///
/// The GP sampler warps its scores with it before fitting (as HEBO does, Cowen-Rivers et al.
/// 2022, "HEBO: pushing the limits of sample-efficient hyperparameter optimisation"): a loss
/// with a long tail of bad values (Branin's run from 0.4 to 300) would otherwise squeeze the
/// good trials into a sliver of the standardized scale, where the kernel cannot tell them
/// apart. The transform is increasing for every λ, so the order of the trials, and which
/// one is best, never changes. λ = 1 is the identity.
///
/// ```swift
/// let warp = YeoJohnsonTransform(fittedTo: [-3, -0.5, -0.2, -0.1, 0])   // a long low tail
/// warp.lambda > 1                                                     // true: it stretches the top
/// ```
///
/// Yeo & Johnson (2000), "A new family of power transformations to improve normality or symmetry".
public struct YeoJohnsonTransform: Sendable, Hashable {
    /// The exponent.
    public let lambda: Double

    /// The range searched for λ, on a grid of `step`.
    public static let lambdaRange: ClosedRange<Double> = -3...3
    /// The grid step of the search.
    public static let step = 0.05

    /// The transform with exponent `lambda`.
    public init(lambda: Double) {
        self.lambda = lambda
    }

    /// The transform whose λ maximizes the profile log-likelihood of a normal model of the
    /// transformed `sample` (a deterministic grid search over `lambdaRange`; the identity when
    /// the sample has fewer than 3 distinct values).
    public init(fittedTo sample: [Double]) {
        guard Set(sample).count >= 3 else {
            self.init(lambda: 1)
            return
        }
        let n = Double(sample.count)
        // log |dψ/dy| summed: (λ − 1) · Σ sign(y) log(1 + |y|).
        let jacobian = sample.reduce(0) { $0 + ($1 >= 0 ? 1 : -1) * Foundation.log1p(Swift.abs($1)) }
        var best = (lambda: 1.0, logLikelihood: -Double.infinity)
        let steps = Int(((Self.lambdaRange.upperBound - Self.lambdaRange.lowerBound) / Self.step).rounded())
        for k in 0...steps {
            let lambda = Self.lambdaRange.lowerBound + Double(k) * Self.step
            let variance = Self.variance(sample.map { Self.apply($0, lambda: lambda) })
            guard variance > 0, variance.isFinite else { continue }
            let logLikelihood = -0.5 * n * Foundation.log(variance) + (lambda - 1) * jacobian
            if logLikelihood > best.logLikelihood { best = (lambda, logLikelihood) }
        }
        self.init(lambda: best.lambda)
    }

    /// ψ(y): ((1 + y)^λ − 1)/λ for y ≥ 0, −((1 − y)^(2−λ) − 1)/(2 − λ) below (logs at λ = 0, 2).
    public func callAsFunction(_ y: Double) -> Double {
        Self.apply(y, lambda: lambda)
    }

    /// `sample` transformed, then standardized to mean 0 and standard deviation 1 (a constant
    /// sample gives zeros).
    public func standardized(_ sample: [Double]) -> [Double] {
        let t = sample.map { Self.apply($0, lambda: lambda) }
        let mean = t.reduce(0, +) / Double(max(t.count, 1))
        let sd = Self.variance(t).squareRoot()
        return t.map { sd > 1e-12 ? ($0 - mean) / sd : 0 }
    }

    private static func apply(_ y: Double, lambda: Double) -> Double {
        if y >= 0 {
            return Swift.abs(lambda) < 1e-12 ? Foundation.log1p(y) : (Foundation.pow(1 + y, lambda) - 1) / lambda
        }
        return Swift.abs(lambda - 2) < 1e-12 ? -Foundation.log1p(-y) : -(Foundation.pow(1 - y, 2 - lambda) - 1) / (2 - lambda)
    }

    /// The population variance.
    private static func variance(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    }
}
