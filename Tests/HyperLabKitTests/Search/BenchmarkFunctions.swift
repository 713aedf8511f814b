import Foundation
@testable import HyperLabKit

/// Standard test functions for optimizers, with their spaces and known minima.
enum BenchmarkFunctions {
    typealias Problem = SamplerTestFunction

    static func branin() throws -> Problem { try SamplerTestFunction.branin() }
    static func hartmann6() throws -> Problem { try SamplerTestFunction.hartmann6() }
    static func rosenbrock4() throws -> Problem { try SamplerTestFunction.rosenbrock4() }

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
