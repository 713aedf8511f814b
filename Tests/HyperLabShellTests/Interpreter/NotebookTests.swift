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
}
