import Foundation
import Testing
@testable import HyperLabKit

/// One suite run against every store (memory, SQLite, and PostgreSQL when the test server is up), as Optuna tests its storages.
@Suite struct StudyRepositoryTests {
    typealias Backend = StorageFixtures.Backend

    static func parameters(_ lr: Double, _ units: Int) -> TrialParameters {
        TrialParameters([("lr", .real(lr)), ("units", .integer(units)), ("activation", .word("relu"))])
    }

    @Test(arguments: Backend.allCases)
    func trialsOfEveryStateReadBackEqual(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let id = try repository.createStudy(try StorageFixtures.definition())
        let store = repository.trialStore(for: id)
        let complete = Trial(number: 0, parameters: Self.parameters(0.0031622776601683794, 64), state: .complete,
                             intermediateValues: [1: 0.5, 2: 0.75], value: 0.75,
                             metrics: ["dev_acc": 0.75, "dev_acc_sd": 0, "train_loss": 0.1 + 0.2], seed: 123_456_789_012, seconds: 1.25)
        let pruned = Trial(number: 1, parameters: Self.parameters(1e-4, 8), state: .pruned,
                           intermediateValues: [1: 0.1], metrics: [:], seed: 2, seconds: 0.5)
        let failed = Trial(number: 2, parameters: Self.parameters(0.09, 256), state: .failed, failure: "the metric is nan (diverged)",
                           intermediateValues: [1: .nan, 2: .infinity], metrics: ["dev_acc": .nan, "train_loss": -.infinity],
                           seed: 3, seconds: 0)
        let running = Trial(number: 3, parameters: Self.parameters(0.01, 16), state: .running, seed: 4)
        for trial in [complete, pruned, failed] {
            var started = trial
            started.state = .running
            started.intermediateValues = [:]
            started.value = nil
            started.failure = nil
            started.metrics = [:]
            try store.trialStarted(started)
            for (step, value) in trial.curve { try store.trialReported(number: trial.number, step: step, value: value) }
            try store.trialFinished(trial)
        }
        try store.trialStarted(running)
        try store.trialReported(number: 3, step: 1, value: 0.25)

        let stored = try repository.load("sweep 1")
        #expect(stored.id == id)
        #expect(stored.trials.count == 4)
        #expect(stored.trials[0] == complete)
        #expect(stored.trials[1] == pruned)
        #expect(stored.trials[2].failure == failed.failure && stored.trials[2].state == .failed)
        #expect(stored.trials[2].intermediateValues[1]?.isNaN == true)
        #expect(stored.trials[2].intermediateValues[2] == .infinity)
        #expect(stored.trials[2].metrics["dev_acc"]?.isNaN == true)
        #expect(stored.trials[2].metrics["train_loss"] == -.infinity)
        #expect(stored.trials[3].state == .running)
        #expect(stored.trials[3].intermediateValues == [1: 0.25])
        #expect(try store.trials().map(\.number) == [0, 1, 2, 3])
    }

    @Test(arguments: Backend.allCases)
    func theSummaryCountsInterruptedTrialsApartFromFailedOnes(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let store = repository.trialStore(for: try repository.createStudy(try StorageFixtures.definition()))
        for (number, failure) in [(0, "diverged"), (1, Study.interruptedReason), (2, Study.interruptedReason)] {
            try store.trialStarted(Trial(number: number, parameters: Self.parameters(0.01, 8), state: .running))
            try store.trialFinished(Trial(number: number, parameters: Self.parameters(0.01, 8), state: .failed, failure: failure))
        }
        try store.trialStarted(Trial(number: 3, parameters: Self.parameters(0.01, 8), state: .running))
        #expect(try repository.markInterrupted("sweep 1") == 1)
        let summary = try #require(try repository.studies().first)
        #expect(summary.count(.failed) == 4)
        #expect(summary.interrupted == 3)
        #expect(try repository.load("sweep 1").trials.map(\.stateWord) == ["failed", "interrupted", "interrupted", "interrupted"])
    }

    @Test(arguments: Backend.allCases)
    func aTrialStartedAgainReplacesItsEarlierAttempt(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let store = repository.trialStore(for: try repository.createStudy(try StorageFixtures.definition()))
        try store.trialStarted(Trial(number: 0, parameters: Self.parameters(0.1, 8), state: .running, seed: 1))
        for step in 1...3 { try store.trialReported(number: 0, step: step, value: Double(step)) }
        let again = Trial(number: 0, parameters: Self.parameters(0.2, 16), state: .running, seed: 1)
        try store.trialStarted(again)
        try store.trialReported(number: 0, step: 1, value: 0.5)
        var finished = again
        finished.state = .complete
        finished.intermediateValues = [1: 0.5]
        finished.value = 0.5
        try store.trialFinished(finished)
        #expect(try store.trials() == [finished])
    }

