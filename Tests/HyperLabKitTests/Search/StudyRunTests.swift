import Foundation
import Synchronization
import Testing
@testable import HyperLabKit
import HyperLabTestSupport

@Suite struct StudyRunTests {
    /// A cheap "training": the dev score climbs towards a peak at lr = 1e-2, units = 64;
    /// sleeps a random few hundred microseconds per epoch to shuffle the timing.
    static let objective: @Sendable (TrialContext) throws -> TrialOutcome = { trial in
        let lr = trial.parameters["lr"]?.asReal ?? 1
        let units = trial.parameters["units"]?.asReal ?? 1
        let quality = 1 / (1 + pow(log10(lr) + 2, 2) + pow(log2(units) - 6, 2) / 4)
        var score = 0.0
        for epoch in 1...6 {
            usleep(UInt32.random(in: 0...400))
            score = quality * (1 - pow(0.5, Double(epoch)))
            if trial.report(step: epoch, value: score) { break }
        }
        return TrialOutcome(value: score, metrics: ["dev_acc": score])
    }

    /// A trial without its timing.
    static func fingerprint(_ t: Trial) -> String {
        "\(t.number) \(t.parameters) \(t.state) \(t.value.map { "\($0)" } ?? "-") "
            + "\(t.curve.map { "\($0.step):\($0.value)" }) \(t.seed) \(t.failure ?? "")"
    }

    @Test(arguments: ["random", "tpe"])
    func parallelismDoesNotChangeTheResults(_ name: String) throws {
        let space = try SearchFixtures.mixedSpace()
        let sampler: any Sampler = name == "tpe" ? TPESampler(startupTrials: 5) : RandomSampler()
        let study = Study(space: space, sampler: sampler, pruner: MedianPruner(startupTrials: 2),
                          direction: .maximize, seed: 3, trials: 24)
        let one = study.run(parallel: 1, objective: Self.objective)
        let two = study.run(parallel: 2, objective: Self.objective)
        let three = study.run(parallel: 3, objective: Self.objective)
        #expect(one.trials.count == 24)
        #expect(one.trials.map(Self.fingerprint) == two.trials.map(Self.fingerprint))
        #expect(one.trials.map(Self.fingerprint) == three.trials.map(Self.fingerprint))
        #expect(one.trials.contains { $0.state == .pruned })
        #expect(!one.stoppedEarly)
    }

