import Foundation
import Testing
import HyperLabKit

/// Crash safety through the real binary: `kill -9` of a sweeping `hyperlab` at seeded moments,
/// then `resume`; and a worker killed mid-trial whose trial another worker finishes.
@Suite(.timeLimit(HyperLabBinary.timeLimit)) struct CrashRecoveryCommandLineTests {
    /// Starts the binary without waiting for it.
    private func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(HyperLabBinary.path))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedSweepsResumeWithEveryFinishedTrialExactlyOnce() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let sweep = "load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[32]; sweep tpe n=16 lr=log(1e-3, 1e-1) epochs=200 parallel=2 name=crash"
        var rng = SeededGenerator(seed: 2026)
        var finishedSoFar: [Int: Double?] = [:]
        for round in 0..<3 {
            let process = try start(round == 0 ? ["-c", sweep] : ["-c", "resume crash"], in: folder)
            if round == 0 {
                // The first kill lands after the study exists (a loaded machine starts slowly), at a
                // seeded moment within its first trials.
                let path = folder.appendingPathComponent("hyperlab.sqlite").path
                try waitUntil("the sweep stored its study") {
                    ((try? SQLiteStudyStore.open(path: path)).flatMap { try? $0.studies() } ?? []).contains { $0.name == "crash" }
                }
            }
            Thread.sleep(forTimeInterval: 0.2 + rng.nextUnit() * 1.2)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let store = try SQLiteStudyStore.open(path: folder.appendingPathComponent("hyperlab.sqlite").path)
            guard let stored = try? store.load("crash") else { continue }
            let finished = stored.trials.filter { Study.isKept($0) }
            // Every trial that had finished before is still there, unchanged.
            for (number, value) in finishedSoFar {
                #expect(finished.first { $0.number == number }?.value == value, "trial \(number) changed or vanished")
            }
            #expect(Set(stored.trials.map(\.number)).count == stored.trials.count)
            for trial in finished { finishedSoFar[trial.number] = trial.value }
        }
        #expect(finishedSoFar.count < 16, "no kill landed before the sweep finished")
        let resumed = try HyperLabBinary.run(["-c", "resume crash"], directory: folder)
        #expect(resumed.status == 0, "\(resumed.error)")
        let store = try SQLiteStudyStore.open(path: folder.appendingPathComponent("hyperlab.sqlite").path)
        let stored = try store.load("crash")
        #expect(stored.trials.count == 16)
        #expect(stored.trials.allSatisfy { $0.state == .complete || $0.state == .pruned })
        for (number, value) in finishedSoFar {
            #expect(stored.trials.first { $0.number == number }?.value == value)
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] != nil,
                   "needs HYPERLAB_TEST_POSTGRES_URL (./test starts a server)"))
    func aKilledWorkersTrialIsQueuedAgainAndFinished() throws {
        guard let url = ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] else { return }
        let folder = try HyperLabBinary.temporaryFolder()
        let name = "requeue-\(UUID().uuidString.prefix(8))"
        let queue = "load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[32]; sweep random n=6 lr=log(1e-3, 1e-1) epochs=400 workers=external name=\(name)"
        let shell = try start(["--store", url, "-c", queue], in: folder)
        let store = try PostgreSQLStudyStore.open(url: url)
        // Every wait below reads the study's state from the database; none guesses a duration,
        // so a loaded machine only makes the test slower, not wrong.
        try waitUntil("the shell queued the study") { (try? store.load(name)) != nil }
        let doomed = try start(["worker", "--store", url, "--study", name], in: folder)
        try waitUntil("the doomed worker is mid-trial") {
            (try? store.load(name))?.trials.contains { $0.state == .running } ?? false
        }
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        let orphaned = try store.load(name).trials.filter { $0.state == .running }.map(\.number)
        #expect(!orphaned.isEmpty, "the killed worker left no running trial behind")
        // The survivor waits out the orphan's heartbeat (`--grace 2`) by itself, then requeues it.
        let survivor = try HyperLabBinary.run(["worker", "--store", url, "--study", name, "--grace", "2"], directory: folder)
        #expect(survivor.status == 0, "\(survivor.error)")
        #expect(survivor.output.contains("queued again"), "the killed worker's trial was not requeued:\n\(survivor.output)")
        shell.waitUntilExit()
        let stored = try store.load(name)
        #expect(stored.trials.count == 6)
        #expect(stored.trials.allSatisfy { $0.state == .complete })
        #expect(Set(stored.trials.map(\.number)) == Set(0..<6))
    }
}
