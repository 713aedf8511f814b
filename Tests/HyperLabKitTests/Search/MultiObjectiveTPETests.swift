import Testing
@testable import HyperLabKit

/// MOTPE: the "below" group by non-domination rank then hypervolume, deterministic, the same at
/// any `parallel=`, and better than random search at finding a front.
@Suite struct MultiObjectiveTPETests {
    static let objectives = [StudyObjective("f1", .minimize), StudyObjective("f2", .minimize)]

    /// A two-objective problem (ZDT1-like on two variables): f1 = x, f2 = g·(1 − √(x/g)), g = 1 + 9y.
    static func objective(_ trial: TrialContext) throws -> TrialOutcome {
        let x = trial.parameters["x"]?.asReal ?? 0, y = trial.parameters["y"]?.asReal ?? 0
        let g = 1 + 9 * y
        let f1 = x, f2 = g * (1 - (x / g).squareRoot())
        return TrialOutcome(value: f1, metrics: ["f1": f1, "f2": f2])
    }

    static func study(sampler: any Sampler, seed: UInt64 = 3, trials: Int = 40) throws -> Study {
        var study = Study(space: try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))]), sampler: sampler,
                          direction: .minimize, seed: seed, trials: trials)
        study.objectives = objectives
        return study
    }

    @Test func wholeRanksFirstThenTheLargestHypervolume() {
        // Rank 0: (0, 4), (4, 0), (2, 2); rank 1: (1, 4.5), (4.5, 1), (3, 3); rank 2: (5, 5). The
        // reference is (5.5, 5.5): alone, (2, 2) holds 3.5² = 12.25, the others 1.5·5.5 = 8.25; beside
        // (2, 2), (0, 4) and (4, 0) add 3 each (a tie, to the lower number).
        let losses: [[Double]] = [[0, 4], [4, 0], [2, 2], [1, 4.5], [4.5, 1], [3, 3], [5, 5]]
        #expect(TPESampler.multiObjectiveBelow(losses, count: 1).map(\.index) == [2])
        #expect(TPESampler.multiObjectiveBelow(losses, count: 2).map(\.index) == [0, 2])
        #expect(TPESampler.multiObjectiveBelow(losses, count: 3).map(\.index) == [0, 1, 2])
        // A whole rank, then (3, 3), which holds 2.5² = 6.25 against 4.5 for the others of rank 1.
        #expect(TPESampler.multiObjectiveBelow(losses, count: 4).map(\.index) == [0, 1, 2, 5])
        // Every weight is in (0, 1], the largest contribution 1.
        let weights = TPESampler.multiObjectiveBelow(losses, count: 4).map(\.weight)
        #expect(weights.allSatisfy { $0 > 0 && $0 <= 1 } && weights.contains(1))
    }

    @Test func theSameAtParallelOneAndTwoAndForTheSameSeed() throws {
        let one = try Self.study(sampler: TPESampler(startupTrials: 8)).run(parallel: 1, objective: Self.objective)
        let two = try Self.study(sampler: TPESampler(startupTrials: 8)).run(parallel: 2, objective: Self.objective)
        let again = try Self.study(sampler: TPESampler(startupTrials: 8)).run(parallel: 2, objective: Self.objective)
        #expect(one.trials.map(\.parameters) == two.trials.map(\.parameters))
        #expect(two.trials.map(\.parameters) == again.trials.map(\.parameters))
        #expect(one.trials.allSatisfy { $0.state == .complete })
        let other = try Self.study(sampler: TPESampler(startupTrials: 8), seed: 4).run(parallel: 1, objective: Self.objective)
        #expect(other.trials.map(\.parameters) != one.trials.map(\.parameters))
    }

    @Test func findsMoreFrontVolumeThanRandomSearch() throws {
        var wins = 0
        for seed: UInt64 in 0..<5 {
            func volume(_ sampler: any Sampler) throws -> Double {
                let trials = try Self.study(sampler: sampler, seed: seed, trials: 50).run(parallel: 1, objective: Self.objective).trials
                return Hypervolume.of(trials.compactMap { $0.objectiveValues(Self.objectives) }, reference: [1.1, 11])
            }
            if try volume(TPESampler(startupTrials: 10)) > volume(RandomSampler()) { wins += 1 }
        }
        #expect(wins >= 4)
    }

    @Test func aMissingOrDivergedObjectiveFailsTheTrial() throws {
        let report = try Self.study(sampler: RandomSampler(), trials: 2).run(parallel: 1) { trial in
            trial.number == 0 ? TrialOutcome(value: 1, metrics: ["f1": 1]) : TrialOutcome(value: 1, metrics: ["f1": 1, "f2": .nan])
        }
        #expect(report.trials.map(\.state) == [.failed, .failed])
        #expect(report.trials.map(\.failure) == ["the metric f2 is missing", "the metric f2 is nan (diverged)"])
    }
}