    @Test func resultsDependOnTheLagButNotOnParallel() throws {
        let space = try SearchFixtures.mixedSpace()
        func study(lag: Int) -> Study {
            Study(space: space, sampler: TPESampler(startupTrials: 5), pruner: MedianPruner(startupTrials: 2),
                  direction: .maximize, seed: 3, trials: 30, lag: lag)
        }
        let one = study(lag: 12).run(parallel: 1, objective: Self.objective)
        let eight = study(lag: 12).run(parallel: 8, objective: Self.objective)
        let lagFour = study(lag: 4).run(parallel: 8, objective: Self.objective)
        #expect(one.trials.map(Self.fingerprint) == eight.trials.map(Self.fingerprint))
        #expect(one.trials.map(Self.fingerprint) != lagFour.trials.map(Self.fingerprint),
                "trial n of lag 4 sees trials n−12 … n−5, which lag 12 hides")
    }

    /// What runs at once: with lag L, trial n waits only for the trials below n − L, so L + 1
    /// trials run together. Each trial here waits (up to 30 s) for 32 to be in flight at once, a
    /// state the run reaches only if it starts them all: with the old fixed lag of 4 it never does.
    @Test func aLagOf32Keeps32TrialsInFlight() throws {
        let space = try SearchFixtures.mixedSpace()
        let inFlight = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        let study = Study(space: space, sampler: TPESampler(startupTrials: 10), direction: .maximize,
                          seed: 1, trials: 96, lag: 32)
        let deadline = ContinuousClock.now + .seconds(30)
        let report = study.run(parallel: 32) { trial in
            let now = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
            most.max(now, ordering: .sequentiallyConsistent)
            while most.load(ordering: .sequentiallyConsistent) < 32 && ContinuousClock.now < deadline { usleep(1_000) }
            inFlight.subtract(1, ordering: .sequentiallyConsistent)
            return TrialOutcome(value: Double(trial.number))
        }
        #expect(report.trials.count == 96)
        #expect(most.load(ordering: .sequentiallyConsistent) == 32)
    }

    @Test func theDefaultLagRunsAtMostFiveTrialsAtOnce() throws {
        let space = try SearchFixtures.mixedSpace()
        let inFlight = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        let study = Study(space: space, sampler: TPESampler(startupTrials: 5), direction: .maximize, seed: 1, trials: 30)
        #expect(study.lag == Study.defaultLag)
        _ = study.run(parallel: 16) { trial in
            let now = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
            most.max(now, ordering: .sequentiallyConsistent)
            usleep(5_000)
            inFlight.subtract(1, ordering: .sequentiallyConsistent)
            return TrialOutcome(value: Double(trial.number))
        }
        #expect(most.load(ordering: .sequentiallyConsistent) <= Study.defaultLag + 1)
    }

    @Test func scriptedCurvesArePrunedExactlyAsExpected() throws {
        let bases = [0.5, 0.6, 0.7, 0.8, 0.9, 0.55, 0.95, 0.4, 0.85, 0.65, 0.75, 0.62]
        let space = try SearchSpace([("i", .int(0, 100))])
        let study = Study(space: space, sampler: try GridSampler(space), pruner: MedianPruner(startupTrials: 1),
                          direction: .maximize, seed: 1, trials: bases.count)
        for parallel in [1, 2] {
            let report = study.run(parallel: parallel) { trial in
                let base = bases[trial.number]
                for step in 1...5 {
                    usleep(UInt32.random(in: 0...300))
                    if trial.report(step: step, value: base + 0.01 * Double(step)) { break }
                }
                return TrialOutcome(value: base + 0.05)
            }
            #expect(report.trials.filter { $0.state == .pruned }.map(\.number) == [7, 9, 11])
            #expect(report.trials[7].curve.map(\.step) == [1])
            #expect(report.trials[7].value == nil)
            #expect(report.trials[8].state == .complete && report.trials[8].value == 0.9)
        }
    }

    @Test func failingTrialsAreRecordedAndTheSweepCompletes() throws {
        let space = try SearchSpace([("lr", .log(1e-4, 10))])
        let study = Study(space: space, sampler: RandomSampler(), direction: .minimize, seed: 9, trials: 30)
        let store = MemoryStudyStore()
        let report = study.run(parallel: 2, store: store) { trial in
            let lr = trial.parameters["lr"]?.asReal ?? 0
            if lr > 1 { throw TrialFailure("diverged at epoch 1") }
            if lr > 0.3 { return TrialOutcome(value: .nan) }
            return TrialOutcome(value: abs(log10(lr) + 2))
        }
        #expect(report.trials.count == 30)
        let failed = report.trials.filter { $0.state == .failed }
        #expect(!failed.isEmpty)
        for t in failed {
            let lr = t.parameters["lr"]?.asReal ?? 0
            #expect(lr > 0.3)
            #expect(t.failure == (lr > 1 ? "diverged at epoch 1" : "the metric is nan (diverged)"))
        }
        #expect(report.trials.allSatisfy { $0.state != .failed || $0.value == nil })
        let stored = try store.trials()
        #expect(stored.map(Self.fingerprint) == report.trials.map(Self.fingerprint))
        #expect(report.best.map { ($0.parameters["lr"]?.asReal ?? 0) <= 0.3 } == true)
    }

    /// A memory store that asks for `commitInterval` between writes (as the SQLite store does)
    /// and counts its writes.
    final class SlowCommittingStore: StudyStore, @unchecked Sendable {
        let inner = MemoryStudyStore()
        let commitInterval: Duration
        private let lock = NSLock()
        private var writeCount = 0

        init(commitInterval: Duration) { self.commitInterval = commitInterval }

        /// The `record` calls so far.
        var writes: Int { lock.withLock { writeCount } }

        func record(_ events: [StudyEvent]) throws(StudyStoreError) {
            lock.withLock { writeCount += 1 }
            try inner.record(events)
        }
        func trialStarted(_ trial: Trial) throws(StudyStoreError) { try inner.trialStarted(trial) }
        func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
            try inner.trialReported(number: number, step: step, value: value)
        }
        func trialFinished(_ trial: Trial) throws(StudyStoreError) { try inner.trialFinished(trial) }
        func trials() throws(StudyStoreError) -> [Trial] { try inner.trials() }
    }

    @Test(arguments: [Duration.zero, .milliseconds(100)])
    func interruptionKeepsFinishedTrials(_ commitInterval: Duration) throws {
        let space = try SearchSpace([("x", .uniform(0, 1))])
        let study = Study(space: space, sampler: RandomSampler(), direction: .minimize, seed: 2, trials: 200)
        let finished = Atomic<Int>(0)
        let stop = Interruption { finished.load(ordering: .relaxed) >= 2 }
        var events = 0
        let report = study.run(parallel: 2, store: SlowCommittingStore(commitInterval: commitInterval), interruption: stop,
                               progress: { _ in events += 1 }) { trial in
            for step in 1...50 {
                usleep(200)
                if trial.report(step: step, value: 1) { throw TrialFailure("stopped") }
            }
            finished.add(1, ordering: .relaxed)
            return TrialOutcome(value: trial.parameters["x"]?.asReal ?? 0)
        }
        #expect(report.stoppedEarly)
        #expect(report.trials.count < 200)
        #expect(report.trials.filter { $0.state == .complete }.count >= 2)
        #expect(report.trials.allSatisfy { $0.state.isFinished })
        #expect(report.trials.filter { $0.state == .failed }.allSatisfy { $0.failure == "interrupted" })
        // Only the trials running at the interruption are cut short, and none starts after it,
        // even while the coordinator waits out the store's commit interval.
        #expect(report.trials.filter { $0.state == .failed }.count <= 2)
        #expect(report.trials.count <= 2 + 2 + 1, "\(report.trials.count) trials ran")
        #expect(events > 0)
    }

    /// 40 trials of 3 quick epochs each.
    static func storeFailureRun(_ store: some StudyStore) throws -> StudyReport {
        let space = try SearchSpace([("x", .uniform(0, 1))])
        let study = Study(space: space, sampler: RandomSampler(), direction: .minimize, seed: 5, trials: 40)
        return study.run(parallel: 2, store: store) { trial in
            for step in 1...3 {
                usleep(300)
                if trial.report(step: step, value: 1) { throw TrialFailure("stopped") }
            }
            return TrialOutcome(value: trial.parameters["x"]?.asReal ?? 0)
        }
    }

    @Test func aFailedWriteStopsTheRunWhichWritesWhatItLeftOutOnceMore() throws {
        let store = FailingWritesStore(failingFromTrial: 6, times: 1)
        let report = try Self.storeFailureRun(store)
        #expect(report.storeError?.message == "the disk is full")
        #expect(report.stoppedEarly)
        #expect(report.trials.count < 40, "no trial starts after the failure")
        #expect(report.trials.allSatisfy { $0.state.isFinished })
        #expect(report.unstoredTrials == [])
        // The second try, once the run stopped, stored every trial as the report has it.
        #expect(try store.trials().map(Self.fingerprint) == report.trials.map(Self.fingerprint))
    }

    @Test func trialsAStoreKeepsRefusingAreNamedAndKeptInTheReport() throws {
        let store = FailingWritesStore(failingFromTrial: 6)
        let report = try Self.storeFailureRun(store)
        #expect(report.storeError != nil && report.stoppedEarly)
        let stored = try store.trials()
        let current = Set(stored.map(Self.fingerprint))
        let missing = report.trials.filter { !current.contains(Self.fingerprint($0)) }.map(\.number)
        #expect(!report.unstoredTrials.isEmpty)
        #expect(report.unstoredTrials == missing)
    }

    @Test func progressCountsAddUp() throws {
        let space = try SearchSpace([("x", .uniform(0, 1))])
        let study = Study(space: space, sampler: SobolSampler(), direction: .minimize, seed: 4, trials: 10)
        var last: StudyProgress?
        var started = 0
        let report = study.run(parallel: 2, progress: { event in
            if event.kind == .started { started += 1 }
            last = event.progress
        }) { trial in TrialOutcome(value: trial.parameters["x"]?.asReal ?? 0) }
        #expect(started == 10)
        #expect(last?.complete == 10 && last?.running == 0 && last?.finished == 10)
        #expect(last?.best?.value == report.trials.compactMap(\.value).min())
    }

    @Test func trialSeedsDependOnlyOnSeedAndNumber() {
        #expect(Study.trialSeed(studySeed: 1, number: 3) == Study.trialSeed(studySeed: 1, number: 3))
        #expect(Study.trialSeed(studySeed: 1, number: 3) != Study.trialSeed(studySeed: 1, number: 4))
        #expect(Study.trialSeed(studySeed: 1, number: 3) >= 0)
        let context = TrialContext(number: 0, parameters: TrialParameters(), seed: 77)
        #expect(context.seed(forRepeat: 0) == 77)
        #expect(context.seed(forRepeat: 1) != context.seed(forRepeat: 2))
        let mean = TrialOutcome.mean(of: [TrialOutcome(value: 1, metrics: ["a": 1]), TrialOutcome(value: 3, metrics: ["a": 3])])
        #expect(mean.value == 2 && mean.metrics["a"] == 2 && abs((mean.metrics["a_sd"] ?? 0) - 2.squareRoot()) < 1e-12)
    }

    @Test func aStoreWithACommitIntervalGetsFewerLargerWritesAndEveryEvent() throws {
        let study = Study(space: try SearchFixtures.mixedSpace(), sampler: RandomSampler(), direction: .maximize,
                          seed: 5, trials: 12)
        let store = SlowCommittingStore(commitInterval: .milliseconds(40))
        let start = ContinuousClock.now
        // 12 trials × 6 epochs of 2 ms on 2 workers: 84 events over about 75 ms.
        let report = study.run(parallel: 2, store: store) { trial in
            for epoch in 1...6 {
                usleep(2_000)
                _ = trial.report(step: epoch, value: Double(epoch))
            }
            return TrialOutcome(value: 1, metrics: [:])
        }
        let elapsed = ContinuousClock.now - start
        let stored = try store.trials()
        #expect(stored.count == 12)
        #expect(stored.allSatisfy { $0.state == .complete && $0.intermediateValues.count == 6 })
        #expect(stored.map(\.number) == report.trials.map(\.number))
        let bound = Int(elapsed / .milliseconds(40)) + 2
        #expect(store.writes <= bound, "\(store.writes) writes in \(elapsed), at most \(bound) expected")
    }

    @Test(arguments: [false, true])
    func aTrialIsNeverPrunedAtItsLastEpoch(_ markLast: Bool) throws {
        // Three epochs, ASHA rungs at epochs 1 and 3: later trials start best and end worst,
        // so they pass the rung at epoch 1 and the rung at epoch 3 would prune them as they finish.
        let study = Study(space: try SearchFixtures.mixedSpace(), sampler: RandomSampler(),
                          pruner: SuccessiveHalvingPruner(), direction: .maximize, seed: 2, trials: 12)
        let report = study.run(parallel: 1) { trial in
            let n = Double(trial.number)
            let values = [0.1 + 0.01 * n, 0.5, 1 - 0.01 * n]
            for epoch in 1...3 {
                if trial.report(step: epoch, value: values[epoch - 1], isLast: markLast && epoch == 3) { break }
            }
            return TrialOutcome(value: values[2], metrics: [:])
        }
        let prunedAtTheEnd = report.trials.filter { $0.state == .pruned && $0.lastStep == 3 }
        if markLast {
            #expect(prunedAtTheEnd.isEmpty, "trials \(prunedAtTheEnd.map(\.number)) trained to the end yet were pruned")
        } else {
            #expect(!prunedAtTheEnd.isEmpty, "without isLast the last rung prunes: the test would catch the fault")
        }
    }
}
