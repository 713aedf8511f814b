import Foundation

/// A standard test function for optimizers, with its search space and known global minimum:
/// what sampler tests and the sampler benchmark measure simple regret against.
///
/// ```swift
/// let branin = try SamplerTestFunction.branin()
/// branin.value(TrialParameters([("x1", .real(.pi)), ("x2", .real(2.275))]))   // ≈ 0.397887
/// ```
/// Domains as in the literature (Branin–Hoo; Hartmann-6 from Dixon & Szegő 1978; Rosenbrock on the
/// De Jong domain). `benchmarks/peers/sampler_functions.py` defines the same for the Python peers.
public struct SamplerTestFunction: Sendable {
    /// The name used in tests and benchmark output.
    public let name: String
    /// The domain, one uniform range per coordinate.
    public let space: SearchSpace
    /// The global minimum on the domain.
    public let minimum: Double
    /// The function of the coordinates in the space's order.
    public let f: @Sendable ([Double]) -> Double

    /// The function at a trial's parameters (NaN if a coordinate is missing).
    public func value(_ p: TrialParameters) -> Double { f(space.names.map { p[$0]?.asReal ?? .nan }) }

    /// Branin–Hoo on [−5, 10] × [0, 15]; minimum 0.397887 (three global minima).
    public static func branin() throws(SearchSpaceError) -> SamplerTestFunction {
        let space = try SearchSpace([("x1", .uniform(-5, 10)), ("x2", .uniform(0, 15))])
        return SamplerTestFunction(name: "branin", space: space, minimum: 0.397_887_357_729_738) { x in
            let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
            let u = x[1] - b * x[0] * x[0] + c * x[0] - 6
            return u * u + 10 * (1 - t) * cos(x[0]) + 10
        }
    }

    /// Hartmann-6 on [0, 1]⁶; minimum −3.32237.
    public static func hartmann6() throws(SearchSpaceError) -> SamplerTestFunction {
        var parameters: [(String, Distribution)] = []
        for i in 1...6 { parameters.append(("x\(i)", try .uniform(0, 1))) }
        let space = try SearchSpace(parameters)
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                             [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
        let p: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                             [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
        return SamplerTestFunction(name: "hartmann6", space: space, minimum: -3.322_368_011_415_51) { x in
            var total = 0.0
            for i in 0..<4 {
                var inner = 0.0
                for j in 0..<6 { inner += a[i][j] * (x[j] - p[i][j] * 1e-4) * (x[j] - p[i][j] * 1e-4) }
                total += alpha[i] * exp(-inner)
            }
            return -total
        }
    }

    /// Rosenbrock in 4 dimensions on [−2.048, 2.048]⁴; minimum 0 at (1, 1, 1, 1).
    public static func rosenbrock4() throws(SearchSpaceError) -> SamplerTestFunction {
        var parameters: [(String, Distribution)] = []
        for i in 1...4 { parameters.append(("x\(i)", try .uniform(-2.048, 2.048))) }
        let space = try SearchSpace(parameters)
        return SamplerTestFunction(name: "rosenbrock4", space: space, minimum: 0) { x in
            var total = 0.0
            for i in 0..<3 {
                let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
                total += 100 * a * a + b * b
            }
            return total
        }
    }
}