    @Test(arguments: Backend.allCases)
    func eventsRecordedTogetherReadBackAsOneByOne(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let store = repository.trialStore(for: try repository.createStudy(try StorageFixtures.definition()))
        let progress = StudyProgress(total: 3, started: 0, running: 0, complete: 0, pruned: 0, failed: 0, best: nil, elapsed: 0)
        func event(_ kind: StudyEvent.Kind, _ trial: Trial) -> StudyEvent { StudyEvent(kind: kind, trial: trial, progress: progress) }
        let start0 = Trial(number: 0, parameters: Self.parameters(0.1, 8), state: .running, seed: 1)
        let start1 = Trial(number: 1, parameters: Self.parameters(0.2, 16), state: .running, seed: 2)
        var at1 = start0
        at1.intermediateValues = [1: 0.25]
        var done0 = at1
        done0.intermediateValues[2] = 0.5
        done0.state = .complete
        done0.value = 0.5
        var pruned1 = start1
        pruned1.intermediateValues = [1: 0.125]
        pruned1.state = .pruned
        // Trial 0 starts and reports in one batch and finishes in the next; trial 1 does all at once.
        try store.record([event(.started, start0), event(.reported(step: 1, value: 0.25), at1)])
        #expect(try store.trials() == [at1])
        try store.record([event(.reported(step: 2, value: 0.5), done0), event(.started, start1),
                          event(.reported(step: 1, value: 0.125), pruned1), event(.finished, done0),
                          event(.finished, pruned1)])
        #expect(try store.trials() == [done0, pruned1])
    }

    @Test(arguments: Backend.allCases)
    func theDefinitionIsKeptWhole(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        var definition = try StorageFixtures.definition()
        definition.seed = UInt64.max - 3
        definition.dataset = .csv(path: "data/x.csv", folder: "/tmp", target: "y", task: .regression, missing: .mean,
                                  sha256: String(repeating: "ab", count: 32))
        definition.split = .crossValidation(folds: 5, test: 0.2, seed: 3, stratify: false)
        definition.objective = ExternalObjectiveReference(command: "python train.py --lr {lr}", metric: "dev_loss", timeout: 30, directory: "/tmp")
        _ = try repository.createStudy(definition)
        #expect(try repository.load("sweep 1").definition == definition)
    }

    @Test(arguments: Backend.allCases)
    func studiesListCountsBestAndStatus(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let a = try repository.createStudy(try StorageFixtures.definition("a", trials: 3))
        var minimizing = try StorageFixtures.definition("b", trials: 2)
        minimizing.direction = .minimize
        minimizing.metric = "dev_rmse"
        let b = try repository.createStudy(minimizing)
        for (id, values) in [(a, [0.5, 0.9]), (b, [0.5, 0.2])] {
            let store = repository.trialStore(for: id)
            for (n, v) in values.enumerated() {
                try store.trialStarted(Trial(number: n, parameters: Self.parameters(0.01, 8), state: .running))
                try store.trialFinished(Trial(number: n, parameters: Self.parameters(0.01, 8), state: .complete, value: v))
            }
        }
        try repository.trialStore(for: a).trialStarted(Trial(number: 2, parameters: Self.parameters(0.01, 8), state: .running))
        try repository.setStatus(.complete, of: "b")

        let list = try repository.studies()
        #expect(list.map(\.name) == ["a", "b"])
        #expect(list[0].best == 0.9 && list[1].best == 0.2)
        #expect(list[0].count(.complete) == 2 && list[0].count(.running) == 1 && list[0].count(.failed) == 0)
        #expect(list[0].status == .running && list[1].status == .complete)
        #expect(list[0].dataset == "iris" && list[0].sampler == "tpe" && list[0].trialCount == 3)

        #expect(try repository.markInterrupted("a") == 1)
        let a2 = try repository.load("a")
        #expect(a2.trials[2].state == .failed && a2.trials[2].failure == "interrupted")
        #expect(a2.definition.status == .interrupted)
        #expect(try repository.markInterrupted("b") == 0)
        #expect(try repository.load("b").definition.status == .complete)
    }

    @Test(arguments: Backend.allCases)
    func namesAreUniqueAndUnknownNamesAreClearErrors(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let definition = try StorageFixtures.definition("sweep 1")
        _ = try repository.createStudy(definition)
        do {
            _ = try repository.createStudy(definition)
            Issue.record("a second study with the same name was stored")
        } catch {
            #expect(error.kind == .studyExists)
        }
        #expect(try repository.availableName("sweep 1") == "sweep 1 (2)")
        #expect(try repository.availableName("sweep 2") == "sweep 2")
        do {
            _ = try repository.load("swep 1")
            Issue.record("an unknown study loaded")
        } catch {
            #expect(error.kind == .noSuchStudy)
            #expect(error.message.contains("swep 1"))
            #expect(error.hint == "did you mean sweep 1?")
        }
        try repository.deleteStudy("sweep 1")
        #expect(try repository.studies().isEmpty)
        #expect(throws: StorageError.self) { try repository.markInterrupted("sweep 1") }
    }

    @Test(arguments: Backend.allCases)
    func aStudyRunWritesEveryEventAndTheStoreMatchesTheReport(_ backend: Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 10)
        let id = try repository.createStudy(definition)
        let report = try StorageFixtures.study(definition)
            .run(parallel: 2, store: repository.trialStore(for: id), objective: StorageFixtures.objective())
        #expect(report.storeError == nil)
        let stored = try repository.load(definition.name).trials
        #expect(stored.count == 10)
        #expect(stored == report.trials)
        #expect(stored.contains { $0.state == .complete && $0.intermediateValues.count == 4 })
    }
}
