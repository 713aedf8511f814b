import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How one run of the binary on a script ended.
public enum FuzzVerdict: Sendable, Equatable {
    /// It exited with status 0 or 1 (commands succeeded, or some failed with an error message).
    case survived
    /// It died by a signal (a trap of the Swift runtime, a stack overflow, an abort) or exited
    /// with another status; the words say which.
    case crashed(String)
    /// It was still running at the timeout and was killed.
    case hung

    /// Whether the run found a fault (a crash or a hang).
    public var isFault: Bool { self != .survived }
}

/// Runs scripts through the real `hyperlab` executable, as a user's pipe would: standard input
/// from the script, `--store memory --keep-going` (every line runs whatever failed before it),
/// in a fresh temporary folder holding the corpus's CSV files and an empty `tutorials/` (so a
/// line cannot replay the checkout's lecture tutorials), killed at the timeout.
public struct FuzzRunner: Sendable {
    /// The executable.
    public let binary: String
    /// Seconds a script may run before it counts as hung.
    public let timeout: Double
    /// Files put in the working folder of every run.
    public let files: [(name: String, contents: Data)]
    /// Where the runs' temporary folders go.
    public let scratch: URL

    /// A runner of `binary`; each run gets a folder under `scratch`.
    public init(binary: String, timeout: Double, files: [(name: String, contents: Data)], scratch: URL) {
        self.binary = binary
        self.timeout = timeout
        self.files = files
        self.scratch = scratch
    }

    /// Runs `script` and says how it ended, with what standard error says about a fault.
    public func run(_ script: [UInt8]) throws -> (verdict: FuzzVerdict, errorTail: String) {
        let folder = scratch.appendingPathComponent("run-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("tutorials"), withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        for file in files { try file.contents.write(to: folder.appendingPathComponent(file.name)) }
        let input = folder.appendingPathComponent(".fuzz-input")
        let errors = folder.appendingPathComponent(".fuzz-stderr")
        try Data(script).write(to: input)
        _ = manager.createFile(atPath: errors.path, contents: nil)

        let inputHandle = try FileHandle(forReadingFrom: input)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? inputHandle.close()
            try? errorHandle.close()
        }
        let finished = DispatchSemaphore(value: 0)
        let process = try Self.start {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--store", "memory", "--keep-going"]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["HYPERLAB_HISTORY"] = ""
            environment["HOME"] = folder.path
            environment["OPENBLAS_NUM_THREADS"] = "1"
            process.environment = environment
            process.standardInput = inputHandle
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errorHandle
            process.terminationHandler = { _ in finished.signal() }
            return process
        }
        var killed = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            killed = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let tail = Self.tail(of: (try? Data(contentsOf: errors)) ?? Data())
        if killed { return (.hung, tail) }
        switch process.terminationReason {
        case .uncaughtSignal:
            return (.crashed("signal \(process.terminationStatus) (\(Self.signalName(process.terminationStatus)))"), tail)
        case .exit:
            let status = process.terminationStatus
            if status == 0 || status == 1 { return (.survived, tail) }
            return (.crashed("exit status \(status)"), tail)
        @unknown default:
            return (.crashed("ended in an unknown way"), tail)
        }
    }

    /// Starts a process that `make` configures, again (a fresh one) while the executable is busy:
    /// a file just written can be held open for writing by a child another thread forked
    /// meanwhile, until that child execs, and exec then fails with ETXTBSY (Go's os/exec retries
    /// the same way).
    static func start(_ make: () -> Process) throws -> Process {
        var attempt = 1
        while true {
            let process = make()
            do {
                try process.run()
                return process
            } catch let error as NSError where attempt < 50 && isBusy(error) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Whether starting failed because the executable was open for writing (ETXTBSY).
    private static func isBusy(_ error: NSError) -> Bool {
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return underlying.domain == NSPOSIXErrorDomain && underlying.code == Int(ETXTBSY)
    }

    /// What standard error says about a fault: the runtime's message and the first frames of the
    /// crashed thread's backtrace when there are such lines, else its last 20 lines.
    private static func tail(of data: Data) -> String {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var picked = lines.filter { $0.contains("Fatal error") || $0.contains("Program crashed") }
        if let crashed = lines.firstIndex(where: { $0.hasPrefix("Thread ") && $0.hasSuffix(" crashed:") }) {
            picked += lines[crashed...].prefix(16)
        }
        return (picked.isEmpty ? Array(lines.suffix(20)) : picked).map { String($0.prefix(300)) }.joined(separator: "\n")
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL, a Swift runtime trap"
        case SIGTRAP: "SIGTRAP, a Swift runtime trap"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGABRT: "SIGABRT"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL, perhaps out of memory"
        default: "signal"
        }
    }
}
