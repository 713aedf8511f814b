import Foundation
import Testing
@testable import HyperLabKit

/// `kill -9` of a process running a study into a SQLite file, at seeded random moments: after
/// each kill the file opens, every trial that had finished is still there, exactly once and
/// unchanged, and resuming completes the study with the asked number of trials — the same
/// trials as a run that was never killed.
///
/// The child is this test binary run again with `--filter` naming `childRunsTheStoredStudy`
/// and `HYPERLAB_STORE_CHILD` set to the store's path; without that variable the child test
/// is skipped (a trait), not counted as passed.
@Suite struct CrashSafetyTests {
    static let childVariable = "HYPERLAB_STORE_CHILD"
    static let studyName = "crash"
    static let trialCount = 24

    static func definition() throws -> StudyDefinition {
        try StorageFixtures.definition(studyName, trials: trialCount, seed: 31)
    }

    /// The child's work: what `resume` does — mark what a dead process left running, load, and
    /// continue the study — with a pause per epoch so the parent can kill it mid-trial.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil,
                   "runs only as the child of killedAtRandomMoments…, which sets HYPERLAB_STORE_CHILD"))
    func childRunsTheStoredStudy() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.childVariable])
        let store = try SQLiteStudyStore.open(path: path)
        try store.markInterrupted(Self.studyName)
        let stored = try store.load(Self.studyName)
        let report = try StorageFixtures.study(stored.definition)
            .run(parallel: 2, store: store.trialStore(for: stored.id), previous: stored.trials,
                 objective: StorageFixtures.objective(pause: 4_000))
        try store.setStatus(report.stoppedEarly ? .interrupted : .complete, of: Self.studyName)
    }

    /// This test binary.
    static func testBinary() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Starts the child on `path`, its output going to `log`.
    static func startChild(path: String, log: String) throws -> Process {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: testBinary())
        child.arguments = ["--testing-library", "swift-testing", "--filter", "CrashSafetyTests/childRunsTheStoredStudy"]
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = path
        child.environment = environment
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        child.standardOutput = output
        child.standardError = output
        try child.run()
        return child
    }

    @Test func killedAtRandomMomentsTheStudyLosesNoFinishedTrial() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/hyperlab.sqlite"
        let definition = try Self.definition()
        let study = try StorageFixtures.study(definition)
        let reference = study.run(parallel: 2, objective: StorageFixtures.objective()).trials
        let store = try SQLiteStudyStore.open(path: path)
        _ = try store.createStudy(definition)

        var generator = SeededGenerator(seed: 2026)
        var finishedSoFar: [Int: Trial] = [:]
        var kills = 0
        var interruptedRunning = 0
        for round in 0..<5 {
            let keptBefore = finishedSoFar.count
            guard keptBefore < Self.trialCount else { break }
            // Kill once the child has finished 1–5 more trials (never the last), then 0–25 ms
            // later: mid-epoch, mid-write or between trials, wherever that lands.
            let target = min(keptBefore + 1 + Int.random(in: 0...4, using: &generator), Self.trialCount - 1)
            let extra = UInt32.random(in: 0...25_000, using: &generator)
            let child = try Self.startChild(path: path, log: folder + "/child-\(round).log")
            let deadline = Date().addingTimeInterval(60)
            while child.isRunning, Date() < deadline,
                  try store.load(Self.studyName).trials.filter(Study.isKept).count < target {
                usleep(2_000)
            }
            if child.isRunning {
                usleep(extra)
                kill(child.processIdentifier, SIGKILL)
                kills += 1
            }
            child.waitUntilExit()
            if child.terminationReason == .exit {
                let log = (try? String(contentsOfFile: folder + "/child-\(round).log", encoding: .utf8)) ?? ""
                #expect(child.terminationStatus == 0, "the child failed:\n\(log.suffix(2_000))")
            }

            // A fresh connection, as the next process would open it.
            let reopened = try SQLiteStudyStore.open(path: path)
            let trials = try reopened.load(Self.studyName).trials
            #expect(Set(trials.map(\.number)).count == trials.count, "a trial number appears twice")
            for (number, trial) in finishedSoFar {
                #expect(trials.first { $0.number == number } == trial, "finished trial \(number) was lost or changed")
            }
            for trial in trials where Study.isKept(trial) { finishedSoFar[trial.number] = trial }
            interruptedRunning += trials.filter { $0.state == .running }.count
        }
        #expect(kills > 0)
        #expect(interruptedRunning > 0, "no kill left a trial running")

        // Resume to the end in this process.
        try store.markInterrupted(Self.studyName)
        let stored = try store.load(Self.studyName)
        let report = study.run(parallel: 2, store: store.trialStore(for: stored.id), previous: stored.trials,
                               objective: StorageFixtures.objective())
        try store.setStatus(report.stoppedEarly ? .interrupted : .complete, of: Self.studyName)
        let final = try SQLiteStudyStore.open(path: path).load(Self.studyName)
        #expect(final.trials.map(\.number) == Array(0..<Self.trialCount))
        #expect(final.trials.allSatisfy(Study.isKept))
        #expect(final.definition.status == .complete)
        for (number, trial) in finishedSoFar { #expect(final.trials[number] == trial) }
        #expect(final.trials.map(StorageFixtures.fingerprint) == reference.map(StorageFixtures.fingerprint))
        let summary = try #require(try store.studies().first)
        #expect(summary.count(.running) == 0)
        #expect(summary.count(.complete) + summary.count(.pruned) + summary.count(.failed) == Self.trialCount)
    }
}
