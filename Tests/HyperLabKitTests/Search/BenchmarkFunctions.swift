import Foundation
@testable import HyperLabKit

/// Standard test functions for optimizers, with their spaces and known minima.
enum BenchmarkFunctions {
    struct Problem: Sendable {
        let name: String
        let space: SearchSpace
        let minimum: Double
        let f: @Sendable ([Double]) -> Double

        /// The function at a trial's parameters (in the space's order).
        func value(_ p: TrialParameters) -> Double { f(space.names.map { p[$0]?.asReal ?? .nan }) }
    }

    /// Branin–Hoo on [−5, 10] × [0, 15]; minimum 0.397887.
    static func branin() throws -> Problem {
        let space = try SearchSpace([("x1", .uniform(-5, 10)), ("x2", .uniform(0, 15))])
        return Problem(name: "branin", space: space, minimum: 0.397_887_357_729_738) { x in
            let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
            let u = x[1] - b * x[0] * x[0] + c * x[0] - 6
            return u * u + 10 * (1 - t) * cos(x[0]) + 10
        }
    }

    /// Hartmann-6 on [0, 1]⁶; minimum −3.32237.
    static func hartmann6() throws -> Problem {
        let space = try SearchSpace((1...6).map { ("x\($0)", try Distribution.uniform(0, 1)) })
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                             [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
        let p: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                             [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
        return Problem(name: "hartmann6", space: space, minimum: -3.322_368_011_415_51) { x in
            var total = 0.0
            for i in 0..<4 {
                var inner = 0.0
                for j in 0..<6 { inner += a[i][j] * pow(x[j] - p[i][j] * 1e-4, 2) }
                total += alpha[i] * exp(-inner)
            }
            return -total
        }
    }

    /// Rosenbrock in 4 dimensions on [−5, 10]⁴; minimum 0.
    static func rosenbrock4() throws -> Problem {
        let space = try SearchSpace((1...4).map { ("x\($0)", try Distribution.uniform(-5, 10)) })
        return Problem(name: "rosenbrock4", space: space, minimum: 0) { x in
            var total = 0.0
            for i in 0..<3 {
                let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
                total += 100 * a * a + b * b
            }
            return total
        }
    }

    /// The simple regret after `budget` trials of `sampler` with `seed` (best found − minimum),
    /// run with the study's visibility rule.
    static func regret(_ sampler: any Sampler, _ problem: Problem, budget: Int, seed: UInt64) -> [Double] {
        let trials = SearchFixtures.suggestions(sampler, space: problem.space, count: budget, seed: seed,
                                                direction: .minimize, score: problem.value)
        var best = Double.infinity
        return trials.map { t in
            best = min(best, t.value ?? .infinity)
            return best - problem.minimum
        }
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
