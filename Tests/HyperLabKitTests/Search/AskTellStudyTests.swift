import Foundation
import Synchronization
import Testing
@testable import HyperLabKit

/// The ask-and-tell API: the same trials as `Study.run`, deterministic for a seed, errors with
/// hints, pruning by the study's pruner, and stores that keep and resume a study.
struct AskTellStudyTests {
    /// Asks and tells `count` trials of Branin in order, each told before the next is asked.
    static func minimizeBranin(_ study: AskTellStudy, count: Int) throws -> [AskedTrial] {
        let branin = try BenchmarkFunctions.branin()
        var asked: [AskedTrial] = []
        for _ in 0..<count {
            let trial = try study.ask()
            try study.tell(trial, branin.f([try trial.double("x1"), try trial.double("x2")]))
            asked.append(trial)
        }
        return asked
    }

    @Test(arguments: [0, 4]) func sequentialAskAndTellGivesTheTrialsOfStudyRun(lag: Int) throws {
        let branin = try BenchmarkFunctions.branin()
        let study = try AskTellStudy(space: branin.space, sampler: .tpe, direction: .minimize, seed: 7, lag: lag)
        _ = try Self.minimizeBranin(study, count: 30)

        let run = Study(space: branin.space, sampler: TPESampler(), direction: .minimize, seed: 7, trials: 30, lag: lag)
            .run(parallel: 1) { trial in TrialOutcome(value: branin.value(trial.parameters)) }
        #expect(study.trials.map(\.parameters) == run.trials.map(\.parameters))
        #expect(study.trials.map(\.value) == run.trials.map(\.value))
        #expect(study.trials.map(\.seed) == run.trials.map(\.seed))
        #expect(study.bestTrial == run.best.map { best in study.trials[best.number] })
    }

    @Test func theSameSeedGivesTheSameAsksAndAnotherSeedOthers() throws {
        let space = try SearchFixtures.mixedSpace()
        func asks(seed: UInt64) throws -> [TrialParameters] {
            let study = try AskTellStudy(space: space, sampler: .tpe, direction: .maximize, seed: seed)
            return try (0..<15).map { _ in
                let trial = try study.ask()
                try study.tell(trial, Double(try trial.int("units")) * 1e-3 - (try trial.double("lr")))
                return trial.parameters
            }
        }
        #expect(try asks(seed: 3) == asks(seed: 3))
        #expect(try asks(seed: 3) != asks(seed: 4))
    }

    @Test func everySamplerKindAsksInsideTheSpace() throws {
        let space = try SearchSpace(["lr": .log(1e-4, 1e-1), "units": .intLog(16, 256), "act": .choice(["relu", "tanh"])])
        let centre = TrialParameters([("lr", .real(1e-3)), ("units", .integer(64)), ("act", "tanh")])
        for kind in SamplerKind.allCases where kind != .grid {
            let study = try AskTellStudy(space: space, sampler: kind, baseline: kind == .around ? centre : nil,
                                         direction: .maximize, seed: 1)
            for _ in 0..<12 {
                let trial = try study.ask()
                #expect(space.contains(trial.parameters), "\(kind): \(trial.parameters)")
                try study.tell(trial, try trial.double("lr"))
            }
        }
        let grid = try AskTellStudy(space: try SearchSpace(["units": .grid([.integer(8), .integer(16)])]),
                                    sampler: .grid, direction: .maximize)
        #expect(try [grid.ask(), grid.ask()].map { try $0.int("units") }.sorted() == [8, 16])
    }

