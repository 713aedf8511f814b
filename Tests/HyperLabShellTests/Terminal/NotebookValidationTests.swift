import Foundation
import HyperLabShell
import Testing

/// Every Jupyter notebook HyperLab writes passes Jupyter's own check: `nbformat.validate` on
/// `nbformat.read(path, as_version=4)`, with Python's warnings as errors (a missing cell id is
/// only a warning otherwise). `./test` installs nbformat into a virtual environment outside the
/// repository (scripts/install-test-tools.sh); without PyPI this suite is skipped and says why.
@Suite(.enabled(if: NotebookValidator.python != nil,
                "needs HYPERLAB_TEST_VENV, a virtual environment with nbformat (./test installs one with scripts/install-test-tools.sh; its output says why it could not)"))
struct NotebookValidationTests {
    /// Validates each of `files` with nbformat; the output names each file with "valid" or its error.
    static func validate(_ files: [URL]) throws -> HyperLabBinary.Result {
        let check = """
        import sys, nbformat
        failed = False
        for path in sys.argv[1:]:
            try:
                nbformat.validate(nbformat.read(path, as_version=4))
                print(path, "valid")
            except Exception as error:
                failed = True
                print(path, "INVALID:", type(error).__name__, str(error)[:400])
        sys.exit(1 if failed else 0)
        """
        return try HyperLabBinary.runProgram(try #require(NotebookValidator.python), ["-W", "error", "-c", check] + files.map(\.path))
    }

    static let lesson = """
    # Lesson: every kind of output
    say "Moons, a small network, a grid."
    load moons n=100 seed=1
    split train=0.6 dev=0.2 test=0.2 seed=1
    pause
    model mlp hidden=[8]
    train epochs=5
    plot curve
    plot boundary to="boundary.svg"
    sweep grid lr=[1e-3, 1e-2, 1e-1] units=[4, 8] epochs=3
    results top=3
    plot lr
    plot heatmap lr units
    plot history
    plot importance
    plot parallel
    say "Ünïcödé, \\"quotes\\", tabs\\tand <svg> & ampersands."
    evaluate test
    lod moons
    """

    @Test func theNotebooksTheShellWritesAreValid() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        try Self.lesson.write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        let run = try HyperLabBinary.run(["run", "--store", "memory", "lesson.hlab", "--notebook", "run.ipynb"], directory: folder)
        #expect(run.status == 1, "the lesson ends in an error: \(run.error)")
        let typed = try HyperLabBinary.run(["--store", "memory"],
                                           input: "load iris\nsay \"typed\"\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsave notebook \"typed.ipynb\"\n",
                                           directory: folder)
        #expect(typed.output.contains("saved a Jupyter notebook of"), "\(typed.output)\(typed.error)")
        let empty = try HyperLabBinary.run(["--store", "memory", "-c", "save notebook \"empty.ipynb\""], directory: folder)
        #expect(empty.status == 0, "\(empty.error)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("boundary.svg"))
        let replay = try HyperLabBinary.run(["run", "--store", "memory", "run.ipynb", "--notebook", "replayed.ipynb"], directory: folder)
        #expect(replay.status == 1, "the replay stops at the same error: \(replay.error)")
        let files = ["run", "typed", "empty", "replayed"].map { folder.appendingPathComponent("\($0).ipynb") }
        let result = try Self.validate(files)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.components(separatedBy: " valid\n").count == files.count + 1, "\(result.output)")
    }

    @Test func everyTutorialsNotebookIsValid() throws {
        let folder = ShippedScriptsTests.root.appendingPathComponent("tutorials")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ipynb") }.sorted()
        #expect(!names.isEmpty)
        let result = try Self.validate(names.map { folder.appendingPathComponent($0) })
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.components(separatedBy: " valid\n").count == names.count + 1, "\(result.output)")
    }

    /// The check can fail: a cell without its id (required by nbformat 4.5), and a stream
    /// without its name, are refused.
    @Test(arguments: [("   \"id\": ", "   \"not_id\": ", "MissingIDFieldWarning"),
                      ("     \"name\": \"stdout\",\n", "", "ValidationError")])
    func aBrokenNotebookFailsTheCheck(original: String, broken: String, reported: String) throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let made = try HyperLabBinary.run(["--store", "memory", "-c", "load iris", "-c", "save notebook \"n.ipynb\""], directory: folder)
        #expect(made.status == 0, "\(made.error)")
        let text = try String(contentsOf: folder.appendingPathComponent("n.ipynb"), encoding: .utf8)
        #expect(text.contains(original))
        let copy = folder.appendingPathComponent("broken.ipynb")
        try text.replacingOccurrences(of: original, with: broken).write(to: copy, atomically: true, encoding: .utf8)
        let result = try Self.validate([copy])
        #expect(result.status != 0)
        #expect(result.output.contains(reported), "\(result.output)\(result.error)")
    }
}

/// The tests' virtual environment with nbformat, if `./test` could make one.
enum NotebookValidator {
    /// The virtual environment's Python, when the environment has nbformat.
    static let python: String? = {
        guard let folder = ProcessInfo.processInfo.environment["HYPERLAB_TEST_VENV"] else { return nil }
        let venv = URL(fileURLWithPath: folder)
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: venv.appendingPathComponent("lib").path)) ?? []
        let hasNbformat = versions.contains {
            FileManager.default.fileExists(atPath: venv.appendingPathComponent("lib/\($0)/site-packages/nbformat").path)
        }
        return hasNbformat ? venv.appendingPathComponent("bin/python").path : nil
    }()
}
