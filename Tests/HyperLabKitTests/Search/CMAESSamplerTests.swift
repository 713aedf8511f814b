import Foundation
import Testing
@testable import HyperLabKit

@Suite struct CMAESSamplerTests {
    /// f(x) = (x₀ − 0.3)² + 10 (x₁ − 0.7)².
    static func quadratic(_ x: [Double]) -> Double { (x[0] - 0.3) * (x[0] - 0.3) + 10 * (x[1] - 0.7) * (x[1] - 0.7) }

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    /// Two generations told by hand on the 2-D quadratic, against an independent numpy
    /// implementation of Hansen (2016), Table 1 and Fig. 6 (`np.linalg.eigh` for C^(−1/2)):
    /// the script sat at /tmp/cmaes/reference.py while this was written and printed the numbers
    /// below; it starts from m = (0.5, 0.5), σ = 1/6, C = I, λ = 6 and tells the same points.
    @Test func twoGenerationsMatchAnIndependentImplementation() {
        var state = CMAESState(mean: [0.5, 0.5], sigma: 1.0 / 6, populationSize: CMAESState.defaultPopulation(2))
        #expect(state.lambda == 6 && state.mu == 3)
        #expect(Self.close(state.weights, [0.6370425712412168, 0.28457025743803294, 0.07838717132075033,
                                           -0.28638378259655295, -0.7649580940851275, -1.1559817781589212]))
        #expect(Self.close([state.muEff, state.c1, state.cMu, state.cSigma, state.dSigma, state.cc],
                           [2.0286114646100617, 0.1548153998964136, 0.057859085071916304, 0.44620498737831715,
                            1.4462049873783172, 0.6245545390268264]))
        let generations: [[[Double]]] = [
            [[0.45, 0.62], [0.71, 0.40], [0.33, 0.55], [0.52, 0.81], [0.60, 0.47], [0.28, 0.70]],
            [[0.40, 0.66], [0.22, 0.74], [0.51, 0.58], [0.35, 0.79], [0.47, 0.71], [0.30, 0.60]],
        ]
        state.update(generations[0].map { ($0, Self.quadratic($0)) })
        #expect(Self.close(state.mean, [0.3471898648814457, 0.6858569682502399]))
        #expect(Self.close([state.sigma], [0.18653462939897253]))
        #expect(Self.close(state.pSigma, [-1.087343892852164, 1.3224936894017505]))
        #expect(Self.close(state.pc, [-1.2103465026960674, 1.4720969348587283]))
        #expect(Self.close(state.covariance, [0.9868501629615668, -0.2515113296262728, -0.2515113296262728, 1.2931640775108773]))
        state.update(generations[1].map { ($0, Self.quadratic($0)) })
        #expect(Self.close(state.mean, [0.2908194391690335, 0.7148827642653348]))
        #expect(Self.close([state.sigma], [0.18776450308709575]))
        #expect(Self.close(state.pSigma, [-0.9502934979426789, 0.858995186299043]))
        #expect(Self.close(state.pc, [-0.853350440400092, 0.7581065569454366]))
        #expect(Self.close(state.covariance, [0.8992362096939478, -0.29835249009371845, -0.29835249009371845, 1.1211324040467767]))
    }

    /// A 5-D ellipsoid of condition 10³, rotated by a seeded orthogonal matrix, centred inside the cube.
    struct RotatedEllipsoid {
        let rotation: [[Double]]
        let optimum = [0.35, 0.6, 0.45, 0.55, 0.4]

        init(seed: UInt64) {
            var g = SeededGenerator(seed: seed)
            var rows: [[Double]] = []
            while rows.count < 5 {   // Gram–Schmidt on Gaussian rows
                var v = (0..<5).map { _ in g.nextGaussian() }
                for r in rows {
                    let dot = zip(v, r).reduce(0) { $0 + $1.0 * $1.1 }
                    v = zip(v, r).map { $0 - dot * $1 }
                }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                rows.append(v.map { $0 / norm })
            }
            rotation = rows
        }

        func callAsFunction(_ x: [Double]) -> Double {
            let d = zip(x, optimum).map { $0 - $1 }
            return rotation.enumerated().reduce(0) { sum, row in
                let z = zip(row.element, d).reduce(0) { $0 + $1.0 * $1.1 }
                return sum + pow(1e3, Double(row.offset) / 4) * z * z
            }
        }
    }

    @Test func convergesOnARotatedEllipsoid() {
        let f = RotatedEllipsoid(seed: 3)
        var state = CMAESState(mean: [Double](repeating: 0.5, count: 5), sigma: CMAESSampler.initialSigma,
                               populationSize: CMAESState.defaultPopulation(5))
        var g = SeededGenerator(seed: 11)
        var best = Double.infinity, evaluations = 0
        while evaluations < 2_000, best >= 1e-6 {
            let members = (0..<state.lambda).map { _ -> (x: [Double], loss: Double) in
                let x = state.sample(using: &g)
                return (x, f(x))
            }
            evaluations += members.count
            best = min(best, members.map(\.loss).min() ?? .infinity)
            state.update(members)
        }
        #expect(best < 1e-6, "best \(best) after \(evaluations) evaluations")
        // The covariance learned the rotation: the condition of C approaches the ellipsoid's 10³.
        let scales = state.scales
        #expect((scales.max() ?? 0) / (scales.min() ?? 1) > 10)
    }

    /// With lag 0, the sampler's replay of the history is the plain ask-and-tell loop: each
    /// generation of λ trials drawn with the trials' own generators, then told.
    @Test func theReplayIsTheAskAndTellLoop() throws {
        let space = try SearchSpace([("a", .uniform(0, 1)), ("b", .uniform(0, 1)), ("c", .uniform(0, 1))])
        let study = Study(space: space, sampler: CMAESSampler(), direction: .minimize, seed: 4, trials: 42, lag: 0)
        let f = { (x: [Double]) in x.enumerated().reduce(0) { $0 + Double($1.offset + 1) * ($1.element - 0.2) * ($1.element - 0.2) } }
        var trials: [Trial] = []
        for n in 0..<42 {
            let p = study.suggestion(for: n, trials: trials)
            trials.append(Trial(number: n, parameters: p, state: .complete, value: f(space.unitCoordinates(of: p) ?? [])))
        }
        var state = CMAESState(mean: [0.5, 0.5, 0.5], sigma: CMAESSampler.initialSigma, populationSize: 7)
        var expected: [[Double]] = []
        for generation in 0..<6 {
            let xs = (0..<7).map { k in
                var g = Study.samplerGenerator(studySeed: 4, number: generation * 7 + k)
                return state.sample(using: &g)
            }
            expected += xs
            state.update(xs.map { ($0, f($0)) })
        }
        #expect(trials.map { space.unitCoordinates(of: $0.parameters) ?? [] } == expected)
    }

    /// Where the replay stands at `number`, with every trial complete except `failed`.
    static func replay(at number: Int, lag: Int, failed: Set<Int> = []) throws -> CMAESSampler.Replay {
        let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .log(1e-3, 1))])
        let study = Study(space: space, sampler: CMAESSampler(), direction: .minimize, seed: 2, trials: number + 1, lag: lag)
        var trials: [Trial] = []
        for n in 0..<number {
            let p = study.suggestion(for: n, trials: trials)
            trials.append(Trial(number: n, parameters: p, state: failed.contains(n) ? .failed : .complete,
                                value: failed.contains(n) ? nil : Double(n % 5)))
        }
        let context = study.samplingContext(for: number, trials: trials)
        return CMAESSampler().replay(context, numeric: [0, 1])
    }

    /// λ = 6 in 2-D. Lag 0: a generation every 6 trials; a failed trial is replaced by the next.
    /// Lag 4: generation 0 (trials 0–5) is told when trial 10 first sees them; trials 6–9 were drawn
    /// from it meanwhile and join generation 1 as injected solutions with trials 10 and 11, which
    /// is told at trial 16.
    @Test func generationsFollowTheLagAndSkipFailures() throws {
        #expect(try Self.replay(at: 25, lag: 0).generation == 4)
        #expect(try Self.replay(at: 24, lag: 0, failed: [3]).generation == 3)
        #expect(try Self.replay(at: 9, lag: 4).generation == 0)
        #expect(try Self.replay(at: 10, lag: 4).generation == 1)
        let waiting = try Self.replay(at: 15, lag: 4)
        #expect(waiting.generation == 1 && waiting.injected == [true, true, true, true, false])
        #expect(try Self.replay(at: 16, lag: 4).generation == 2)
    }

    /// An injected solution's step is cut to Mahalanobis length √d + 2d/(d + 2); a drawn one's is not.
    @Test func injectedStepsAreClipped() {
        let far: [(x: [Double], loss: Double)] = (0..<6).map { k in ([0.5 + 0.4 * Double(k % 2 == 0 ? 1 : -1), 0.9], Double(k)) }
        var drawn = CMAESState(mean: [0.5, 0.5], sigma: 0.1, populationSize: 6)
        var injected = drawn
        drawn.update(far)
        injected.update(far, injected: [Bool](repeating: true, count: 6))
        // Every step has length √(4² + 4²) = 5.66 in units of σ; the limit in 2-D is √2 + 1.
        let limit = 2.0.squareRoot() + 1, length = 32.0.squareRoot()
        let w = drawn.weights
        let drawnStep: [Double] = drawn.mean.map { ($0 - 0.5) / 0.1 }
        let injectedStep: [Double] = injected.mean.map { ($0 - 0.5) / 0.1 }
        let expected: [Double] = [4 * (w[0] - w[1] + w[2]), 4]
        #expect(Self.close(drawnStep, expected))
        #expect(Self.close(injectedStep, expected.map { $0 * limit / length }))
    }

    /// IPOP: on a flat function the range of values stays below 10⁻¹², so the search stops once
    /// more than 10 + ⌈30·2/6⌉ = 20 generations are told (after 21 × 6 = 126 trials) and restarts
    /// from another mean with λ doubled to 12.
    @Test func aStalledSearchRestartsWithTwiceThePopulation() throws {
        let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))])
        let study = Study(space: space, sampler: CMAESSampler(), direction: .minimize, seed: 9, trials: 200, lag: 0)
        var trials: [Trial] = []
        var replays: [Int: CMAESSampler.Replay] = [:]
        for n in 0...138 {
            if [125, 126, 137, 138].contains(n) {
                replays[n] = CMAESSampler().replay(study.samplingContext(for: n, trials: trials), numeric: [0, 1])
            }
            trials.append(Trial(number: n, parameters: study.suggestion(for: n, trials: trials), state: .complete, value: 1))
        }
        #expect(replays[125]?.restart == 0 && replays[125]?.state.lambda == 6)
        #expect(replays[126]?.restart == 1 && replays[126]?.state.lambda == 12)
        #expect(replays[126]?.state.mean != [0.5, 0.5])
        #expect(replays[137]?.generation == 21 && replays[138]?.generation == 22)
        #expect(CMAESSampler(restarts: false).replay(study.samplingContext(for: 138, trials: trials), numeric: [0, 1]).restart == 0)
    }

    @Test func resultsDoNotDependOnParallel() throws {
        let space = try SearchFixtures.mixedSpace()
        let study = Study(space: space, sampler: CMAESSampler(), direction: .minimize, seed: 6, trials: 36)
        let objective: @Sendable (TrialContext) throws -> TrialOutcome = { trial in
            let lr = trial.parameters["lr"]?.asReal ?? 1, units = trial.parameters["units"]?.asReal ?? 1
            return TrialOutcome(value: abs(log10(lr) + 3) + abs(log2(units) - 6) + (trial.parameters["activation"] == .word("gelu") ? 0 : 0.5))
        }
        let one = study.run(parallel: 1, objective: objective).trials.sorted { $0.number < $1.number }
        let three = study.run(parallel: 3, objective: objective).trials.sorted { $0.number < $1.number }
        #expect(one.map(\.parameters) == three.map(\.parameters))
        #expect(one.map(\.value) == three.map(\.value))
        SearchFixtures.expectInside(one, space)
        #expect(Set(one.compactMap { $0.parameters["activation"] }).count == 3)
    }

    @Test func oneNumericParameterIsSearchedToo() throws {
        let space = try SearchSpace([("lr", .log(1e-5, 1)), ("activation", .choice([.word("relu"), .word("tanh")]))])
        let trials = SearchFixtures.suggestions(CMAESSampler(), space: space, count: 60, seed: 3) { p in
            abs(log10(p["lr"]?.asReal ?? 1) + 2)
        }
        SearchFixtures.expectInside(trials, space)
        let best = trials.best(for: .minimize)?.value ?? .infinity
        #expect(best < 0.05)
        #expect(trials.suffix(8).allSatisfy { abs(log10($0.parameters["lr"]?.asReal ?? 1) + 2) < 0.5 })
    }
}
