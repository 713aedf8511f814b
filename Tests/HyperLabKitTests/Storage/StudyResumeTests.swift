import Foundation
import Synchronization
import Testing
@testable import HyperLabKit

/// `Study.run(previous:)`: a study stopped part-way and resumed from its store ends with the
/// same trials as one that never stopped.
@Suite struct StudyResumeTests {
    typealias Backend = StorageFixtures.Backend

    /// A counter shared with closures.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func add() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    /// A store that passes `limit` events on, then fails, the way a dead process stops writing.
    struct FailingStore: StudyStore {
        let base: any StudyStore
        let limit: Int
        let events = Counter()
        private func pass() throws(StudyStoreError) {
            events.add()
            if events.count > limit { throw StudyStoreError("the disk vanished") }
        }
        func trialStarted(_ trial: Trial) throws(StudyStoreError) { try pass(); try base.trialStarted(trial) }
        func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
            try pass(); try base.trialReported(number: number, step: step, value: value)
        }
        func trialFinished(_ trial: Trial) throws(StudyStoreError) { try pass(); try base.trialFinished(trial) }
        func trials() throws(StudyStoreError) -> [Trial] { try base.trials() }
    }

    /// The objective, counting its calls.
    static func counted(_ calls: Counter) -> @Sendable (TrialContext) throws -> TrialOutcome {
        let objective = StorageFixtures.objective()
        return { trial in
            calls.add()
            return try objective(trial)
        }
    }

    @Test(arguments: Backend.allCases, [40, 95])
    func aStudyCutByAStoreFailureResumesToTheUninterruptedTrials(_ backend: Backend, _ limit: Int) throws {
        let definition = try StorageFixtures.definition(trials: 20)
        let study = try StorageFixtures.study(definition)
        let reference = study.run(parallel: 2, objective: StorageFixtures.objective()).trials.map(StorageFixtures.fingerprint)

        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let id = try repository.createStudy(definition)
        let cut = study.run(parallel: 2, store: FailingStore(base: repository.trialStore(for: id), limit: limit),
                            objective: StorageFixtures.objective())
        #expect(cut.storeError != nil)
        #expect(cut.stoppedEarly)

        // What the dead run left: some finished trials, perhaps some left running.
        let marked = try repository.markInterrupted(definition.name)
        let stored = try repository.load(definition.name)
        #expect(stored.definition.status == .interrupted)
        #expect(stored.trials.filter { $0.state == .running }.isEmpty)
        #expect(stored.trials.filter { $0.failure == "interrupted" }.count >= marked)
        let kept = stored.trials.filter(Study.isKept)
        #expect(!kept.isEmpty && kept.count < 20)

        let calls = Counter()
        let resumed = study.run(parallel: 1, store: repository.trialStore(for: stored.id), previous: stored.trials,
                                objective: Self.counted(calls))
        #expect(calls.count == 20 - kept.count, "kept trials are not run again")
        #expect(resumed.trials.map(StorageFixtures.fingerprint) == reference)
        let final = try repository.load(definition.name).trials
        #expect(final.map(\.number) == Array(0..<20))
        #expect(final.map(StorageFixtures.fingerprint) == reference)
        for trial in kept { #expect(final[trial.number] == trial, "trial \(trial.number) was kept as it was") }
    }

    @Test(arguments: Backend.allCases)
    func aStudyStoppedByCtrlCResumesToTheUninterruptedTrials(_ backend: Backend) throws {
        let definition = try StorageFixtures.definition(trials: 16)
        let study = try StorageFixtures.study(definition)
        let reference = study.run(parallel: 2, objective: StorageFixtures.objective()).trials.map(StorageFixtures.fingerprint)

        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        let id = try repository.createStudy(definition)
        let finished = Counter()
        let stop = Interruption { finished.count >= 6 }
        let first = study.run(parallel: 2, store: repository.trialStore(for: id), interruption: stop,
                              progress: { event in if case .finished = event.kind { finished.add() } },
                              objective: StorageFixtures.objective(pause: 200))
        #expect(first.stoppedEarly)
        try repository.setStatus(.interrupted, of: definition.name)

        let stored = try repository.load(definition.name)
        let resumed = study.run(parallel: 2, store: repository.trialStore(for: stored.id), previous: stored.trials,
                                objective: StorageFixtures.objective())
        #expect(!resumed.stoppedEarly)
        #expect(resumed.trials.map(StorageFixtures.fingerprint) == reference)
        #expect(try repository.load(definition.name).trials.map(StorageFixtures.fingerprint) == reference)
    }

    @Test func resumingAFinishedStudyRunsNothing() throws {
        let definition = try StorageFixtures.definition(trials: 6, sampler: "random")
        let study = try StorageFixtures.study(definition)
        let done = study.run(parallel: 2, objective: StorageFixtures.objective())
        let calls = Counter()
        let again = study.run(parallel: 2, previous: done.trials, objective: Self.counted(calls))
        #expect(calls.count == 0)
        #expect(again.trials == done.trials)
        #expect(!again.stoppedEarly)
        #expect(StoredStudy(id: StudyID(1), definition: definition, trials: done.trials).isFinished)
    }

    @Test func progressCountsIncludeTheKeptTrials() throws {
        let definition = try StorageFixtures.definition(trials: 8, sampler: "random")
        let study = try StorageFixtures.study(definition)
        let done = study.run(parallel: 1, objective: StorageFixtures.objective())
        var previous = Array(done.trials.prefix(5))
        previous[4].state = .failed
        previous[4].failure = Study.interruptedReason
        let calls = Counter()
        var firstStarted: StudyProgress?
        let resumed = study.run(parallel: 1, previous: previous, progress: { event in
            if firstStarted == nil, case .started = event.kind { firstStarted = event.progress }
        }, objective: Self.counted(calls))
        #expect(calls.count == 4)
        #expect(firstStarted?.started == 5)
        #expect(firstStarted?.finished == 4)
        #expect(resumed.trials.map(StorageFixtures.fingerprint) == done.trials.map(StorageFixtures.fingerprint))
    }
}