    @Test func aBaselineIsTrialZeroAndAroundNeedsOne() throws {
        let space = try SearchSpace(["lr": .log(1e-4, 1e-1), "units": .int(16, 256)])
        let centre = TrialParameters([("units", .integer(64)), ("lr", .real(1e-3))])
        let study = try AskTellStudy(space: space, sampler: .tpe, baseline: centre, direction: .maximize)
        #expect(try study.ask().parameters == TrialParameters([("lr", .real(1e-3)), ("units", .integer(64))]))
        let none = #expect(throws: AskTellError.self) {
            _ = try AskTellStudy(space: space, sampler: .around, direction: .maximize)
        }
        #expect(none?.message == "around searches near a configuration, and none was given")
        let outside = #expect(throws: AskTellError.self) {
            _ = try AskTellStudy(space: space, sampler: .random, baseline: TrialParameters([("lr", .real(1))]),
                                 direction: .maximize)
        }
        #expect(outside?.description == "the baseline lr=1 is not a point of the space\nhint: give each of lr, units a value inside its range")
    }

    @Test func aGridOverARangeIsRefusedWithAHint() throws {
        let space = try SearchSpace(["x": .uniform(0, 1)])
        let error = #expect(throws: AskTellError.self) {
            _ = try AskTellStudy(space: space, sampler: .grid, direction: .minimize)
        }
        #expect(error?.kind == .invalidSampler)
        #expect(error?.message.hasPrefix("grid cannot search this space") == true)
        #expect(error?.hint?.contains(".grid([...])") == true)
    }

    @Test func aLiteralSpaceKeepsItsOrderAndWordsAreChoices() throws {
        let space = try SearchSpace(["x": .uniform(-5, 10), "lr": .log(1e-4, 1e-1), "units": .int(16, 256),
                                     "act": .choice(["relu", "tanh"])])
        #expect(space.names == ["x", "lr", "units", "act"])
        #expect(space.distribution("act")?.choices == [.word("relu"), .word("tanh")])
        #expect(throws: SearchSpaceError.duplicateName("x")) {
            _ = try SearchSpace(["x": .uniform(0, 1), "x": .uniform(0, 2)])
        }
    }

    @Test func typedAccessorsNameTheParametersWhenAskedForAnother() throws {
        let space = try SearchSpace(["lr": .log(1e-4, 1e-1), "units": .int(16, 256), "act": .choice(["relu", "tanh"])])
        let trial = try AskTellStudy(space: space, sampler: .random, direction: .maximize, seed: 2).ask()
        #expect(try trial.double("units") == Double(try trial.int("units")))
        #expect(try ["relu", "tanh"].contains(trial.word("act")))
        let misspelt = #expect(throws: AskTellError.self) { _ = try trial.double("unit") }
        #expect(misspelt?.description == "trial 0 has no parameter 'unit'\nhint: did you mean units?")
        let unknown = #expect(throws: AskTellError.self) { _ = try trial.double("momentum") }
        #expect(unknown?.hint == "the parameters are lr, units, act")
        let wrong = #expect(throws: AskTellError.self) { _ = try trial.int("act") }
        #expect(wrong?.kind == .wrongType)
        #expect(wrong?.message == "parameter 'act' of trial 0 is \(try trial.word("act")), not an integer")
    }

    @Test func aTrialIsToldOnceAndOnlyToItsOwnStudy() throws {
        let space = try SearchSpace(["x": .uniform(0, 1)])
        let study = try AskTellStudy(space: space, sampler: .random, direction: .minimize)
        let other = try AskTellStudy(space: space, sampler: .random, direction: .minimize)
        let trial = try study.ask()
        let foreign = #expect(throws: AskTellError.self) { try other.tell(trial, 1) }
        #expect(foreign?.kind == .foreignTrial)
        try study.tell(trial, 0.5)
        let twice = #expect(throws: AskTellError.self) { try study.tell(trial, state: .failed) }
        #expect(twice?.description == "trial 0 was already told (complete)\nhint: each trial is told once")
        let late = #expect(throws: AskTellError.self) { try trial.report(0.1, step: 1) }
        #expect(late?.kind == .notRunning)
        let running = #expect(throws: AskTellError.self) { try study.tell(try study.ask(), state: .complete) }
        #expect(running?.kind == .invalidState)
        #expect(study.trials.map(\.state) == [.complete, .running])
    }

    @Test func aValueThatIsNotFiniteFailsTheTrialAsDivergedAndStatesWithoutValueAreKept() throws {
        let study = try AskTellStudy(space: try SearchSpace(["x": .uniform(0, 1)]), sampler: .random, direction: .minimize)
        let diverged = try study.ask()
        try study.tell(diverged, .nan)
        let pruned = try study.ask()
        try pruned.report(3, step: 1)
        try study.tell(pruned, state: .pruned)
        let failed = try study.ask()
        try study.tell(failed, state: .failed, reason: "out of memory")
        let complete = try study.ask()
        try study.tell(complete, 2, metrics: ["seconds": 1])
        let trials = study.trials
        #expect(trials.map(\.state) == [.failed, .pruned, .failed, .complete])
        #expect(trials[0].failure == "the metric is nan (diverged)")
        #expect(trials[1].intermediateValues == [1: 3] && trials[1].value == nil)
        #expect(trials[2].failure == "out of memory")
        #expect(study.bestTrial?.number == 3 && study.bestTrial?.metrics == ["seconds": 1, "value": 2])
    }

    @Test func pruningDecidesAsStudyRunDoesWithTheSamePruner() throws {
        let space = try SearchSpace(["x": .uniform(0, 1)])
        let epochs = 5
        // A curve that falls towards x: trials with a large x are worse at every epoch.
        @Sendable func curve(_ x: Double, _ epoch: Int) -> Double { x + 1 / Double(epoch) }
        let run = Study(space: space, sampler: RandomSampler(), pruner: MedianPruner(startupTrials: 3),
                        direction: .minimize, seed: 5, trials: 20, lag: 0).run(parallel: 1) { trial in
            let x = trial.parameters["x"]?.asReal ?? .nan
            for epoch in 1...epochs where trial.report(step: epoch, value: curve(x, epoch), isLast: epoch == epochs) {
                break
            }
            return TrialOutcome(value: curve(x, epochs))
        }
        let study = try AskTellStudy(space: space, sampler: .random, pruner: .median, direction: .minimize, seed: 5)
        for _ in 0..<20 {
            let trial = try study.ask()
            #expect(!trial.shouldPrune)   // nothing reported yet
            let x = try trial.double("x")
            var pruned = false
            for epoch in 1...epochs {
                try trial.report(curve(x, epoch), step: epoch)
                if epoch < epochs && study.shouldPrune(trial) {
                    pruned = true
                    break
                }
            }
            if pruned { try study.tell(trial, state: .pruned) } else { try study.tell(trial, curve(x, epochs)) }
        }
        #expect(run.trials.contains { $0.state == .pruned })
        #expect(study.trials.map(\.state) == run.trials.map(\.state))
        #expect(study.trials.map(\.intermediateValues) == run.trials.map(\.intermediateValues))
    }

    /// TPE under Hyperband with its settings: the asks and decisions of a sweep's study (TPE
    /// modelling one budget at a time), kept by the store, so a reopened study goes on exactly.
    @Test func hyperbandWithTPEAsksAsTheSweepDoesAndAReopenedStudyGoesOnExactly() throws {
        let space = try SearchSpace(["x": .uniform(0, 1), "y": .uniform(0, 1)])
        let settings = ["eta": "3", "min_epochs": "1", "max_epochs": "9"]
        @Sendable func curve(_ x: Double, _ y: Double, _ epoch: Int) -> Double { (x - 0.3) * (x - 0.3) + y / 4 + 1 / Double(epoch) }
        func drive(_ study: AskTellStudy, count: Int) throws {
            for _ in 0..<count {
                let trial = try study.ask()
                let (x, y) = (try trial.double("x"), try trial.double("y"))
                var pruned = false
                for epoch in 1...9 {
                    try trial.report(curve(x, y, epoch), step: epoch)
                    if epoch < 9 && study.shouldPrune(trial) {
                        pruned = true
                        break
                    }
                }
                if pruned { try study.tell(trial, state: .pruned) } else { try study.tell(trial, curve(x, y, 9)) }
            }
        }
        let repository = MemoryStudyRepository()
        let first = try AskTellStudy.create(named: "hb", in: repository, space: space, sampler: .tpe, pruner: .hyperband,
                                            prunerSettings: settings, direction: .minimize, seed: 2, lag: 0)
        try drive(first, count: 20)
        #expect(try repository.load("hb").definition.prunerSettings == settings)
        let reopened = try AskTellStudy.open(named: "hb", in: repository)
        try drive(reopened, count: 20)
        let whole = try AskTellStudy(space: space, sampler: .tpe, pruner: .hyperband, prunerSettings: settings,
                                     direction: .minimize, seed: 2, lag: 0)
        try drive(whole, count: 40)
        #expect(whole.trials.contains { $0.state == .pruned })
        #expect(reopened.trials.map(\.parameters) == whole.trials.map(\.parameters))
        #expect(reopened.trials.map(\.state) == whole.trials.map(\.state))

        let pruner = HyperbandPruner(minimumResource: 1, maximumResource: 9, reductionFactor: 3)
        let run = Study(space: space, sampler: pruner.budgetedSampler(TPESampler()), pruner: pruner,
                        direction: .minimize, seed: 2, trials: 40, lag: 0).run(parallel: 1) { trial in
            let x = trial.parameters["x"]?.asReal ?? .nan, y = trial.parameters["y"]?.asReal ?? .nan
            for epoch in 1...9 where trial.report(step: epoch, value: curve(x, y, epoch), isLast: epoch == 9) { break }
            return TrialOutcome(value: curve(x, y, 9))
        }
        #expect(whole.trials.map(\.parameters) == run.trials.map(\.parameters))
        #expect(whole.trials.map(\.state) == run.trials.map(\.state))

        let refused = #expect(throws: AskTellError.self) {
            _ = try AskTellStudy(space: space, pruner: .hyperband, prunerSettings: ["eta": "1"], direction: .minimize)
        }
        #expect(refused?.kind == .invalidPruner)
        #expect(refused?.message == "eta=1 is not a whole number from 2 to 100")
    }

    @Test func aStoreThatFailsRefusesTheAskAndTheNextAskRetriesTheSameNumber() throws {
        let store = RefusingStore()
        let study = try AskTellStudy(space: try SearchSpace(["x": .uniform(0, 1)]), sampler: .tpe,
                                     direction: .minimize, store: store)
        store.refuses.withLock { $0 = true }
        let error = #expect(throws: AskTellError.self) { _ = try study.ask() }
        #expect(error == AskTellError(.store, "the disk is full", hint: "free some space"))
        store.refuses.withLock { $0 = false }
        let trial = try study.ask()
        #expect(trial.number == 0)
        #expect(try store.trials().map(\.number) == [0])
    }

    @Test func aSQLiteStudyReopenedContinuesAsIfItNeverStopped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asktell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("studies.sqlite").path
        try Self.expectResumesExactly(in: { try SQLiteStudyStore.open(path: path) })
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable,
                   "needs HYPERLAB_TEST_POSTGRES_URL: eval \"$(scripts/start-test-postgres.sh)\""))
    func aPostgreSQLStudyReopenedContinuesAsIfItNeverStopped() throws {
        let (url, cleanUp) = try PostgreSQLTestServer.freshSchema()
        defer { cleanUp() }
        try Self.expectResumesExactly(in: { try PostgreSQLStudyStore.open(url: url) })
    }

    @Test func aMemoryRepositoryKeepsTheStudyForTheShell() throws {
        let repository = MemoryStudyRepository()
        let space = try SearchSpace(["x1": .uniform(-5, 10), "x2": .uniform(0, 15)])
        let study = try AskTellStudy.create(named: "branin", in: repository, space: space, sampler: .bayes,
                                            direction: .minimize, seed: 3)
        _ = try Self.minimizeBranin(study, count: 3)
        let stored = try repository.load("branin")
        #expect(stored.trials == study.trials)
        #expect(stored.definition.sampler == "bayes" && stored.definition.metric == "value")
        #expect(stored.trials.map { $0.metrics["value"] } == stored.trials.map(\.value))
        let taken = #expect(throws: AskTellError.self) {
            _ = try AskTellStudy.create(named: "branin", in: repository, space: space, direction: .minimize)
        }
        #expect(taken?.kind == .storage)
        let missing = #expect(throws: AskTellError.self) { _ = try AskTellStudy.open(named: "brainin", in: repository) }
        #expect(missing?.hint == "did you mean branin?")
    }

    /// Creates a study in the repository `open` gives, tells 6 trials, leaves a 7th running (as a
    /// process that died would), reopens it from a second connection and tells 6 more: the told
    /// trials equal those of one uninterrupted study with the running one failed.
    static func expectResumesExactly(in open: () throws -> any StudyRepository) throws {
        let space = try SearchSpace(["x1": .uniform(-5, 10), "x2": .uniform(0, 15)])
        let first = try AskTellStudy.create(named: "branin", in: try open(), space: space, sampler: .tpe,
                                            pruner: .median, direction: .minimize, seed: 11, lag: 1)
        _ = try minimizeBranin(first, count: 6)
        let abandoned = try first.ask()
        try abandoned.report(40, step: 1)

        let reopened = try AskTellStudy.open(named: "branin", in: try open())
        #expect(reopened.study.lag == 1 && reopened.study.seed == 11 && reopened.study.direction == .minimize)
        #expect(reopened.study.space == space)
        #expect(reopened.trials[6].state == .failed && reopened.trials[6].failure == Study.interruptedReason)
        #expect(reopened.trials[6].intermediateValues == [1: 40])
        _ = try minimizeBranin(reopened, count: 6)

        let uninterrupted = try AskTellStudy(space: space, sampler: .tpe, pruner: .median, direction: .minimize,
                                             seed: 11, lag: 1)
        _ = try minimizeBranin(uninterrupted, count: 6)
        let dropped = try uninterrupted.ask()
        try uninterrupted.tell(dropped, state: .failed, reason: Study.interruptedReason)
        _ = try minimizeBranin(uninterrupted, count: 6)
        #expect(reopened.trials.map(\.parameters) == uninterrupted.trials.map(\.parameters))
        #expect(reopened.trials.map(\.value) == uninterrupted.trials.map(\.value))
        #expect(try open().load("branin").trials.map(\.state) == uninterrupted.trials.map(\.state))
    }
}

/// A memory store whose writes fail with "the disk is full" while `refuses` is set.
private final class RefusingStore: StudyStore {
    let refuses = Mutex(false)
    private let inner = MemoryStudyStore()

    private func check() throws(StudyStoreError) {
        if refuses.withLock({ $0 }) { throw StudyStoreError("the disk is full", hint: "free some space") }
    }

    func trialStarted(_ trial: Trial) throws(StudyStoreError) {
        try check()
        try inner.trialStarted(trial)
    }
    func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try check()
        try inner.trialReported(number: number, step: step, value: value)
    }
    func trialFinished(_ trial: Trial) throws(StudyStoreError) {
        try check()
        try inner.trialFinished(trial)
    }
    func trials() throws(StudyStoreError) -> [Trial] { try inner.trials() }
}
