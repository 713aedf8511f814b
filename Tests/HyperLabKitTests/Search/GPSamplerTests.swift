import Foundation
import Testing
@testable import HyperLabKit

@Suite struct GPSamplerTests {
    /// Small settings keep the debug-build test fast; the defaults are measured in release.
    static let quick = GPSampler(restarts: 0, fitIterations: 15, candidates: 128, localSearches: 2)

    @Test func logPosteriorGradientMatchesFiniteDifferences() {
        var g = SeededGenerator(seed: 5)
        let n = 12, d = 3
        let categorical = [false, false, true]
        let x = (0..<n).flatMap { _ in [g.nextUnit(), g.nextUnit(), Double(Int(g.nextUnit() * 3))] }
        let y = (0..<n).map { i in sin(6 * x[i * d]) + x[i * d + 1] + 0.1 * x[i * d + 2] }
        let delta2 = GaussianProcess.pairDifferences(x, n: n, d: d, categorical: categorical)
        let theta = [0.3, -0.5, 0.1, 0.2, log(0.01)]
        let (_, grad) = GaussianProcess.negativeLogPosterior(theta, inputs: x, outputs: y, d: d,
                                                             categorical: categorical, delta2: delta2)
        for i in theta.indices {
            var up = theta, down = theta
            up[i] += 1e-5
            down[i] -= 1e-5
            let fu = GaussianProcess.negativeLogPosterior(up, inputs: x, outputs: y, d: d, categorical: categorical, delta2: delta2).value
            let fd = GaussianProcess.negativeLogPosterior(down, inputs: x, outputs: y, d: d, categorical: categorical, delta2: delta2).value
            let numeric = (fu - fd) / 2e-5
            #expect(abs(numeric - grad[i]) < 1e-4 * max(1, abs(numeric)), "θ[\(i)]: \(numeric) vs \(grad[i])")
        }
    }

    @Test func choleskyNeverCrashesOnIllConditionedData() {
        // Duplicate points and zero noise: singular without jitter.
        let x = [0.5, 0.5, 0.5, 0.2]
        let k = GaussianProcess.kernelMatrix(x, n: 4, d: 1, categorical: [false], [1], scale: 1)
        let factor = CholeskyFactor(k, n: 4)
        #expect(factor != nil && (factor?.jitter ?? 0) > 0)
        #expect(CholeskyFactor([Double.nan], n: 1) == nil)
        // A constant objective and repeated parameters still give valid suggestions.
        let space = try? SearchSpace([("x", .uniform(0, 1)), ("c", .choice([.word("a"), .word("b")]))])
        guard let space else { Issue.record("space"); return }
        let same = TrialParameters([("x", .real(0.3)), ("c", .word("a"))])
        let finished = (0..<20).map { Trial(number: $0, parameters: same, state: .complete, value: 1) }
        var g = SeededGenerator(seed: 1)
        let p = Self.quick.suggest(SamplingContext(number: 30, space: space, finished: finished), using: &g)
        #expect(space.contains(p))
    }

    @Test func deterministicInsideAndOfTheRightKinds() throws {
        let space = try SearchFixtures.mixedSpace()
        let score: (TrialParameters) -> Double = { p in
            abs(log10(p["lr"]?.asReal ?? 1) + 3) + (p["activation"] == .word("tanh") ? 0 : 1)
        }
        let a = SearchFixtures.suggestions(Self.quick, space: space, count: 24, seed: 8, score: score)
        let b = SearchFixtures.suggestions(Self.quick, space: space, count: 24, seed: 8, score: score)
        #expect(a.map(\.parameters) == b.map(\.parameters))
        SearchFixtures.expectInside(a, space)
        #expect(a.suffix(8).filter { $0.parameters["activation"] == .word("tanh") }.count >= 5)
    }

    @Test func failedTrialsAreAvoided() throws {
        let space = try SearchSpace([("lr", .log(1e-4, 10))])
        let finished = (0..<16).map { i -> Trial in
            let lr = pow(10, -4 + 5 * Double(i) / 15)
            let p = TrialParameters([("lr", .real(lr))])
            return lr > 0.5 ? Trial(number: i, parameters: p, state: .failed, failure: "diverged")
                : Trial(number: i, parameters: p, state: .complete, value: log10(lr))   // larger is better, until it diverges
        }
        var g = SeededGenerator(seed: 2)
        let p = Self.quick.suggest(SamplingContext(number: 20, space: space, direction: .maximize, finished: finished), using: &g)
        let lr = p["lr"]?.asReal ?? 100
        #expect(lr > 0.01 && lr < 1.5)
    }

