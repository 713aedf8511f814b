import Foundation
import Testing
@testable import HyperLabShell

/// The scripts the project ships (tutorials/, sessions/) replay without error, print the same
/// text on every replay, and — for tutorials — match their committed transcript and Jupyter
/// notebook byte for byte.
@Suite struct ShippedScriptsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scripts(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".hlab") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Runs a shipped script as `hyperlab FILE` does (stops at the first error), from the repository root.
    static func replay(_ path: String) throws -> (RunOutcome, String) {
        let (outcome, output, _) = try replayWithNotebook(path)
        return (outcome, output)
    }

    /// Runs a shipped script as `hyperlab run --store memory FILE --notebook F.ipynb` does: its
    /// outcome, what it printed, and the Jupyter notebook of the run.
    static func replayWithNotebook(_ path: String) throws -> (RunOutcome, String, String) {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let capture = CapturedOutput()
        let shell = Shell(console: capture.console(), options: ShellOptions(echo: true, workingDirectory: root.path))
        shell.adoptTitle(ofScript: text)
        let outcome = shell.run(text, source: path)
        return (outcome, capture.text, shell.notebook.jupyter(title: shell.notebook.title(afterScript: path)))
    }

    @Test func thereAreShippedScripts() {
        #expect(!Self.scripts(in: "tutorials").isEmpty)
        #expect(!Self.scripts(in: "sessions").isEmpty)
    }

    @Test func tutorialsCommandListsEveryTutorial() {
        let capture = CapturedOutput()
        let shell = Shell(console: capture.console(), options: ShellOptions(workingDirectory: Self.root.path))
        #expect(shell.run("tutorials") == .completed)
        for path in Self.scripts(in: "tutorials") {
            #expect(capture.text.contains((path as NSString).lastPathComponent), "\(path) not listed")
        }
        #expect(shell.run("help tutorials") == .completed)
    }

    @Test(arguments: scripts(in: "sessions"))
    func sessionReplaysTheSameTwice(path: String) throws {
        let (outcome, first) = try Self.replay(path)
        #expect(outcome == .completed, "\(path) failed:\n\(first)")
        let (_, second) = try Self.replay(path)
        #expect(first == second)
    }

    /// A tutorial prints its committed transcript, and its run makes its committed Jupyter
    /// notebook (`tutorials/NAME.ipynb`, the handout GitHub shows), byte for byte.
    @Test(arguments: scripts(in: "tutorials"))
    func tutorialMatchesItsTranscriptAndNotebook(path: String) throws {
        let (outcome, output, notebook) = try Self.replayWithNotebook(path)
        #expect(outcome == .completed, "\(path) failed:\n\(output)")
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let expectedURL = Transcript.goldenFolder.appendingPathComponent("tutorials/\(name).out")
        let twinURL = Self.root.appendingPathComponent("tutorials/\(name).ipynb")
        if Transcript.updating {
            try output.write(to: expectedURL, atomically: true, encoding: .utf8)
            try notebook.write(to: twinURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(output == expected, "\(path) no longer matches Golden/tutorials/\(name).out (HYPERLAB_UPDATE_GOLDEN=1 regenerates it)")
        let twin = try String(contentsOf: twinURL, encoding: .utf8)
        #expect(notebook == twin, "\(path) no longer makes tutorials/\(name).ipynb (HYPERLAB_UPDATE_GOLDEN=1 regenerates it)")
    }

    /// Every tutorial has its notebook, and every notebook in tutorials/ its script.
    @Test func everyTutorialHasItsNotebookTwin() throws {
        let folder = Self.root.appendingPathComponent("tutorials").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let scripts = Set(names.filter { $0.hasSuffix(".hlab") }.map { String($0.dropLast(5)) })
        let notebooks = Set(names.filter { $0.hasSuffix(".ipynb") }.map { String($0.dropLast(6)) })
        #expect(scripts == notebooks)
    }
}
