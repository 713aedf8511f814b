import Foundation
import Testing

/// A PostgreSQL server stopped and started again while a study runs, through the real binary:
/// two workers and the shell that queued the study wait for it and finish the study as a local
/// run would; a local sweep on the server stops saying the store failed. Each test runs a
/// server of its own (`scripts/start-test-postgres.sh`), since it stops it.
@Suite(.serialized, .timeLimit(HyperLabBinary.timeLimit),
       .enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] != nil,
                "needs PostgreSQL, as HYPERLAB_TEST_POSTGRES_URL says (./test starts a server)"))
struct PostgreSQLOutageCommandLineTests {
    static let data = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1"
    static let sweep = "sweep random n=16 lr=log(1e-3, 1e-1) epochs=60"

    @Test func workersAndTheQueuingShellWaitForTheServerAndFinishAsALocalRun() async throws {
        let server = try await OutageServer.start()
        defer { server.stop() }
        let folder = try HyperLabBinary.temporaryFolder()
        let shell = try await Self.queuingShell("outage", on: server, reconnect: "1m", in: folder)
        let workers = try (1...2).map { k in try Self.worker("worker\(k)", on: server, study: "outage", reconnect: "1m", in: folder) }
        try await waitUntil("two trials finished") { workers.map { $0.output.components(separatedBy: "worker: trial").count - 1 }.reduce(0, +) >= 2 }
        try await server.halt()
        try await Task.sleep(for: .seconds(1.5))
        try await server.restart()

        for process in workers + [shell] { try await process.wait() }
        for worker in workers {
            #expect(worker.status == 0, "\(worker.error)")
            #expect(worker.error.contains(": lost the database: "), "\(worker.error)")
            #expect(worker.error.contains("reconnected to the database after"), "\(worker.error)")
        }
        #expect(shell.status == 0, "\(shell.error)")
        #expect(shell.error.contains("lost the database: cannot read the study outage in"), "\(shell.error)")
        #expect(shell.error.contains("; retrying for up to 1 m 00 s"), "\(shell.error)")
        #expect(shell.error.contains("reconnected to the database"), "\(shell.error)")
        #expect(shell.output.contains("outage done: 16 trials"), "\(shell.output)")
        #expect(!(shell.output + shell.error).contains("Ctrl-C"))

        // The study as stored is the trials of a local run, timings aside.
        let stored = try HyperLabBinary.run(["--store", server.url, "-c", "open study outage", "-c", "save results \"workers.csv\""],
                                            directory: folder)
        #expect(stored.status == 0, "\(stored.error)")
        let local = try HyperLabBinary.run(["--store", "memory", "-c", "\(Self.data); \(Self.sweep)", "-c", "save results \"local.csv\""],
                                           directory: folder)
        #expect(local.status == 0, "\(local.error)")
        let workersCSV = try Self.withoutSeconds(folder.appendingPathComponent("workers.csv"))
        #expect(workersCSV.count == 17)
        #expect(workersCSV == (try Self.withoutSeconds(folder.appendingPathComponent("local.csv"))))
    }

    /// A worker started while the server is down (a cluster bringing both up, or a worker that
    /// came up late in an outage) waits for it as for one lost later, then runs the study.
    @Test func aWorkerStartedWhileTheServerIsDownWaitsForIt() async throws {
        let server = try await OutageServer.start()
        defer { server.stop() }
        let folder = try HyperLabBinary.temporaryFolder()
        let shell = try await Self.queuingShell("late", on: server, reconnect: "1m", in: folder)
        try await server.halt()
        let worker = try Self.worker("worker", on: server, study: "late", reconnect: "1m", in: folder)
        try await waitUntil("the worker found no server") { worker.error.contains("worker: lost the database: ") }
        try await server.restart()
        try await worker.wait()
        try await shell.wait()
        #expect(worker.status == 0, "\(worker.error)")
        #expect(worker.error.contains("worker: reconnected to the database after"), "\(worker.error)")
        #expect(shell.status == 0, "\(shell.error)")
        #expect(shell.output.contains("late done: 16 trials · 16 complete"), "\(shell.output)")
    }

    @Test func aWorkerAndTheQueuingShellGiveUpAfterTheirReconnectTimeWithStatus1() async throws {
        let server = try await OutageServer.start()
        defer { server.stop() }
        let folder = try HyperLabBinary.temporaryFolder()
        let shell = try await Self.queuingShell("gone", on: server, reconnect: "1s", in: folder)
        let worker = try Self.worker("worker", on: server, study: "gone", reconnect: "1s", in: folder)
        try await waitUntil("a trial finished") { worker.output.contains("worker: trial") }
        try await server.halt()
        try await worker.wait()
        try await shell.wait()
        #expect(worker.status == 1, "\(worker.error)")
        #expect(worker.error.contains("worker: gave up on the database after 1.0 s: cannot "), "\(worker.error)")
        #expect(shell.status == 1, "\(shell.error)")
        #expect(shell.output.contains("stopped: lost the database: cannot read the study gone in"), "\(shell.output)")
        #expect(shell.error.contains("error: the database stayed out of reach for 1.0 s while workers ran gone"), "\(shell.error)")
        #expect(!(shell.output + shell.error).contains("Ctrl-C"))
    }

