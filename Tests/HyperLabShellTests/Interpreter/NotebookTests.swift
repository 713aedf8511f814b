import Foundation
import Testing
@testable import HyperLabShell

/// `save notebook`: commands, outputs and narration as Markdown, and the script back from it.
@Suite struct NotebookTests {
    static let script = """
    say "We start with the iris flowers."
    load iris
    split train=0.6 dev=0.2 test=0.2 seed=1
    pause
    model mlp hidden=[8]
    train epochs=5
    show config
    """

    @Test func scriptToNotebookToScriptGivesTheSameCommands() throws {
        let t = try Transcript(echo: false)
        t.type(Self.script)
        t.type("save notebook \"handout.md\"")
        let markdown = try String(contentsOf: t.directory.appendingPathComponent("handout.md"), encoding: .utf8)
        let recovered = Notebook.script(fromMarkdown: markdown)
        let canonical = try Parser.parse(Self.script).map { try Binder.bind($0).canonicalText }
        #expect(recovered == canonical.map { $0 + "\n" }.joined())
    }

    @Test func notebookHoldsNarrationCommandsAndTheirOutput() throws {
        let t = try Transcript(echo: false)
        t.type(Self.script)
        t.type("set lr=99")       // a failing command is left out
        t.type("save notebook \"handout.md\" title=\"Lecture 1\"")
        let markdown = try String(contentsOf: t.directory.appendingPathComponent("handout.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Lecture 1\n"))
        #expect(markdown.contains("\nWe start with the iris flowers.\n"))
        #expect(markdown.contains("```hyperlab\nload iris\n```\n```text\nloaded iris: 150 rows"))
        #expect(markdown.contains("<!-- hyperlab: pause -->\n---\n"))
        #expect(markdown.contains("```hyperlab\nshow config\n```\n```text\ngroup"))
        #expect(!markdown.contains("lr=99"))
    }

    @Test func aNotebookReplaysLikeItsScript() throws {
        let t = try Transcript(echo: false)
        t.type(Self.script)
        t.type("save notebook \"handout.md\"")
        let again = try Transcript(echo: false)
        try FileManager.default.copyItem(at: t.directory.appendingPathComponent("handout.md"),
                                         to: again.directory.appendingPathComponent("handout.md"))
        #expect(again.shell.run("replay \"handout.md\"") == .completed)
        #expect(again.shell.workbench.configuration == t.shell.workbench.configuration)
        #expect(again.shell.workbench.runs.count == 1)
        #expect(again.shell.workbench.runs[0].run.curve("dev_acc") == t.shell.workbench.runs[0].run.curve("dev_acc"))
    }

    @Test func existingNotebookNeedsForce() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsave notebook \"n.md\"")
        #expect(t.shell.run("save notebook \"n.md\"") == .failed)
        #expect(t.shell.run("save notebook \"n.md\" force=yes") == .completed)
    }

    /// A shell as a person has it: a colour terminal 120 columns wide, timings shown, studies
    /// in a SQLite file of the working folder.
    private func colourTerminalShell() throws -> (Shell, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let traits = ConsoleTraits(isTerminal: true, color: true, width: 120, unicode: true)
        var options = ShellOptions(interactive: true, workingDirectory: folder.path, waitForEnter: { _ in true },
                                   clock: { Date(timeIntervalSince1970: 1_798_761_600) })
        options.repository = Shell.repository(for: "hyperlab.sqlite", workingDirectory: folder.path)
        return (Shell(console: CapturedOutput().console(traits: traits), options: options), folder)
    }

    @Test func aHandoutFromAColourTerminalHasNoEscapesNoAbsolutePathsAndNoWallTimes() throws {
        let (shell, folder) = try colourTerminalShell()
        let lesson = """
        # Tutorial 0: grid in a hurry
        say "A small grid."
        load iris
        split train=0.6 dev=0.2 test=0.2 seed=1
        sweep grid lr=[1e-3, 1e-2] epochs=2 seed=1
        results
        evaluate test
        """
        try lesson.write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        #expect(shell.run("replay \"lesson.hlab\" step=yes") == .completed)
        // Typed at the terminal, these show wall times and the store's path on screen, not in the handout.
        #expect(shell.run("train epochs=2") == .completed)
        #expect(shell.run("sweep random n=2 lr=log(1e-3, 1e-1) epochs=2 seed=2") == .completed)
        #expect(shell.run("results") == .completed)
        #expect(shell.run("studies") == .completed)
        #expect(shell.run("save notebook \"handout.md\"") == .completed)
        let markdown = try String(contentsOf: folder.appendingPathComponent("handout.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Tutorial 0: grid in a hurry\n"))
        #expect(!markdown.contains("\u{1B}"), "escape codes in the handout:\n\(markdown)")
        #expect(!markdown.contains(folder.path), "an absolute path in the handout:\n\(markdown)")
        #expect(!markdown.contains("/hyperlab.sqlite"), "an absolute path in the handout:\n\(markdown)")
        #expect(markdown.contains("stored in hyperlab.sqlite"), "\(markdown)")
        let wallTime = try Regex(#"\d+(\.\d+)? ?(ms|s)\b|seconds|parallel \d"#)
        #expect(!markdown.contains(wallTime), "a wall time in the handout:\n\(markdown)")
    }
}
