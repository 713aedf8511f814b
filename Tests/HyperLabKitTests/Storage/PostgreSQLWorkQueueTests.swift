import Foundation
import Synchronization
import Testing
@testable import HyperLabKit

/// The work queue of the PostgreSQL store, against a real server: claims, heartbeats,
/// re-queueing, and workers that run a study together.
@Suite(.enabled(if: PostgreSQLTestServer.isAvailable,
                "needs HYPERLAB_TEST_POSTGRES_URL: eval \"$(scripts/start-test-postgres.sh)\""))
struct PostgreSQLWorkQueueTests {
    @Test func twoConnectionsClaimingAtOnceNeverGetTheSameTrial() throws {
        let (store, url, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let id = try store.createStudy(try StorageFixtures.definition(trials: 60))
        #expect(try store.enqueue(study: id, numbers: 0..<60) == 60)
        #expect(try store.enqueue(study: id, numbers: 55..<61) == 1)
        let stores = [store, try PostgreSQLStudyStore.open(url: url)]
        let claimed = Mutex<[[Int]]>([[], []])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            do {
                while let claim = try stores[w].claimNext(study: id, worker: "w\(w)") {
                    claimed.withLock { $0[w].append(claim.number) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let lists = claimed.withLock { $0 }
        #expect(Set(lists[0]).isDisjoint(with: lists[1]))
        #expect((lists[0] + lists[1]).sorted() == Array(0..<61))
        #expect(try store.queueCounts(study: id) == (queued: 0, running: 61))
    }

    @Test func aStaleTrialIsRequeuedAndItsOldWorkerCanNoLongerWrite() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let id = try store.createStudy(try StorageFixtures.definition(trials: 2))
        try store.enqueue(study: id, numbers: [0])
        let claim = try #require(try store.claimNext(study: id, worker: "a"))
        let parameters = TrialParameters([("lr", .real(0.01))])
        let a = store.workerTrialStore(for: id, worker: "a")
        try a.trialStarted(Trial(number: 0, parameters: parameters, state: .running, seed: 5))
        try a.trialReported(number: 0, step: 1, value: 0.5)
        #expect(try store.heartbeat(claim))
        #expect(try store.requeueStale(grace: .seconds(3600)) == 0)
        #expect(try store.load("sweep 1").trials.map(\.state) == [.running])

        #expect(try store.requeueStale(grace: .zero) == 1)
        #expect(try store.load("sweep 1").trials.isEmpty)
        #expect(try store.heartbeat(claim) == false)
        #expect(throws: StudyStoreError.self) { try a.trialReported(number: 0, step: 2, value: 0.6) }

        let again = try #require(try store.claimNext(study: id, worker: "b"))
        #expect(again.number == 0)
        #expect(throws: StudyStoreError.self) {
            try a.trialFinished(Trial(number: 0, parameters: parameters, state: .complete, value: 0.9, seed: 5))
        }
        let b = store.workerTrialStore(for: id, worker: "b")
        try b.trialStarted(Trial(number: 0, parameters: parameters, state: .running, seed: 5))
        try b.trialFinished(Trial(number: 0, parameters: parameters, state: .complete, intermediateValues: [1: 0.7],
                                  value: 0.8, seed: 5))
        let stored = try store.load("sweep 1").trials
        #expect(stored.map(\.value) == [0.8])
        #expect(stored[0].intermediateValues == [1: 0.7])
    }

    @Test func progressReadsStatesStepsAndOneStepsValuesWithoutTheQueued() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let id = try store.createStudy(try StorageFixtures.definition(trials: 4))
        try store.enqueue(study: id, numbers: 0..<4)
        let parameters = TrialParameters([("lr", .real(0.01))])
        let a = store.workerTrialStore(for: id, worker: "a")
        for _ in 0..<3 { _ = try #require(try store.claimNext(study: id, worker: "a")) }
        try a.trialStarted(Trial(number: 0, parameters: parameters, state: .running, seed: 1))
        try a.trialFinished(Trial(number: 0, parameters: parameters, state: .complete,
                                  intermediateValues: [1: 0.5, 2: .nan, 3: 0.4], value: 0.4, seed: 1))
        try a.trialStarted(Trial(number: 1, parameters: parameters, state: .running, seed: 2))
        try a.trialReported(number: 1, step: 1, value: 0.7)
        // Trial 2 is claimed but not yet suggested; trial 3 is still queued.

        let all = try store.progress(study: id, below: 10, step: 2)
        #expect(all.map(\.number) == [0, 1, 2])
        #expect(all.map(\.state) == [.complete, .running, .running])
        #expect(all.map(\.started) == [true, true, false])
        #expect(all.map(\.lastStep) == [3, 1, nil])
        #expect(all[0].valueAtStep?.isNaN == true && all[1].valueAtStep == nil)
        #expect(try store.progress(study: id, below: 10, step: 1).map(\.valueAtStep) == [0.5, 0.7, nil])
        #expect(try store.progress(study: id, below: 1).map { [$0.number] + ($0.valueAtStep == nil ? [] : [-1]) } == [[0]])
    }

    @Test func twoWorkersCompleteAStudyWithNoTrialLostOrRunTwice() throws {
        let (store, url, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 12)
        let id = try store.createStudy(definition)
        try store.enqueue(study: id, numbers: 0..<definition.trialCount)
        let study = try StorageFixtures.study(definition)
        let workers = [PostgreSQLWorker(store: store, name: "w0"),
                       PostgreSQLWorker(store: try PostgreSQLStudyStore.open(url: url), name: "w1")]
        let ran = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            do {
                while let trial = try workers[w].runNext(of: id, study: study, objective: StorageFixtures.objective()) {
                    ran.withLock { $0.append(trial.number) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(ran.withLock { $0 }.sorted() == Array(0..<12))
        let stored = try store.load(definition.name)
        #expect(stored.trials.map(\.number) == Array(0..<12))
        #expect(stored.trials.allSatisfy { $0.state.isFinished })
        #expect(stored.trials.contains { $0.state == .complete && $0.intermediateValues.count == 4 })
        let space = try definition.searchSpace()
        #expect(stored.trials.allSatisfy { $0.parameters.names == space.parameters.map(\.name) })
        #expect(stored.trials.allSatisfy { $0.seed == Study.trialSeed(studySeed: definition.seed, number: $0.number) })
        // The worker that finished the last trial marked the study complete, so resume finds nothing to do.
        #expect(try store.studies().first { $0.name == definition.name }?.status == .complete)
        #expect(try store.markInterrupted(definition.name) == 0)
        #expect(try store.studies().first { $0.name == definition.name }?.status == .complete)
    }

    /// With the default lag and with a study's own lag= (stored with it, used by every worker).
    @Test(arguments: [nil, 9])
    func threeWorkersGiveTheTrialsOfALocalRun(lag: Int?) throws {
        let (store, url, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 16, lag: lag)
        let id = try store.createStudy(definition)
        let study = try StorageFixtures.study(try store.load(definition.name).definition)
        #expect(study.lag == lag ?? Study.defaultLag, "the lag is stored with the study")
        try Self.compareThreeWorkersWithALocalRun(of: study, id: id, name: definition.name, store: store, url: url)
    }

    /// Hyperband (its brackets and BOHB-style TPE), rebuilt by every worker from the stored study.
    @Test func threeWorkersGiveTheTrialsOfALocalHyperbandRun() throws {
        let (store, url, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        var definition = try StorageFixtures.definition(trials: 24)
        definition.prune = PrunerKind.hyperband.rawValue
        definition.prunerSettings = ["eta": "2", "min_epochs": "1", "max_epochs": "4"]
        let id = try store.createStudy(definition)
        let study = try Study(definition: try store.load(definition.name).definition)
        #expect(study.pruner is HyperbandPruner)
        try Self.compareThreeWorkersWithALocalRun(of: study, id: id, name: definition.name, store: store, url: url)
    }

    /// Runs `study` locally, then queues its trials for three workers of uneven speeds, and
    /// expects the stored trials to be the local run's.
    private static func compareThreeWorkersWithALocalRun(of study: Study, id: StudyID, name: String,
                                                         store: PostgreSQLStudyStore, url: String) throws {
        try store.enqueue(study: id, numbers: 0..<study.trialCount)
        let local = study.run(parallel: 1, objective: StorageFixtures.objective())
        #expect(local.trials.contains { $0.state == .pruned }, "the local run prunes, so pruning is compared too")
        let connections = try (0..<3).map { _ in try PostgreSQLStudyStore.open(url: url) }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { w in
            // Uneven speeds shuffle which worker finishes what first.
            let worker = PostgreSQLWorker(store: connections[w], name: "w\(w)", pollInterval: .milliseconds(5))
            do {
                while try worker.runNext(of: id, study: study, objective: StorageFixtures.objective(pause: UInt32(300 + 900 * w))) != nil {}
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let stored = try store.load(name).trials
        #expect(stored.map(StorageFixtures.fingerprint) == local.trials.map(StorageFixtures.fingerprint))
    }

    /// 32 workers on one study with lag 32 keep 32 trials in flight at once. Each trial waits (up
    /// to 60 s) for 32 to be training together, which happens only if every worker got a trial
    /// past the history wait: with the old fixed lag of 4, at most 5 ever did.
    @Test func thirtyTwoWorkersWithLag32Keep32TrialsInFlight() throws {
        let (store, url, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 64, lag: 32)
        let id = try store.createStudy(definition)
        try store.enqueue(study: id, numbers: 0..<definition.trialCount)
        let study = try StorageFixtures.study(try store.load(definition.name).definition)
        let inFlight = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        let deadline = ContinuousClock.now + .seconds(60)
        let objective: @Sendable (TrialContext) throws -> TrialOutcome = { trial in
            let now = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
            most.max(now, ordering: .sequentiallyConsistent)
            while most.load(ordering: .sequentiallyConsistent) < 32 && ContinuousClock.now < deadline { usleep(2_000) }
            inFlight.subtract(1, ordering: .sequentiallyConsistent)
            return TrialOutcome(value: Double(trial.number % 7), metrics: ["dev_acc": Double(trial.number % 7)])
        }
        let connections = try (0..<32).map { _ in try PostgreSQLStudyStore.open(url: url) }
        let failures = Mutex<[String]>([])
        let done = DispatchGroup()
        // Threads of their own: concurrentPerform would run only as many at once as there are cores.
        for w in 0..<32 {
            done.enter()
            Thread {
                let worker = PostgreSQLWorker(store: connections[w], name: "w\(w)", pollInterval: .milliseconds(20))
                do {
                    while try worker.runNext(of: id, study: study, objective: objective) != nil {}
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
                done.leave()
            }.start()
        }
        done.wait()
        #expect(failures.withLock { $0 } == [])
        #expect(most.load(ordering: .sequentiallyConsistent) == 32)
        let stored = try store.load(definition.name).trials
        #expect(stored.count == 64 && stored.allSatisfy { $0.state.isFinished })
        let local = study.run(parallel: 1, objective: { trial in
            TrialOutcome(value: Double(trial.number % 7), metrics: ["dev_acc": Double(trial.number % 7)])
        })
        #expect(stored.map(\.parameters) == local.trials.map(\.parameters), "the same suggestions as one local run")
    }

    @Test func anInterruptedWorkerGivesItsTrialBack() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 1)
        let id = try store.createStudy(definition)
        try store.enqueue(study: id, numbers: [0])
        let stop = Atomic<Bool>(false)
        let worker = PostgreSQLWorker(store: store, name: "w", interruption: Interruption { stop.load(ordering: .relaxed) })
        let trial = try worker.runNext(of: id, study: try StorageFixtures.study(definition)) { trial in
            stop.store(true, ordering: .relaxed)
            trial.report(step: 1, value: 0.5)
            throw TrialFailure("stopped")
        }
        #expect(trial == nil)
        #expect(try store.queueCounts(study: id) == (queued: 1, running: 0))
    }
}
