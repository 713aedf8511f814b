import Foundation
import Synchronization
import Testing
@testable import HyperLabShell

/// `replay "FILE.ipynb"` (and `hyperlab run FILE.ipynb`): a notebook's cells run in order, and a
/// saved notebook replays to the same notebook.
@Suite struct JupyterReplayTests {
    static let lesson = """
    # Lesson 1: iris in a hurry
    say "Iris first."
    load iris
    split train=0.6 dev=0.2 test=0.2 seed=1
    pause
    say "Two epochs, then the curves."
    train epochs=2
    plot curve to="curve.svg"
    runs
    """

    /// Writes `text` as `name` in the shell's folder.
    static func write(_ text: String, _ name: String, in t: Transcript) throws {
        try text.write(to: t.directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func read(_ name: String, in t: Transcript) throws -> String {
        try String(contentsOf: t.directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aSavedNotebookReplaysToTheSameNotebook() throws {
        let first = try Transcript(echo: false)
        try Self.write(Self.lesson, "lesson.hlab", in: first)
        #expect(first.shell.run("replay \"lesson.hlab\"") == .completed, "\(first.output.text)")
        #expect(first.shell.run("save notebook \"a.ipynb\"") == .completed)
        let saved = try Self.read("a.ipynb", in: first)

        let again = try Transcript(echo: false)
        try Self.write(saved, "a.ipynb", in: again)
        #expect(again.shell.run("replay \"a.ipynb\"") == .completed, "\(again.output.text)")
        #expect(again.shell.run("save notebook \"b.ipynb\"") == .completed)
        #expect(try Self.read("b.ipynb", in: again) == saved, "the replayed notebook is the same bytes, title included")
        #expect(again.shell.workbench.runs.map { $0.run.curve("dev_acc") } == first.shell.workbench.runs.map { $0.run.curve("dev_acc") })
        #expect(again.shell.recorded == first.shell.recorded)
        let printed = { (t: Transcript) in t.output.text.components(separatedBy: "saved a Jupyter notebook")[0] }
        #expect(printed(again) == printed(first), "the replay prints what the script printed")
    }

    @Test func anErrorNamesTheCellAndTheLineWithinIt() throws {
        let t = try Transcript(echo: false)
        try Self.write(JupyterScriptTests.notebook([
            JupyterScriptTests.markdown("\"# Title\""),
            JupyterScriptTests.code("\"load iris\""),
            JupyterScriptTests.code(#""show config\nlod moons""#),
            JupyterScriptTests.code("\"runs\""),
        ]), "n.ipynb", in: t)
        #expect(t.shell.run("replay \"n.ipynb\"") == .failed)
        #expect(t.output.text.contains("n.ipynb cell 3:2:1: error: unknown command 'lod'\n  lod moons\n  ^~~\n"), "\(t.output.text)")
        #expect(t.output.text.contains("replay of n.ipynb stopped at the error above"))
        #expect(t.shell.recorded == ["load iris"], "cell 4 did not run")
    }

    @Test func skippedCellsAreNotedAndTheRestRuns() throws {
        let t = try Transcript(echo: false)
        try Self.write(JupyterScriptTests.notebook([
            JupyterScriptTests.code(#""%%python\nprint(1)""#),
            JupyterScriptTests.code("\"load iris\""),
        ]), "n.ipynb", in: t)
        #expect(t.shell.run("replay \"n.ipynb\"") == .completed)
        #expect(t.output.text.hasPrefix("note: n.ipynb cell 1 was skipped: it starts with %%python, IPython's syntax, not HyperLab's\nloaded iris"),
                "\(t.output.text)")
    }

    @Test func anotherKernelsNotebookIsNotedAndNothingRuns() throws {
        let t = try Transcript(echo: false)
        try Self.write(JupyterScriptTests.notebook([JupyterScriptTests.code("\"load iris\"")],
                                                   metadata: #"{"kernelspec": {"name": "python3", "display_name": "Python 3"}}"#),
                       "py.ipynb", in: t)
        #expect(t.shell.run("replay \"py.ipynb\"") == .completed)
        #expect(t.output.text == "note: py.ipynb is a notebook for the python3 kernel, not HyperLab: its one code cell was not run\n")
        #expect(t.shell.workbench.dataset == nil)
    }

    @Test func aMalformedNotebookIsAnErrorOfTheReplay() throws {
        let t = try Transcript(echo: false)
        try Self.write(JupyterScriptTests.notebook([JupyterScriptTests.code("\"load iris\""), "[]"]), "bad.ipynb", in: t)
        #expect(t.shell.run("replay \"bad.ipynb\"") == .failed)
        #expect(t.output.text.hasPrefix("error: bad.ipynb: cell 2 is not a JSON object (line 1, column 8)\n"), "\(t.output.text)")
        #expect(t.shell.workbench.dataset == nil, "nothing ran")
        try Self.write("{\n \"cells\": [,\n", "broken.ipynb", in: t)
        #expect(t.shell.run("replay \"broken.ipynb\"") == .failed)
        #expect(t.output.text.contains("error: broken.ipynb:2:12: not valid JSON: expected a value"), "\(t.output.text)")
    }

    @Test func aStepByStepReplayWaitsBeforeEachCommandOfEachCell() throws {
        let prompts = Mutex<[String]>([])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-ipynb-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let options = ShellOptions(interactive: true, workingDirectory: folder.path,
                                   waitForEnter: { prompt in prompts.withLock { $0.append(prompt) }; return true })
        let shell = Shell(console: CapturedOutput().console(), options: options)
        try JupyterScriptTests.notebook([
            JupyterScriptTests.markdown("\"Hi.\"", metadata: #"{"hyperlab": {"commands": ["say \"Hi.\""]}}"#),
            JupyterScriptTests.code(#""load iris\nshow config""#),
        ]).write(to: folder.appendingPathComponent("n.ipynb"), atomically: true, encoding: .utf8)
        #expect(shell.run("replay \"n.ipynb\" step=yes") == .completed)
        #expect(prompts.withLock { $0 } == ["hyperlab> load iris", "hyperlab> show config"])
    }
}
