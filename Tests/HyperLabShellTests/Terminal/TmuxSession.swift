import Foundation

/// A program running in a detached tmux session: a real pseudo-terminal that tests type into
/// (`send`) and read back as the rendered screen (`screen`), as a person would see it.
///
/// Each session has its own tmux server (`-L` socket), so tests run in parallel; the pane stays
/// after the program exits (`remain-on-exit`), so its last screen can be read.
final class TmuxSession {
    private let socket: String
    private let configuration: URL
    private let statusFile: URL

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
        statusFile = directory.appendingPathComponent("exit-status-\(socket)")
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        // The shell around the program records its exit status in a file (tmux's own record of
        // a pane's status proved unreliable); it ignores Ctrl-C itself, the program does not
        // (an ignored SIGINT is inherited, but the program installs its own handler).
        let shellCommand = "trap '' INT; cd \(Self.quoted(directory.path)) && env " +
            (assignments + command.map(Self.quoted)).joined(separator: " ") +
            "; echo $? > \(Self.quoted(statusFile.path))"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", shellCommand])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
        try? FileManager.default.removeItem(at: statusFile)
    }

    /// Sends keys in tmux's notation: literal text, or key names such as `Tab`, `Enter`, `C-d`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// The screen as shown, one line per row, trailing blanks removed; with `scrollback`, the
    /// rows that scrolled off the top come first.
    func screen(scrollback: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"] + (scrollback ? ["-S", "-"] : []))
    }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds: a debug build on
    /// a loaded machine starts slowly) and returns it; the last screen if it never did.
    @discardableResult
    func waitForScreen(timeout: Double = 20, scrollback: Bool = false,
                       _ condition: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var text = try screen(scrollback: scrollback)
        while !condition(text) {
            if Date() > deadline { return (false, text) }
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen(scrollback: scrollback)
        }
        return (true, text)
    }

    /// The program's exit status once it has ended (nil if it is still running after `timeout`).
    func exitStatus(timeout: Double = 20) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() <= deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Runs one tmux command against this session's server and returns its output.
    ///
    /// Spawned with `posix_spawn` and reaped with `waitpid`, output through a file: the tmux
    /// server that `new-session` starts inherits the client's descriptors, so anything that
    /// waits for a pipe (or Foundation's `Process`, which watches one) would wait forever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = configuration.deletingLastPathComponent()
            .appendingPathComponent("tmux-output-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let argv = ["tmux", "-L", socket, "-f", configuration.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        // Test threads (dispatch workers) block signals such as SIGCHLD and SIGINT; the tmux
        // server and the program in its pane would inherit that mask, so tmux would never see
        // the program exit and Ctrl-C would never arrive. Start tmux with no signal blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGCHLD, SIGPIPE, SIGTERM, SIGHUP, SIGWINCH, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else {
            throw TmuxFailure(arguments: arguments, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, spelled out for Swift).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
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
