import Foundation
import Testing

/// The built `hyperlab` executable, run as a user would run it (tests of the terminal side).
///
/// SwiftPM puts the executable next to the test bundle (`.build/<config>/hyperlab` beside
/// `HyperLabPackageTests.xctest`), also with `--scratch-path`; `HYPERLAB_BINARY` overrides.
enum HyperLabBinary {
    /// What one run of the binary produced.
    struct Result {
        /// The exit status.
        var status: Int32
        /// Everything written to standard output.
        var output: String
        /// Everything written to standard error.
        var error: String
    }

    /// The time limit of each test that runs the executable: a guard against a hang, not a
    /// measure of speed. Swift Testing counts a test's time from when it is scheduled, and on
    /// 2 cores its tests wait their turn behind the long process tests (a killed sweep's resume
    /// takes a minute or two under load), so a tight limit failed tests that were only queued.
    static let timeLimit: TimeLimitTrait.Duration = .minutes(10)

    /// The path of the executable, or nil when it has not been built.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["HYPERLAB_BINARY"], !override.isEmpty { return override }
        var folders: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        for folder in folders {
            // The test bundle is either a file in .build/<config>/ or a folder there (macOS).
            for candidate in [folder, folder.deletingLastPathComponent(),
                              folder.deletingLastPathComponent().deletingLastPathComponent()] {
                let path = candidate.appendingPathComponent("hyperlab").path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: path) {
                    return path
                }
            }
        }
        return nil
    }()

    /// A clear failure message when the binary is missing.
    static let missing = "the hyperlab executable was not found next to the test bundle; build it (swift build) or set HYPERLAB_BINARY"

    /// Runs the binary with `arguments`, feeding `input` on standard input (a pipe, not a terminal).
    /// - Parameters:
    ///   - directory: the working directory (a fresh temporary folder when nil).
    ///   - removing: variables taken out of the inherited environment.
    static func run(_ arguments: [String], input: String = "", directory: URL? = nil,
                    environment extra: [String: String] = [:], removing: [String] = []) throws -> Result {
        guard let path else { throw BinaryMissing() }
        return try runProgram(path, arguments, input: input, directory: directory,
                              environment: ["NO_COLOR": "1", "HYPERLAB_HISTORY": ""].merging(extra) { $1 },
                              removing: removing)
    }

    /// Runs any program (`sbatch`, a Python tool) the same way: the inherited environment with
    /// `extra` added and `removing` taken out, `input` on standard input, both outputs collected.
    static func runProgram(_ executable: String, _ arguments: [String], input: String = "", directory: URL? = nil,
                           environment extra: [String: String] = [:], removing: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = try directory ?? temporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        for name in removing { environment[name] = nil }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both streams while the process runs, so a full pipe never blocks it.
        let outputData = ReadAll(stdout.fileHandleForReading)
        let errorData = ReadAll(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outputData.wait(), as: UTF8.self),
                      error: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hyperlab-terminal-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Thrown when the executable has not been built.
    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { HyperLabBinary.missing }
    }
}

/// Reads a pipe to its end on a background thread.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the writer has closed the pipe.
    func wait() -> Data {
        done.wait()
        return data
    }
}
