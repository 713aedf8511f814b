import Foundation
import Testing

/// `hyperlab run FILE --notebook FILE.md`, `hyperlab run FILE.md`, `hyperlab tutorials`, `--store`.
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