    @Test func beatsRandomSearchOnBraninAndHartmann() throws {
        for (problem, budget) in [(try BenchmarkFunctions.branin(), 30), (try BenchmarkFunctions.hartmann6(), 40)] {
            var gp: [Double] = [], random: [Double] = []
            for seed in 0..<10 {
                gp.append(BenchmarkFunctions.regret(Self.quick, problem, budget: budget, seed: UInt64(seed)).last ?? .nan)
                random.append(BenchmarkFunctions.regret(RandomSampler(), problem, budget: budget, seed: UInt64(seed)).last ?? .nan)
            }
            let (m, r) = (BenchmarkFunctions.median(gp), BenchmarkFunctions.median(random))
            #expect(m < r / 2, "\(problem.name): gp \(m) vs random \(r)")
            #expect(zip(gp, random).filter { $0 < $1 }.count >= 7, "\(problem.name): gp wins on too few seeds")
        }
    }

    @Test func trustRegionDoublesOnImprovementAndHalvesAfterTwoTrialsWithout() throws {
        let p = TrialParameters([("x", .real(0.5))])
        let losses: [Double] = [5, 4, 3, 3.5, 3.2, 1, 2]   // from trial 2: better, worse, worse, better, worse
        var trials = losses.enumerated().map { Trial(number: $0.offset, parameters: p, state: .complete, value: $0.element) }
        trials.insert(Trial(number: 7, parameters: p, state: .failed, failure: "diverged"), at: 7)
        let side = GPSampler.trustRegionSide(trials[...], direction: .minimize, start: 2, initial: 0.1, failureTolerance: 2)
        #expect(abs(side - 0.2) < 1e-12)   // 0.1 → 0.2 → 0.1 after two without → 0.2
        let none = GPSampler.trustRegionSide(trials[...], direction: .minimize, start: 100, initial: 0.1, failureTolerance: 2)
        #expect(none == 0.1)
    }

    @Test func polishesOnlyLateInABudgetAndInsideTheRegion() throws {
        #expect(Self.quick.polishStart(budget: nil) == nil)
        #expect(Self.quick.polishStart(budget: 30) == 20)
        #expect(GPSampler(polishFraction: 1).polishStart(budget: 30) == nil)
        let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))])
        // A bowl whose minimum (0.9, 0.9) lies far outside the region around the best trial seen.
        var g = SeededGenerator(seed: 3)
        let finished = (0..<20).map { i -> Trial in
            let x = 0.1 + 0.4 * g.nextUnit(), y = 0.1 + 0.4 * g.nextUnit()
            let value = (x - 0.9) * (x - 0.9) + (y - 0.9) * (y - 0.9)
            return Trial(number: i, parameters: TrialParameters([("x", .real(x)), ("y", .real(y))]), state: .complete, value: value)
        }
        let best = try #require(finished.min { ($0.value ?? 9) < ($1.value ?? 9) })
        for (budget, inside) in [(30, true), (100, false)] {
            var generator = SeededGenerator(seed: 4)
            let p = Self.quick.suggest(SamplingContext(number: 20, space: space, direction: .minimize, finished: finished,
                                                       budget: budget), using: &generator)
            let near = ["x", "y"].allSatisfy { abs((p[$0]?.asReal ?? 9) - (best.parameters[$0]?.asReal ?? 0)) <= 0.05 + 1e-12 }
            #expect(near == inside, "budget \(budget): \(p)")
        }
    }

    @Test func localModelIsFittedToTheTrialsNearestTheIncumbentOnly() throws {
        let space = try SearchSpace([("x", .uniform(0, 1))])
        // A bowl at 0.5 with a cliff far from it: 30 trials on a grid.
        let finished = (0..<30).map { i -> Trial in
            let x = Double(i) / 29
            let value = (x - 0.5) * (x - 0.5) + (x > 0.9 ? 1000 : 0)
            return Trial(number: i, parameters: TrialParameters([("x", .real(x))]), state: .complete, value: value)
        }
        let data = Self.quick.history(SamplingContext(number: 30, space: space, direction: .minimize, finished: finished))
        var g = SeededGenerator(seed: 6)
        let global = try #require(Self.quick.model(data, space: space, &g))
        #expect(global.gp.count == 30)
        let incumbent = try #require(global.observed.first?.first)
        #expect(abs(incumbent - 14.0 / 29) < 1e-12 || abs(incumbent - 15.0 / 29) < 1e-12)
        let local = try #require(Self.quick.localModel(data, global: global, space: space, neighbours: 8, &g))
        #expect(local.gp.count == 8)
        for i in 0..<local.gp.count {
            #expect(abs(local.gp.inputs[i] - incumbent) <= 4.0 / 29 + 1e-12, "input \(local.gp.inputs[i])")
        }
        // Its scores are standardized among the 8: the best of them is well above their mean.
        #expect(local.bestScore > 0.5)
        #expect(Self.quick.localModel(data, global: global, space: space, neighbours: 30, &g) == nil)
    }
}
