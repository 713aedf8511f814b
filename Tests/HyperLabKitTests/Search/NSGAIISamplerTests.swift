import Testing
@testable import HyperLabKit

/// NSGA-II: crowding distances and the elite by hand, children made of their parents' values,
/// random draws first, the same trials at any `parallel=`, and better fronts and minima than
/// random search.
@Suite struct NSGAIISamplerTests {
    @Test func crowdingDistanceSumsTheNeighboursGapsPerObjectiveWithInfiniteEnds() {
        // Front 0: (0, 4), (1, 2), (2, 1), (4, 0); (3, 3) is dominated by (2, 1) and alone in front 1.
        let losses: [[Double]] = [[0, 4], [1, 2], [2, 1], [4, 0], [3, 3]]
        let ranks = ParetoFront.ranks(losses)
        #expect(ranks == [0, 0, 0, 0, 1])
        let distances = NSGAIISampler.crowdingDistances(losses, ranks: ranks)
        // (1, 2): (2 − 0)/4 along f1 plus (4 − 1)/4 along f2; (2, 1): (4 − 1)/4 plus (2 − 0)/4.
        #expect(distances == [.infinity, 1.25, 1.25, .infinity, .infinity])
    }

    /// A context for trial `number` whose finished trials have the values `values` (one metric).
    static func context(number: Int, values: [Double]) throws -> SamplingContext {
        let space = try SearchSpace([("x", .uniform(0, 1)), ("k", .choice([.word("a"), .word("b"), .word("c")]))])
        let finished = values.enumerated().map { i, value in
            Trial(number: i, parameters: TrialParameters([("x", .real(Double(i) / 100)), ("k", .word(["a", "b", "c"][i % 3]))]),
                  state: .complete, value: value)
        }
        return SamplingContext(number: number, space: space, direction: .minimize, finished: finished)
    }

    @Test func theEliteIsTheBestByRankThenCrowdingThenNumberAndFailedTrialsAreNoParents() throws {
        var context = try Self.context(number: 30, values: [5, 1, 3, 1, 4, 2])
        context.finished.append(Trial(number: 6, parameters: context.finished[0].parameters, state: .failed))
        // One metric: ties (trials 1 and 3) share a rank and are both ends of it (infinite crowding).
        #expect(NSGAIISampler.elite(of: context, size: 4).map(\.trial.number) == [1, 3, 5, 2])
    }

    @Test func withoutMutationAChildTakesEachParameterFromAnEliteParent() throws {
        let context = try Self.context(number: 40, values: (0..<30).map { Double(($0 * 7) % 30) })
        let sampler = NSGAIISampler(populationSize: 5, crossoverProbability: 1, mutationProbability: 0)
        let elite = NSGAIISampler.elite(of: context, size: 5).map(\.trial.parameters)
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<50 {
            let child = sampler.suggest(context, using: &generator)
            for name in ["x", "k"] {
                #expect(elite.contains { $0[name] == child[name] }, "\(name)=\(String(describing: child[name])) comes from no parent")
            }
        }
    }

    @Test func theFirstPopulationIsRandomSearchsDraws() throws {
        let space = try SearchSpace([("x", .uniform(0, 1)), ("n", .intLog(1, 64))])
        func trials(_ sampler: any Sampler) -> [TrialParameters] {
            Study(space: space, sampler: sampler, direction: .minimize, seed: 4, trials: 8, lag: 0)
                .run(parallel: 1) { TrialOutcome(value: $0.parameters["x"]?.asReal ?? 0) }.trials.map(\.parameters)
        }
        #expect(trials(NSGAIISampler(populationSize: 8)) == trials(RandomSampler()))
    }

    @Test func theSameTrialsAtParallelOneAndThreeAndForTheSameSeed() throws {
        func run(parallel: Int, seed: UInt64 = 3) throws -> [TrialParameters] {
            try MultiObjectiveTPETests.study(sampler: NSGAIISampler(populationSize: 10), seed: seed, trials: 40)
                .run(parallel: parallel, objective: MultiObjectiveTPETests.objective).trials.map(\.parameters)
        }
        let one = try run(parallel: 1)
        #expect(one == (try run(parallel: 3)))
        #expect(one == (try run(parallel: 1)))
        #expect(one != (try run(parallel: 1, seed: 4)))
    }

    @Test func findsMoreFrontVolumeThanRandomSearch() throws {
        var wins = 0
        for seed: UInt64 in 0..<5 {
            func volume(_ sampler: any Sampler) throws -> Double {
                let trials = try MultiObjectiveTPETests.study(sampler: sampler, seed: seed, trials: 120)
                    .run(parallel: 1, objective: MultiObjectiveTPETests.objective).trials
                return Hypervolume.of(trials.compactMap { $0.objectiveValues(MultiObjectiveTPETests.objectives) }, reference: [1.1, 11])
            }
            if try volume(NSGAIISampler()) > volume(RandomSampler()) { wins += 1 }
        }
        #expect(wins >= 4)
    }

    @Test func withOneMetricItMinimizesBetterThanRandomSearch() throws {
        let space = try SearchSpace((1...4).map { ("x\($0)", try Distribution.uniform(-5, 5)) })
        func best(_ sampler: any Sampler, seed: UInt64) -> Double {
            Study(space: space, sampler: sampler, direction: .minimize, seed: seed, trials: 150).run(parallel: 1) { trial in
                TrialOutcome(value: (1...4).reduce(0) { sum, i in
                    let x = trial.parameters["x\(i)"]?.asReal ?? 0
                    return sum + x * x
                })
            }.best?.value ?? .infinity
        }
        var wins = 0
        for seed: UInt64 in 0..<5 where best(NSGAIISampler(), seed: seed) < best(RandomSampler(), seed: seed) { wins += 1 }
        #expect(wins >= 4)
    }
}
