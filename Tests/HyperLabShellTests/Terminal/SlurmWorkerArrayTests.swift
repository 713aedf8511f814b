import Foundation
import Testing

/// examples/slurm on a real one-node Slurm cluster: a shell queues a study in the test PostgreSQL,
/// the shipped sbatch script (not a copy) runs as a job array of workers, and the stored study is
/// the same, trial for trial, as a local run of the same sweep. `./test` (and CI) starts both
/// servers: scripts/start-test-slurm.sh and scripts/start-test-postgres.sh.
@Suite(.timeLimit(HyperLabBinary.timeLimit),
       .enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_SLURM"] != nil,
                "needs HYPERLAB_TEST_SLURM, a Slurm configuration (./test starts a cluster with scripts/start-test-slurm.sh, as root)"),
       .enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] != nil,
                "needs HYPERLAB_TEST_POSTGRES_URL (./test starts a server)"))
struct SlurmWorkerArrayTests {
    static let sbatchScript = ShippedScriptsTests.root.appendingPathComponent("examples/slurm/hyperlab-workers.sbatch")
    static let sweep = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; sweep random n=6 lr=log(1e-3, 1e-1) epochs=4"

    @Test func aJobArrayOfWorkersGivesTheTrialsOfALocalRun() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let configuration = environment["HYPERLAB_TEST_SLURM"],
              let url = environment["HYPERLAB_TEST_POSTGRES_URL"] else { return }
        let binary = try #require(HyperLabBinary.path, "\(HyperLabBinary.missing)")
        let folder = try HyperLabBinary.temporaryFolder()
        let name = "slurm-\(UUID().uuidString.prefix(8))"

        // The queuing shell waits for the workers; its output goes to a file read while it runs.
        let queueLog = folder.appendingPathComponent("queue.out")
        try Data().write(to: queueLog)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: binary)
        shell.arguments = ["--store", url, "-c", "\(Self.sweep) workers=external name=\(name)"]
        shell.currentDirectoryURL = folder
        shell.environment = environment.merging(["NO_COLOR": "1", "HYPERLAB_HISTORY": ""]) { $1 }
        shell.standardOutput = try FileHandle(forWritingTo: queueLog)
        shell.standardError = shell.standardOutput
        try shell.run()
        // SIGKILL: a child spawned from a test thread inherits its blocked SIGTERM.
        defer { if shell.isRunning { kill(shell.processIdentifier, SIGKILL) } }
        let queued = "queued 6 trials of \(name)"
        var waited = 0
        while !(try String(contentsOf: queueLog, encoding: .utf8)).contains(queued), shell.isRunning, waited < 300 {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 1
        }
        let queuing = try String(contentsOf: queueLog, encoding: .utf8)
        try #require(queuing.contains(queued), "the shell did not queue the study:\n\(queuing)")

        // Three array tasks on a node of nproc CPUs, one CPU each; --wait returns when all ended.
        let submitted = try HyperLabBinary.runProgram(
            "/usr/bin/env", ["sbatch", "--wait", "--array=1-3", "--time=2", Self.sbatchScript.path],
            directory: folder,
            environment: ["SLURM_CONF": configuration, "HYPERLAB": binary,
                          "HYPERLAB_STORE": url, "HYPERLAB_STUDY": name])
        #expect(submitted.status == 0, "sbatch: \(submitted.output)\(submitted.error)")
        if submitted.status != 0 { kill(shell.processIdentifier, SIGKILL) }
        shell.waitUntilExit()
        let queueOutput = try String(contentsOf: queueLog, encoding: .utf8)
        #expect(shell.terminationStatus == 0, "\(queueOutput)")
        #expect(queueOutput.contains("\(name) done: 6 trials · 6 complete"), "\(queueOutput)")

        // One output file per array task (the script's own --output pattern), each trial run once.
        let outputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("hyperlab-worker-") && $0.hasSuffix(".out") }.sorted()
        #expect(outputs.count == 3, "\(outputs)")
        var ran: [Int] = []
        for file in outputs {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("array task "), "\(file):\n\(text)")
            #expect(text.contains("worker "), "\(file):\n\(text)")
            for line in text.split(separator: "\n") where line.hasPrefix("worker: trial ") {
                ran.append(Int(line.split(separator: " ")[2]) ?? -1)
            }
        }
        #expect(ran.sorted() == Array(0..<6), "trials run by the array tasks: \(ran)")

        // The stored study, read back as a user would, against the same sweep run locally.
        let stored = try HyperLabBinary.run(["--store", url, "-c", "open study \(name)", "-c", "save results \"slurm.csv\""],
                                            directory: folder)
        #expect(stored.status == 0, "\(stored.output)\(stored.error)")
        let local = try HyperLabBinary.run(["--store", "memory", "-c", Self.sweep, "-c", "save results \"local.csv\""],
                                           directory: folder)
        #expect(local.status == 0, "\(local.output)\(local.error)")
        let slurmRows = try Self.rowsWithoutWallTime(folder.appendingPathComponent("slurm.csv"))
        let localRows = try Self.rowsWithoutWallTime(folder.appendingPathComponent("local.csv"))
        #expect(localRows.count == 7, "a header and 6 trials:\n\(localRows)")
        #expect(slurmRows == localRows)
    }

    /// The rows of a `save results` CSV without its `seconds` column (wall time differs per run).
    static func rowsWithoutWallTime(_ file: URL) throws -> [[Substring]] {
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let seconds = rows.first?.firstIndex(of: "seconds") else { return rows }
        return rows.map { row in row.enumerated().filter { $0.offset != seconds }.map(\.element) }
    }
}
