import Testing
@testable import HyperLabKit

/// Spaces and helpers shared by the search tests.
enum SearchFixtures {
    /// Two log floats, a log integer and a choice: the benchmark space of the issue.
    static func mixedSpace() throws -> SearchSpace {
        try SearchSpace([
            ("lr", .log(1e-5, 1e-1)),
            ("weight_decay", .log(1e-6, 1e-2)),
            ("units", .intLog(8, 512)),
            ("activation", .choice([.word("relu"), .word("tanh"), .word("gelu")])),
        ])
    }

    /// Runs `count` suggestions of `sampler` sequentially with the study's visibility rule,
    /// scoring each with `score` (complete trials only).
    static func suggestions(_ sampler: any Sampler, space: SearchSpace, count: Int, seed: UInt64 = 1,
                            direction: MetricDirection = .minimize,
                            score: (TrialParameters) -> Double = { _ in 0 }) -> [Trial] {
        let study = Study(space: space, sampler: sampler, direction: direction, seed: seed, trials: count)
        var trials: [Trial] = []
        for n in 0..<count {
            let p = study.suggestion(for: n, trials: trials)
            trials.append(Trial(number: n, parameters: p, state: .complete, value: score(p)))
        }
        return trials
    }

    /// Checks kinds and bounds of every parameter.
    static func expectInside(_ trials: [Trial], _ space: SearchSpace) {
        for trial in trials {
            #expect(space.contains(trial.parameters), "trial \(trial.number): \(trial.parameters)")
            #expect(trial.parameters.names == space.names)
        }
    }
}
