import Foundation
import Testing

/// `hyperlab run FILE --notebook FILE.md|FILE.ipynb`, `hyperlab run FILE.md|FILE.ipynb`,
/// `hyperlab tutorials`, `--store`.
@Suite(.timeLimit(HyperLabBinary.timeLimit)) struct NotebookCommandLineTests {
    @Test func aScriptsNotebookReplaysTheSameCommands() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let script = "say \"Iris first.\"\nload iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\ntrain epochs=5\n"
        try script.write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        let first = try HyperLabBinary.run(["run", "lesson.hlab", "--notebook", "lesson.md"], directory: folder)
        #expect(first.status == 0, "\(first.error)")
        let notebook = try String(contentsOf: folder.appendingPathComponent("lesson.md"), encoding: .utf8)
        #expect(notebook.contains("```hyperlab\ntrain epochs=5\n```"))
        let replay = try HyperLabBinary.run(["run", "lesson.md"], directory: folder)
        #expect(replay.status == 0, "\(replay.error)")
        #expect(replay.output == first.output)
    }

    @Test func aScriptsJupyterNotebookReplaysTheSameCommands() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let script = "# Lesson: iris\nsay \"Iris first.\"\nload iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\ntrain epochs=3\nplot curve\n"
        try script.write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        let first = try HyperLabBinary.run(["run", "--store", "memory", "lesson.hlab", "--notebook", "lesson.ipynb"], directory: folder)
        #expect(first.status == 0, "\(first.error)")
        let notebook = try String(contentsOf: folder.appendingPathComponent("lesson.ipynb"), encoding: .utf8)
        #expect(notebook.hasPrefix("{\n \"cells\": [\n"))
        #expect(notebook.contains("\"image/svg+xml\": [\n"))
        #expect(notebook.contains("\"title\": \"Lesson: iris\""))
        let replay = try HyperLabBinary.run(["run", "--store", "memory", "lesson.ipynb", "--notebook", "again.ipynb"], directory: folder)
        #expect(replay.status == 0, "\(replay.error)")
        #expect(replay.output == first.output)
        #expect(try String(contentsOf: folder.appendingPathComponent("again.ipynb"), encoding: .utf8) == notebook,
                "a notebook replays to the same notebook")
    }

    @Test func aFailedScriptsNotebookEndsWithTheErrorCell() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        try "load iris\nsplit train=2\nshow data\n".write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        let result = try HyperLabBinary.run(["run", "--store", "memory", folder.appendingPathComponent("lesson.hlab").path,
                                             "--notebook", "lesson.ipynb"], directory: folder)
        #expect(result.status == 1)
        let notebook = try String(contentsOf: folder.appendingPathComponent("lesson.ipynb"), encoding: .utf8)
        #expect(notebook.contains("\"output_type\": \"error\""))
        #expect(notebook.contains("\"lesson.hlab:2:"), "the script by its name")
        #expect(!notebook.contains(folder.path), "no absolute path")
        #expect(!notebook.contains("show data"), "the script stopped at the error")
    }

    @Test func aMalformedNotebookFailsWithItsCellNumber() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let bad = #"{"cells": [{"cell_type": "code", "source": "load iris"}, {"cell_type": "code", "source": 7}], "metadata": {}, "nbformat": 4}"#
        try bad.write(to: folder.appendingPathComponent("bad.ipynb"), atomically: true, encoding: .utf8)
        let result = try HyperLabBinary.run(["run", "bad.ipynb"], directory: folder)
        #expect(result.status == 1)
        #expect(result.error == "bad.ipynb: error: cell 2: its source is neither text nor a list of lines\nhint: a cell's source is text, or a list of lines of text\n")
        #expect(result.output.isEmpty, "no cell ran")
        try "{\"cells\": [\n  {\"cell_type\": \"code\",, }\n]}".write(to: folder.appendingPathComponent("broken.ipynb"), atomically: true, encoding: .utf8)
        let broken = try HyperLabBinary.run(["run", "broken.ipynb"], directory: folder)
        #expect(broken.status == 1)
        #expect(broken.error.hasPrefix("broken.ipynb:2:24: error: not valid JSON: expected a key in double quotes\n    {\"cell_type\": \"code\",, }\n                         ^\n"),
                "\(broken.error)")
    }

    @Test func anotherKernelsNotebookIsSkippedWithANote() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let python = #"{"cells": [{"cell_type": "code", "source": "print(1)"}], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}}, "nbformat": 4}"#
        try python.write(to: folder.appendingPathComponent("py.ipynb"), atomically: true, encoding: .utf8)
        let result = try HyperLabBinary.run(["run", "py.ipynb"], directory: folder)
        #expect(result.status == 0)
        #expect(result.error == "note: py.ipynb is a notebook for the python3 kernel, not HyperLab: its one code cell was not run\n")
    }

    @Test func tutorialsAreListed() throws {
        let result = try HyperLabBinary.run(["tutorials"])
        #expect(result.status == 0)
        #expect(result.output.contains("01-scope.hlab"))
    }

    @Test func sweepsAreStoredInTheChosenStore() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let sweep = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; sweep random n=2 lr=log(1e-3, 1e-1) epochs=2"
        #expect(try HyperLabBinary.run(["-c", sweep], directory: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("hyperlab.sqlite").path))
        #expect(try HyperLabBinary.run(["--store", "mine.sqlite", "-c", sweep], directory: folder).status == 0)
        let listed = try HyperLabBinary.run(["--store", "mine.sqlite", "-c", "studies"], directory: folder)
        #expect(listed.output.contains("sweep 1"))
        #expect(try HyperLabBinary.run(["--store", "memory", "-c", "studies"], directory: folder).output.contains("no studies"))
        let refused = try HyperLabBinary.run(["--store", "postgresql://u@h/db", "-c", "studies"], directory: folder)
        #expect(refused.status != 0)
    }
}
