import Foundation

/// A program running in a detached tmux session: a real pseudo-terminal that tests type into
/// (`send`) and read back as the rendered screen (`screen`), as a person would see it.
///
/// Each session has its own tmux server (`-L` socket), so tests run in parallel; the pane stays
/// after the program exits (`remain-on-exit`), so its exit status can be read.
final class TmuxSession {
    private let socket: String
    private let configuration: URL

    /// Whether tmux is installed.
    static let isAvailable: Bool = {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Starts `command` (a program and its arguments) in a `width` × `height` terminal.
    init(_ command: [String], environment: [String: String] = [:], directory: URL,
         width: Int = 100, height: Int = 30) throws {
        socket = "hyperlab-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        configuration = directory.appendingPathComponent("tmux-\(socket).conf")
        try "set -g remain-on-exit on\nset -g history-limit 2000\n".write(to: configuration, atomically: true, encoding: .utf8)
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let shellCommand = "cd \(Self.quoted(directory.path)) && exec env " +
            (assignments + command.map(Self.quoted)).joined(separator: " ")
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", shellCommand])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
    }

    /// Sends keys in tmux's notation: literal text, or key names such as `Tab`, `Enter`, `C-d`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// The screen as shown, one line per row, trailing blanks removed.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds: a debug build on
    /// a loaded machine starts slowly) and returns it; the last screen if it never did.
    @discardableResult
    func waitForScreen(timeout: Double = 20, _ condition: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var text = try screen()
        while !condition(text) {
            if Date() > deadline { return (false, text) }
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen()
        }
        return (true, text)
    }

    /// The program's exit status once it has ended (nil if it is still running after `timeout`).
    func exitStatus(timeout: Double = 20) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() <= deadline {
            let fields = try tmux(["display-message", "-p", "-t", "0", "#{pane_dead} #{pane_dead_status}"])
                .split(separator: " ")
            if fields.first == "1", fields.count > 1, let status = Int32(fields[1]) { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Runs one tmux command against this session's server and returns its output.
    ///
    /// Output goes through a file, not a pipe: the tmux server that `new-session` starts
    /// inherits the client's descriptors, so a pipe would never reach its end.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputFile = configuration.deletingLastPathComponent()
            .appendingPathComponent("tmux-output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket, "-f", configuration.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw TmuxFailure(arguments: arguments, output: text)
        }
        return text
    }

    /// `text` quoted for the shell tmux runs the command with.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A tmux command failed.
    struct TmuxFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(output)" }
    }
}