    @Test func aLocalSweepOnAServerThatStopsSaysTheStoreFailedAndExits1() async throws {
        let server = try await OutageServer.start()
        defer { server.stop() }
        let folder = try HyperLabBinary.temporaryFolder()
        let sweep = try Background(["--store", server.url, "-c",
                                    "\(Self.data); sweep random n=400 lr=log(1e-3, 1e-1) epochs=60 name=local"],
                                   in: folder, named: "sweep")
        try await waitUntil("two trials finished") { sweep.output.components(separatedBy: "\ntrial ").count - 1 >= 2 }
        try await server.halt()
        try await sweep.wait()
        try await server.restart()
        #expect(sweep.status == 1, "\(sweep.error)")
        #expect(sweep.output.contains("stopped: the store could not be written: cannot record"), "\(sweep.output)")
        #expect(sweep.error.contains("could not be stored in") || sweep.error.contains("its finished trials are stored"),
                "\(sweep.error)")
        #expect(!(sweep.output + sweep.error).contains("Ctrl-C"))
        let done = try #require(sweep.output.split(separator: "\n").first { $0.hasPrefix("local done: ") })
        #expect(!done.hasPrefix("local done: 400 trials"), "the sweep stopped starting trials: \(done)")
    }

    /// A shell in `folder` that queues the sweep on `server` as study `name`, waiting `reconnect`
    /// for a server that stops answering; returned once the study is queued.
    private static func queuingShell(_ name: String, on server: OutageServer, reconnect: String,
                                     in folder: URL) async throws -> Background {
        let shell = try Background(["--store", server.url, "--reconnect", reconnect, "-c",
                                    "\(data); \(sweep) workers=external name=\(name)"], in: folder, named: "shell")
        try await waitUntil("the shell queued the study") { shell.output.contains("queued 16 trials") }
        return shell
    }

    /// A worker in `folder` on `study`, waiting `reconnect` for a server that stops answering.
    private static func worker(_ name: String, on server: OutageServer, study: String, reconnect: String,
                               in folder: URL) throws -> Background {
        try Background(["worker", "--store", server.url, "--study", study, "--reconnect", reconnect], in: folder, named: name)
    }

    /// `save results` CSV lines without the last column (`seconds`, the one that differs between runs).
    static func withoutSeconds(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            String(line[..<(line.lastIndex(of: ",") ?? line.endIndex)])
        }
    }
}

/// A PostgreSQL server of one test's own, started by `scripts/start-test-postgres.sh`, which the
/// test stops (`halt`) and starts again on the same port (`restart`).
private struct OutageServer {
    /// Its URL.
    let url: String
    /// Its folder (data, log, port).
    let folder: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/start-test-postgres.sh").path

    /// Starts a new server.
    static func start() async throws -> OutageServer {
        let printed = try await run([])
        func value(_ name: String) throws -> String {
            let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix("export \(name)=") }, "\(printed)")
            return String(line.dropFirst("export \(name)=".count))
        }
        return OutageServer(url: try value("HYPERLAB_TEST_POSTGRES_URL"), folder: try value("HYPERLAB_TEST_POSTGRES_DIR"))
    }

    /// Stops the server, keeping its data.
    func halt() async throws { _ = try await OutageServer.run(["--halt", folder]) }

    /// Starts it again on the same port.
    func restart() async throws { _ = try await OutageServer.run(["--restart", folder]) }

    /// Stops it and removes its folder (waiting, in a `defer`, as `stop` has to).
    func stop() {
        let process = OutageServer.process(["--stop", folder], output: FileHandle.nullDevice)
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
    }

    /// Runs the script with `arguments`; its standard output.
    private static func run(_ arguments: [String]) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("outage-server-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = process(arguments, output: try FileHandle(forWritingTo: output))
        try process.run()
        try await waitUntil("start-test-postgres.sh \(arguments.joined(separator: " ")) ended") { !process.isRunning }
        guard process.terminationStatus == 0 else { throw ScriptFailed(arguments: arguments) }
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// The script with `arguments`, its standard output to `output`.
    private static func process(_ arguments: [String], output: FileHandle) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        process.standardOutput = output
        return process
    }

    /// The script failed (its message is on the test's standard error).
    struct ScriptFailed: Error, CustomStringConvertible {
        let arguments: [String]
        var description: String { "start-test-postgres.sh \(arguments.joined(separator: " ")) failed" }
    }
}

/// The binary running in the background, its output going to files the test reads as it runs.
private final class Background {
    private let process = Process()
    private let outputFile: URL
    private let errorFile: URL

    /// Starts the binary with `arguments` in `folder`; `name` names its output files there.
    init(_ arguments: [String], in folder: URL, named name: String) throws {
        outputFile = folder.appendingPathComponent("\(name).out")
        errorFile = folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: try #require(HyperLabBinary.path, "\(HyperLabBinary.missing)"))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["HYPERLAB_HISTORY"] = ""
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    /// Standard output so far.
    var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    /// Standard error so far.
    var error: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
    /// The exit status (once `wait` returned).
    var status: Int32 { process.terminationStatus }

    /// Waits for the process to end, killing it after `seconds`.
    func wait(seconds: Double = 90) async throws {
        do {
            try await waitUntil("\(process.arguments?.first ?? "hyperlab") ended", seconds: seconds) { !process.isRunning }
        } catch {
            process.terminate()
            throw error
        }
    }

    deinit { if process.isRunning { process.terminate() } }
}
