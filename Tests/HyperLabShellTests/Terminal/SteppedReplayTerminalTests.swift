import Foundation
import Testing

/// `replay "tutorials/03-grid-2d.hlab" step=yes` in a colour terminal (tmux), pressing Enter as a
/// lecturer would, then `save notebook`: the class sees each narration once, and the handout is clean.
@Suite(.timeLimit(HyperLabBinary.timeLimit)) struct SteppedReplayTerminalTests {
    static let tutorial = ShippedScriptsTests.root.appendingPathComponent("tutorials/03-grid-2d.hlab")

    /// A line the replay waits at: a pause, a command shown at the prompt, or the shell's own prompt.
    private static func isWait(_ line: Substring) -> Bool {
        line == "(press Enter to continue)" || line.hasPrefix("hyperlab>")
    }

    @Test func aTutorialStepsOnceAPauseOrCommandAndMakesACleanHandout() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)")
        let folder = try HyperLabBinary.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tutorials"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.tutorial, to: folder.appendingPathComponent("tutorials/03-grid-2d.hlab"))
        let session = try TmuxSession([try #require(HyperLabBinary.path, "\(HyperLabBinary.missing)")],
                                      environment: ["HYPERLAB_HISTORY": folder.appendingPathComponent("history").path,
                                                    "TERM": "xterm-256color"],
                                      directory: folder, width: 140, height: 40)
        try #require(try session.waitForScreen { $0.contains("hyperlab>") }.matched)
        try session.type("replay \"tutorials/03-grid-2d.hlab\" step=yes")
        var presses = 0
        var seen = 0
        var screen = ""
        // Enter at every wait until the shell's own empty prompt comes back (140 columns: no
        // command shown at a wait wraps).
        while true {
            try session.send("Enter")
            let next = try session.waitForScreen(timeout: 60, scrollback: true) { text in
                let lines = text.split(separator: "\n")
                return lines.filter(Self.isWait).count > seen && lines.last.map(Self.isWait) == true
            }
            try #require(next.matched, "the replay stopped moving:\n\(next.screen)")
            screen = next.screen
            let lines = screen.split(separator: "\n")
            seen = lines.filter(Self.isWait).count
            if lines.last == "hyperlab>" { break }
            presses += 1
            try #require(presses < 60, "too many steps:\n\(screen)")
        }
        // 9 commands and 6 pauses: one Enter each (it was about 40).
        #expect(presses == 15, "\(presses) Enter presses:\n\(screen)")
        #expect(!screen.contains("hyperlab> say"), "narration shown as a command:\n\(screen)")
        let script = try String(contentsOf: Self.tutorial, encoding: .utf8)
        for say in script.split(separator: "\n") where say.hasPrefix("say \"") {
            let text = say.dropFirst(5).prefix { $0 != "\"" }
            #expect(screen.components(separatedBy: text).count == 2, "not shown exactly once: \(text)\n\(screen)")
        }

        try session.type("save notebook \"handout.md\"")
        try session.send("Enter")
        try #require(try session.waitForScreen { $0.contains("saved a notebook") }.matched)
        let markdown = try String(contentsOf: folder.appendingPathComponent("handout.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Tutorial 3: grid search in two dimensions\n"))
        #expect(!markdown.contains("\u{1B}"), "escape codes in the handout:\n\(markdown)")
        #expect(!markdown.contains(folder.path) && !markdown.contains("/hyperlab.sqlite"), "an absolute path:\n\(markdown)")
        #expect(!markdown.contains(try Regex(#"\d+(\.\d+)? ?(ms|s)\b|seconds|parallel \d"#)), "a wall time:\n\(markdown)")
        #expect(markdown.contains("changes little,\nand 0.1 is the worst column"), "a sentence split in two paragraphs:\n\(markdown)")
        try session.send("C-d")
    }
}
