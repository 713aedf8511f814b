import Testing
@testable import HyperLabKit

/// The one trial lifecycle: how a finished trial's state and words follow from its result,
/// the same for local runs, PostgreSQL workers and ask-and-tell.
@Suite struct StudyTrialLifecycleTests {
    private static func study(pruner: any Pruner = NoPruner(), lag: Int = 0) throws -> Study {
        var study = Study(space: try SearchFixtures.mixedSpace(), sampler: RandomSampler(), pruner: pruner,
                          direction: .maximize, seed: 7, trials: 10)
        study.lag = lag
        return study
    }

    private static func running(_ study: Study, _ number: Int = 3) -> Trial {
        study.startedTrial(number, parameters: study.suggestion(for: number, trials: []))
    }

    @Test func aStartedTrialRunsUnderItsOwnSeed() throws {
        let study = try Self.study()
        let trial = Self.running(study, 4)
        #expect(trial.state == .running)
        #expect(trial.number == 4)
        #expect(trial.seed == Study.trialSeed(studySeed: study.seed, number: 4))
    }

    @Test func aFiniteValueCompletesAndKeepsTheMetrics() throws {
        let study = try Self.study()
        let trial = study.finished(Self.running(study), result: .success(TrialOutcome(value: 0.9, metrics: ["dev_loss": 0.3])),
                                   seconds: 1.5, pruned: false)
        #expect(trial.state == .complete)
        #expect(trial.value == 0.9)
        #expect(trial.metrics["dev_loss"] == 0.3)
        #expect(trial.seconds == 1.5)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aValueThatIsNotFiniteFailsAsDiverged(_ value: Double) throws {
        let study = try Self.study()
        let trial = study.finished(Self.running(study), result: .success(TrialOutcome(value: value)),
                                   seconds: nil, pruned: false)
        #expect(trial.state == .failed)
        #expect(trial.value == nil)
        #expect(trial.failure == "the metric is \(value) (diverged)")
    }

    @Test func anObjectivesFailureGivesItsReason() throws {
        let study = try Self.study()
        let trial = study.finished(Self.running(study), result: .failure(TrialFailure("out of memory")),
                                   seconds: nil, pruned: false)
        #expect(trial.state == .failed)
        #expect(trial.failure == "out of memory")
    }

    @Test func prunedWinsOverTheResultAndInterruptedOverTheValue() throws {
        let study = try Self.study()
        let pruned = study.finished(Self.running(study), result: .success(TrialOutcome(value: 0.5)), seconds: nil, pruned: true)
        #expect(pruned.state == .pruned)
        #expect(pruned.value == nil)
        let interrupted = study.finished(Self.running(study), result: .success(TrialOutcome(value: 0.5)), seconds: nil,
                                         pruned: false, interrupted: true)
        #expect(interrupted.state == .failed)
        #expect(interrupted.value == nil)
        #expect(interrupted.failure == Study.interruptedReason)
    }

    /// The pruner sees the trial's values up to the step and its peers by number, and only at its decision steps.
    @Test func pruningAsksThePrunerAtItsDecisionStepsOnly() throws {
        let study = try Self.study(pruner: MedianPruner(startupTrials: 1), lag: 1)
        let peers = [0: 0.9, 1: 0.8, 2: 0.85]
        #expect(study.shouldPrune(4, step: 2, values: [1: 0.1, 2: 0.1], peers: peers))
        #expect(!study.shouldPrune(4, step: 2, values: [1: 0.1, 2: 0.95], peers: peers))
        #expect(!study.shouldPrune(4, step: 2, values: [1: 0.1, 2: 0.1], peers: [:]))
        let everyOther = try Self.study(pruner: MedianPruner(startupTrials: 1, intervalSteps: 2), lag: 1)
        #expect(everyOther.shouldPrune(4, step: 2, values: [2: 0.1], peers: peers))
        #expect(!everyOther.shouldPrune(4, step: 1, values: [1: 0.1], peers: peers))
    }
}
