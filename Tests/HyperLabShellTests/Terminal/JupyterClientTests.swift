import Foundation
import HyperLabShell
import Testing

/// The HyperLab kernel under Jupyter's own client: `hyperlab kernel install --prefix` into a
/// temporary folder, then `jupyter nbconvert --execute` runs a notebook of HyperLab cells, and a
/// small `jupyter_client` script interrupts a sweep and shuts the kernel down. `./test` installs
/// jupyter_client, nbconvert and nbformat into a virtual environment outside the repository
/// (scripts/install-test-tools.sh); without PyPI this suite is skipped and says why.
@Suite(.enabled(if: JupyterTools.python != nil && HyperLabBinary.path != nil,
                "needs HYPERLAB_TEST_VENV with jupyter_client and nbconvert (./test installs them with scripts/install-test-tools.sh; its output says why it could not), and the built hyperlab"),
       .timeLimit(HyperLabBinary.timeLimit))
struct JupyterClientTests {
    /// A folder with the kernelspec installed under `prefix/`, and the environment that finds it.
    static func installedKernel() throws -> (folder: URL, environment: [String: String]) {
        let folder = try HyperLabBinary.temporaryFolder()
        let prefix = folder.appendingPathComponent("prefix")
        let install = try HyperLabBinary.run(["kernel", "install", "--prefix", prefix.path], directory: folder)
        #expect(install.status == 0, "\(install.error)")
        let spec = prefix.appendingPathComponent("share/jupyter/kernels/hyperlab/kernel.json")
        let json = try JupyterJSON.parse(String(contentsOf: spec, encoding: .utf8))
        #expect(json["argv"] == .array([.string(try #require(HyperLabBinary.path)), .string("kernel"),
                                        .string("--connection-file"), .string("{connection_file}")]))
        let environment = ["JUPYTER_PATH": prefix.appendingPathComponent("share/jupyter").path,
                           "JUPYTER_PLATFORM_DIRS": "1", "JUPYTER_DATA_DIR": folder.appendingPathComponent("data").path,
                           "JUPYTER_RUNTIME_DIR": folder.appendingPathComponent("runtime").path]
        return (folder, environment)
    }

    /// Notebook text as nbformat keeps it, a string or a list of lines, as one string.
    static func multiline(_ value: JupyterJSON?) -> String {
        switch value {
        case .string(let text)?: text
        case .array(let lines)?: lines.map { if case .string(let line) = $0 { line } else { "" } }.joined()
        default: ""
        }
    }

    /// A notebook whose code cells are `cells`, asking for the HyperLab kernel.
    static func notebook(_ cells: [String]) -> String {
        JupyterJSON.object([
            "cells": .array(cells.enumerated().map { index, source in
                .object(["cell_type": .string("code"), "execution_count": .null, "id": .string("cell-\(index)"),
                         "metadata": .object([:]), "outputs": .array([]), "source": JupyterJSON.lines(source)])
            }),
            "metadata": .object(["kernelspec": .object(["display_name": .string("HyperLab"), "language": .string("hyperlab"),
                                                        "name": .string("hyperlab")])]),
            "nbformat": .integer(4),
            "nbformat_minor": .integer(5),
        ]).text
    }

    @Test func nbconvertExecutesANotebookOfHyperLabCells() throws {
        let (folder, environment) = try Self.installedKernel()
        let cells = [
            "load moons n=80 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1",
            "model mlp hidden=[4]\ntrain epochs=3",
            "plot curve",
            "lod moons",
            "runs",
            "save notebook \"saved.ipynb\"",
        ]
        try Self.notebook(cells).write(to: folder.appendingPathComponent("lesson.ipynb"), atomically: true, encoding: .utf8)
        let run = try HyperLabBinary.runProgram(try #require(JupyterTools.nbconvert),
                                                ["--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=300",
                                                 "--output", "executed.ipynb", "lesson.ipynb"],
                                                directory: folder, environment: environment)
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let executed = try JupyterJSON.parse(String(contentsOf: folder.appendingPathComponent("executed.ipynb"), encoding: .utf8))
        guard case .array(let outputCells)? = executed["cells"], outputCells.count == cells.count else {
            Issue.record("the executed notebook has not \(cells.count) cells: \(run.error)"); return
        }
        func outputs(_ index: Int) -> [JupyterJSON] {
            if case .array(let list)? = outputCells[index]["outputs"] { return list }
            return []
        }
        func text(_ index: Int) -> String {
            outputs(index).filter { $0[string: "output_type"] == "stream" }.map { Self.multiline($0["text"]) }.joined()
        }
        #expect(text(0).contains("loaded moons"), "\(outputs(0))")
        #expect(outputs(2).contains { $0[string: "output_type"] == "display_data" && $0["data"]?["image/svg+xml"] != nil },
                "the plot is an SVG image: \(outputs(2))")
        let error = outputs(3).first { $0[string: "output_type"] == "error" }
        #expect(error?[string: "ename"] == "InputError", "\(outputs(3))")
        #expect(error?[string: "evalue"]?.contains("lod") == true)
        let runs = outputs(4).first { $0[string: "output_type"] == "display_data" && $0["data"]?["text/html"] != nil }
        let html = Self.multiline(runs.flatMap { $0["data"]?["text/html"] })
        let plain = Self.multiline(runs.flatMap { $0["data"]?["text/plain"] })
        #expect(html.contains("<table class=\"hyperlab\">"), "the kernel served on after the error, and runs is an HTML table: \(outputs(4))")
        #expect(plain.contains("run"), "with its text: \(outputs(4))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("saved.ipynb").path))
        let validation = try NotebookValidationTests.validate([folder.appendingPathComponent("executed.ipynb"),
                                                               folder.appendingPathComponent("saved.ipynb")])
        #expect(validation.status == 0, "\(validation.output)\(validation.error)")
    }

    /// The issue's "done when": tutorial 3's committed notebook runs in Jupyter from top to bottom
    /// without an error, and its heatmap is an image.
    @Test func tutorialThreeRunsInJupyterAndShowsItsHeatmap() throws {
        let (folder, environment) = try Self.installedKernel()
        let source = ShippedScriptsTests.root.appendingPathComponent("tutorials/03-grid-2d.ipynb")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("03-grid-2d.ipynb"))
        let run = try HyperLabBinary.runProgram(try #require(JupyterTools.nbconvert),
                                                ["--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300",
                                                 "--output", "executed.ipynb", "03-grid-2d.ipynb"],
                                                directory: folder, environment: environment)
        #expect(run.status == 0, "every cell ran without an error: \(run.output)\(run.error)")
        let executed = try JupyterJSON.parse(String(contentsOf: folder.appendingPathComponent("executed.ipynb"), encoding: .utf8))
        guard case .array(let cells)? = executed["cells"] else { Issue.record("no cells"); return }
        let heatmap = cells.first { cell in
            guard case .array(let lines)? = cell["source"] else { return false }
            return lines.contains { if case .string(let line) = $0 { line.hasPrefix("plot heatmap") } else { false } }
        }
        guard case .array(let outputs)? = heatmap?["outputs"] else { Issue.record("no plot heatmap cell"); return }
        #expect(outputs.contains { Self.multiline($0["data"]?["image/svg+xml"]).contains("<svg") }, "\(outputs)")
    }

    /// Drives the kernel with jupyter_client: kernel_info, complete, is_complete, an interrupted
    /// sweep, and a shutdown after which the process has exited on its own.
    static let clientScript = """
    import os, sys, time
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name="hyperlab")
    km.start_kernel(cwd=sys.argv[1])
    process = km.provisioner.process
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    def run(code):
        msg_id = kc.execute(code)
        texts = []
        interrupted = False
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind in ("display_data", "update_display_data") and "sweep" in code and not interrupted:
                km.interrupt_kernel()
                interrupted = True
            if kind == "stream":
                texts.append(msg["content"]["text"])
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        reply = kc.get_shell_msg(timeout=120)
        return reply["content"]["status"], "".join(texts), interrupted
    kc.kernel_info()
    print("kernel_info", kc.get_shell_msg(timeout=120)["content"]["language_info"]["name"])
    kc.complete("plot he", 7)
    print("complete", kc.get_shell_msg(timeout=120)["content"]["matches"])
    kc.is_complete("sweep grid \\\\")
    print("is_complete", kc.get_shell_msg(timeout=120)["content"]["status"])
    print("setup", run("load iris\\nsplit train=0.6 dev=0.2 test=0.2 seed=1\\nmodel mlp hidden=[8]")[0])
    status, text, interrupted = run("sweep random n=400 lr=log(1e-4, 1e-1) epochs=30 seed=1 parallel=1")
    print("sweep", status, "interrupted" if interrupted else "not interrupted")
    print("kept", "the finished trials are kept" in text)
    print("results", run("results top=1")[0])
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print("exit status", process.poll())
    """

    @Test func jupyterClientInterruptsASweepAndShutsTheKernelDown() throws {
        let (folder, environment) = try Self.installedKernel()
        let run = try HyperLabBinary.runProgram(try #require(JupyterTools.python), ["-c", Self.clientScript, folder.path],
                                                directory: folder, environment: environment)
        #expect(run.status == 0, "\(run.output)\(run.error)")
        for line in ["kernel_info hyperlab", "complete ['heatmap']", "is_complete incomplete", "setup ok",
                     "sweep error interrupted", "kept True", "results ok", "exit status 0"] {
            #expect(run.output.contains(line + "\n"), "expected \(line): \(run.output)\(run.error)")
        }
    }
}

/// The tests' Python tools for Jupyter, from the virtual environment of HYPERLAB_TEST_VENV.
enum JupyterTools {
    /// The environment's Python, when it has jupyter_client and nbconvert.
    static let python: String? = {
        guard let python = NotebookValidator.python else { return nil }
        let bin = URL(fileURLWithPath: python).deletingLastPathComponent()
        return FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("jupyter-nbconvert").path) ? python : nil
    }()

    /// `jupyter-nbconvert` of that environment.
    static var nbconvert: String? {
        python.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("jupyter-nbconvert").path }
    }
}
