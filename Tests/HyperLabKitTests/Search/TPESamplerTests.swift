import Foundation
import Testing
@testable import HyperLabKit

@Suite struct TPESamplerTests {
    @Test func deterministicInsideAndOfTheRightKinds() throws {
        let space = try SearchFixtures.mixedSpace()
        let score: (TrialParameters) -> Double = { p in
            let lr = p["lr"]?.asReal ?? 1
            return abs(log10(lr) + 3) + (p["activation"] == .word("tanh") ? 0 : 1)
        }
        let a = SearchFixtures.suggestions(TPESampler(), space: space, count: 60, seed: 8, score: score)
        let b = SearchFixtures.suggestions(TPESampler(), space: space, count: 60, seed: 8, score: score)
        #expect(a.map(\.parameters) == b.map(\.parameters))
        SearchFixtures.expectInside(a, space)
        // The model concentrates on the good choice and on lr near 1e-3.
        let late = a.suffix(30)
        #expect(late.filter { $0.parameters["activation"] == .word("tanh") }.count >= 18)
        #expect(late.filter { abs(log10($0.parameters["lr"]?.asReal ?? 1) + 3) < 0.5 }.count >= 12)
    }

    @Test func pendingTrialsPushSuggestionsAway() throws {
        let space = try SearchSpace([("x", .uniform(0, 1))])
        let finished = (0..<30).map { i in
            Trial(number: i, parameters: TrialParameters([("x", .real(Double(i) / 29))]), state: .complete,
                  value: abs(Double(i) / 29 - 0.5))
        }
        let sampler = TPESampler()
        func suggestion(pending: [TrialParameters]) -> Double {
            var g = SeededGenerator(seed: 1)
            let c = SamplingContext(number: 40, space: space, direction: .minimize, finished: finished, pending: pending)
            return sampler.suggest(c, using: &g)["x"]?.asReal ?? -1
        }
        let free = suggestion(pending: [])
        #expect(abs(free - 0.5) < 0.1)
        let lie = TrialParameters([("x", .real(free))])
        let busy = suggestion(pending: Array(repeating: lie, count: 4))
        #expect(busy != free)
    }

    @Test func improvementWeightsFavourTheBestTrials() {
        #expect(TPESampler.improvementWeights([1, 2, 3], threshold: 4) == [3, 2, 1])
        #expect(TPESampler.improvementWeights([1, 4], threshold: 4) == [3, 1e-12])
        #expect(TPESampler.improvementWeights([1, 2], threshold: nil) == [1, 1])
    }

    @Test func beatsRandomSearchOnBraninAndHartmann() throws {
        for (problem, budget) in [(try BenchmarkFunctions.branin(), 40), (try BenchmarkFunctions.hartmann6(), 60)] {
            var tpe: [Double] = [], random: [Double] = []
            for seed in 0..<10 {
                tpe.append(BenchmarkFunctions.regret(TPESampler(), problem, budget: budget, seed: UInt64(seed)).last ?? .nan)
                random.append(BenchmarkFunctions.regret(RandomSampler(), problem, budget: budget, seed: UInt64(seed)).last ?? .nan)
            }
            let (t, r) = (BenchmarkFunctions.median(tpe), BenchmarkFunctions.median(random))
            #expect(t < r / 3, "\(problem.name): tpe \(t) vs random \(r)")
            #expect(zip(tpe, random).filter { $0 < $1 }.count >= 7, "\(problem.name): tpe wins on too few seeds")
        }
    }
}
