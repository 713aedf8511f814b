import Foundation

/// A Gaussian-process regression model with a Matérn-5/2 ARD kernel, for the `bayes` sampler.
///
/// k(x, x') = s · (1 + √5 r + 5/3 r²) · exp(−√5 r), r² = Σⱼ λⱼ δⱼ(x, x')², where δⱼ is the
/// difference of numeric coordinates (inputs in [0, 1]) and, for a choice, 0 if equal and
/// 1 if not (one-hot coding with one lengthscale per parameter). λⱼ are the inverse squared
/// lengthscales, s the kernel scale, plus Gaussian noise on the diagonal.
/// Outputs are standardized by the caller. Rasmussen & Williams (2006), chapters 2 and 5.
struct GaussianProcess {
    /// Kernel hyperparameters.
    struct Hyperparameters {
        var inverseSquaredLengthscales: [Double]
        var scale: Double
        var noise: Double
    }

    /// Training inputs, row-major (count × dimensions).
    let inputs: [Double]
    let count: Int
    let dimensions: Int
    /// Which dimensions are choices (Hamming distance).
    let categorical: [Bool]
    let hyperparameters: Hyperparameters
    let factor: CholeskyFactor
    /// K⁻¹ y.
    let alpha: [Double]

    /// Conditions the prior with `hyperparameters` on `inputs`/`outputs`; nil if the kernel
    /// matrix cannot be factored even with jitter.
    init?(inputs: [Double], outputs: [Double], dimensions: Int, categorical: [Bool],
          hyperparameters: Hyperparameters) {
        let n = outputs.count
        self.inputs = inputs
        self.count = n
        self.dimensions = dimensions
        self.categorical = categorical
        self.hyperparameters = hyperparameters
        var k = GaussianProcess.kernelMatrix(inputs, n: n, d: dimensions, categorical: categorical,
                                             hyperparameters.inverseSquaredLengthscales, scale: hyperparameters.scale)
        for i in 0..<n { k[i * n + i] += hyperparameters.noise }
        guard let factor = CholeskyFactor(k, n: n) else { return nil }
        self.factor = factor
        alpha = factor.solve(outputs)
    }

    /// Matérn-5/2 as a function of r².
    @inline(__always) static func matern(_ r2: Double) -> Double {
        let r = (5 * max(r2, 0)).squareRoot()
        return (1 + r + r * r / 3) * exp(-r)
    }

    /// d matern / d(r²) = −5/6 (1 + √5 r) exp(−√5 r).
    @inline(__always) static func maternDerivative(_ r2: Double) -> Double {
        let r = (5 * max(r2, 0)).squareRoot()
        return -5.0 / 6.0 * (1 + r) * exp(-r)
    }

    /// Squared difference in dimension j.
    @inline(__always) static func delta2(_ a: Double, _ b: Double, categorical: Bool) -> Double {
        if categorical { return a == b ? 0 : 1 }
        let d = a - b
        return d * d
    }

    static func kernelMatrix(_ x: [Double], n: Int, d: Int, categorical: [Bool], _ lambda: [Double],
                             scale: Double) -> [Double] {
        var k = [Double](repeating: 0, count: n * n)
        for a in 0..<n {
            k[a * n + a] = scale
            for b in 0..<a {
                var r2 = 0.0
                for j in 0..<d { r2 += lambda[j] * delta2(x[a * d + j], x[b * d + j], categorical: categorical[j]) }
                let v = scale * matern(r2)
                k[a * n + b] = v
                k[b * n + a] = v
            }
        }
        return k
    }

    /// The posterior mean and variance of the latent function at `x`.
    func predict(_ x: [Double]) -> (mean: Double, variance: Double) {
        let kx = crossKernel(x)
        var mean = 0.0
        for i in 0..<count { mean += kx[i] * alpha[i] }
        let v = factor.solveLower(kx)
        var explained = 0.0
        for i in 0..<count { explained += v[i] * v[i] }
        return (mean, max(hyperparameters.scale - explained, 1e-12 * hyperparameters.scale))
    }

    /// The posterior mean and variance at `x` with their gradients in the numeric dimensions
    /// (zero in categorical ones).
    func predictWithGradient(_ x: [Double]) -> (mean: Double, variance: Double, dMean: [Double], dVariance: [Double]) {
        let d = dimensions
        var kx = [Double](repeating: 0, count: count)
        var dk = [Double](repeating: 0, count: count)   // d k / d(r²)
        let lambda = hyperparameters.inverseSquaredLengthscales
        let s = hyperparameters.scale
        for i in 0..<count {
            var r2 = 0.0
            for j in 0..<d { r2 += lambda[j] * GaussianProcess.delta2(x[j], inputs[i * d + j], categorical: categorical[j]) }
            kx[i] = s * GaussianProcess.matern(r2)
            dk[i] = s * GaussianProcess.maternDerivative(r2)
        }
        var mean = 0.0
        for i in 0..<count { mean += kx[i] * alpha[i] }
        let v = factor.solveLower(kx)
        var explained = 0.0
        for i in 0..<count { explained += v[i] * v[i] }
        let w = factor.solveUpper(v)   // K⁻¹ k(x)
        var dMean = [Double](repeating: 0, count: d)
        var dVariance = [Double](repeating: 0, count: d)
        for j in 0..<d where !categorical[j] {
            var gm = 0.0, gv = 0.0
            for i in 0..<count {
                let dkdx = dk[i] * 2 * lambda[j] * (x[j] - inputs[i * d + j])
                gm += dkdx * alpha[i]
                gv += dkdx * w[i]
            }
            dMean[j] = gm
            dVariance[j] = -2 * gv
        }
        let variance = s - explained
        if variance < 1e-12 * s { return (mean, 1e-12 * s, dMean, [Double](repeating: 0, count: d)) }
        return (mean, variance, dMean, dVariance)
    }

    private func crossKernel(_ x: [Double]) -> [Double] {
        let d = dimensions
        let lambda = hyperparameters.inverseSquaredLengthscales
        var kx = [Double](repeating: 0, count: count)
        inputs.withUnsafeBufferPointer { X in
            for i in 0..<count {
                var r2 = 0.0
                for j in 0..<d { r2 += lambda[j] * GaussianProcess.delta2(x[j], X[i * d + j], categorical: categorical[j]) }
                kx[i] = hyperparameters.scale * GaussianProcess.matern(r2)
            }
        }
        return kx
    }
}
