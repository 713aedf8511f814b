import Foundation
import Testing

/// The real binary under a pseudo-terminal (tmux): what a person typing sees.
/// Needs tmux (`apt-get install tmux`); without it these tests fail rather than skip, since the
/// terminal behaviour is a requirement.
@Suite(.timeLimit(HyperLabBinary.timeLimit)) struct InteractiveShellTests {
    /// A fresh shell in a temporary folder, with its own history file.
    private func startShell(history: URL? = nil) throws -> (TmuxSession, URL) {
        try #require(TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)")
        let folder = try HyperLabBinary.temporaryFolder()
        let historyFile = history ?? folder.appendingPathComponent("history")
        let session = try TmuxSession([try #require(HyperLabBinary.path, "\(HyperLabBinary.missing)")],
                                      environment: ["HYPERLAB_HISTORY": historyFile.path, "NO_COLOR": "1"],
                                      directory: folder)
        // capture-pane drops trailing blanks: an empty prompt reads "hyperlab>".
        let prompt = try session.waitForScreen { $0.contains("hyperlab>") }
        #expect(prompt.matched, "no prompt:\n\(prompt.screen)")
        return (session, folder)
    }

    /// The last row that shows the prompt.
    private func promptLine(_ screen: String) -> String {
        screen.split(separator: "\n").last { $0.hasPrefix("hyperlab>") }.map(String.init) ?? ""
    }

    /// Expects the program in `session` to end with status 0, showing the screen if it does not.
    private func expectExitZero(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = try session.exitStatus()
        let screen = try session.screen()
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none (still running, or killed)"), screen:\n\(screen)",
                sourceLocation: sourceLocation)
    }

    /// The number of rows that show the prompt.
    private func promptCount(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix("hyperlab>") }.count
    }

    /// Types `line` and Enter, then waits, as a person would, for the command to finish: a new,
    /// empty prompt below its output. Returns the whole screen, scrollback included.
    @discardableResult
    private func enter(_ line: String, in session: TmuxSession,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = promptCount(try session.screen(scrollback: true))
        if !line.isEmpty { try session.type(line) }
        try session.send("Enter")
        let after = try session.waitForScreen(scrollback: true) { screen in
            promptCount(screen) > before
                && screen.split(separator: "\n").last.map { $0 == "hyperlab>" } == true
        }
        #expect(after.matched, "no prompt after \(line):\n\(after.screen)", sourceLocation: sourceLocation)
        return after.screen
    }

    @Test func promptAppearsAndCtrlDExitsZero() throws {
        let (session, _) = try startShell()
        try session.send("C-d")
        try expectExitZero(session)
    }

    @Test func quitExitsZero() throws {
        let (session, _) = try startShell()
        try session.type("quit")
        try session.send("Enter")
        try expectExitZero(session)
    }

    @Test func tabCompletesCommandThenDatasetName() throws {
        let (session, _) = try startShell()
        try session.type("lo")
        try session.send("Tab")
        let command = try session.waitForScreen { promptLine($0) == "hyperlab> load" }
        #expect(command.matched, "after lo<Tab>:\n\(command.screen)")
        try session.type("ir")
        try session.send("Tab")
        let dataset = try session.waitForScreen { promptLine($0) == "hyperlab> load iris" }
        #expect(dataset.matched, "after load ir<Tab>:\n\(dataset.screen)")
        // The completed line runs (Ctrl-D only ends the shell on an empty line).
        let loaded = try enter("", in: session)
        #expect(!loaded.contains("error"), "\(loaded)")
        try session.send("C-d")
        try expectExitZero(session)
    }

    @Test func unknownCommandPrintsErrorAndThePromptComesBack() throws {
        let (session, _) = try startShell()
        try session.type("lod iris")
        try session.send("Enter")
        let after = try session.waitForScreen { screen in
            guard let hint = screen.range(of: "did you mean load?") else { return false }
            return screen[hint.upperBound...].contains("hyperlab>")
        }
        #expect(after.matched, "after an unknown command:\n\(after.screen)")
        try session.send("C-d")
        try expectExitZero(session)
    }

    @Test func ctrlCAtThePromptDropsTheLine() throws {
        let (session, _) = try startShell()
        try session.type("lod iris")
        try session.send("C-c")
        let fresh = try session.waitForScreen { promptCount($0) == 2 }
        #expect(fresh.matched, "after Ctrl-C:\n\(fresh.screen)")
        #expect(promptLine(fresh.screen) == "hyperlab>")
        // The dropped line did not run: no error for it.
        #expect(!fresh.screen.contains("did you mean"))
        try session.send("C-d")
        try expectExitZero(session)
    }

    @Test func continuationLineShowsTheContinuationPrompt() throws {
        let (session, _) = try startShell()
        try session.type("say \\")
        try session.send("Enter")
        let continued = try session.waitForScreen { $0.contains("...>") }
        #expect(continued.matched, "after a trailing backslash:\n\(continued.screen)")
        let said = try enter("\"two lines\"", in: session)
        #expect(said.contains("\ntwo lines\n"), "after the continuation:\n\(said)")
        try session.send("C-d")
        try expectExitZero(session)
    }

    @Test func historyIsKeptAcrossRunsAndSearchedWithCtrlR() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let history = folder.appendingPathComponent("history")
        do {
            let (first, _) = try startShell(history: history)
            for line in ["say \"alpha\"", "say \"alpha\"", "", "datasets"] {
                try enter(line, in: first)
            }
            try first.send("C-d")
            try expectExitZero(first)
        }
        // Blank lines and a repeat of the previous line are not kept.
        let stored = try String(contentsOf: history, encoding: .utf8)
        #expect(stored == "say \"alpha\"\ndatasets\n")

        let (second, _) = try startShell(history: history)
        try second.send("Up")
        let recalled = try second.waitForScreen { promptLine($0) == "hyperlab> datasets" }
        #expect(recalled.matched, "after Up:\n\(recalled.screen)")
        try second.send("C-u", "C-r")
        try second.type("alp")
        let found = try second.waitForScreen { $0.contains("say \"alpha\"") }
        #expect(found.matched, "after Ctrl-R alp:\n\(found.screen)")
        // Ctrl-C leaves the search and drops the line; then Ctrl-D on the fresh, empty prompt.
        try second.send("C-c")
        let fresh = try second.waitForScreen { $0.split(separator: "\n").last == "hyperlab>" }
        #expect(fresh.matched, "after Ctrl-C in the search:\n\(fresh.screen)")
        try second.send("C-d")
        try expectExitZero(second)
    }

    /// Ctrl-C while `load` reads a file stops the load and keeps the dataset loaded before.
    /// The file is a named pipe, fed 60 KB of generated rows and then left open, so the load
    /// is surely in the middle of the file (waiting for more) when the key arrives.
    @Test func ctrlCDuringALoadKeepsThePreviousDataset() throws {
        let (session, folder) = try startShell()
        try enter("load iris", in: session)
        let pipe = folder.appendingPathComponent("endless.csv").path
        try #require(mkfifo(pipe, 0o600) == 0, "mkfifo failed")
        // Read-write, so opening does not wait for a reader and no write ever fails for want of one.
        let writer = open(pipe, O_RDWR | O_NONBLOCK)
        try #require(writer >= 0)
        defer { close(writer) }
        var rows = "a,b,y\n"
        var r = 0
        while rows.utf8.count < 60_000 { rows += "\(r % 97),\(r % 13),\(r % 3)\n"; r += 1 }
        let written = rows.withCString { write(writer, $0, strlen($0)) }
        try #require(written == rows.utf8.count)
        try session.type("load \"endless.csv\" target=y")
        try session.send("Enter")
        // The load has read every byte written so far when the pipe is empty.
        var waiting = pollfd(fd: writer, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(20)
        while poll(&waiting, 1, 0) > 0, Date() < deadline { usleep(20_000) }
        try #require(Date() < deadline, "the load never read the pipe")
        try session.send("C-c")
        let stopped = try session.waitForScreen(scrollback: true) { $0.split(separator: "\n").last == "hyperlab>" }
        #expect(stopped.matched, "after Ctrl-C:\n\(stopped.screen)")
        #expect(stopped.screen.contains("error: load was interrupted at line"), "\(stopped.screen)")
        #expect(stopped.screen.contains("hint: the previous dataset is kept"), "\(stopped.screen)")
        let shown = try enter("show data", in: session)
        #expect(shown.contains("iris (built-in): 150 rows"), "\(shown)")
        try session.send("C-d")
        try expectExitZero(session)
    }
}
