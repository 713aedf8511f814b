import Foundation
import Testing
@testable import HyperLabShell

/// `save notebook "FILE.ipynb"`: the session as a Jupyter notebook (nbformat 4.5).
@Suite struct NotebookJupyterTests {
    static let lesson = """
    say "Iris first."
    say "Then a split."
    load iris
    split train=0.6 dev=0.2 test=0.2 seed=1
    pause
    train epochs=2
    plot curve to="curve.svg"
    """

    /// The notebook a fresh shell saves after `script`, typed line by line, and the shell.
    static func saved(_ script: String, name: String = "n.ipynb", title: String? = nil) throws -> (JupyterJSON, String, Transcript) {
        let t = try Transcript(echo: false)
        t.type(script)
        #expect(t.shell.run("save notebook \"\(name)\"" + (title.map { " title=\"\($0)\"" } ?? "")) == .completed, "\(t.output.text)")
        let text = try String(contentsOf: t.directory.appendingPathComponent(name), encoding: .utf8)
        return (try JupyterJSON.parse(text), text, t)
    }

    /// The cells of a parsed notebook, as dictionaries.
    static func cells(_ notebook: JupyterJSON) throws -> [[String: JupyterJSON]] {
        guard case .object(let top) = notebook, case .array(let cells)? = top["cells"] else { throw NotANotebook() }
        return try cells.map { cell in
            guard case .object(let members) = cell else { throw NotANotebook() }
            return members
        }
    }

    /// Text stored as a list of lines, joined.
    static func joined(_ value: JupyterJSON?) -> String {
        guard case .array(let lines)? = value else { return "" }
        return lines.map { line in if case .string(let text) = line { text } else { "" } }.joined()
    }

    /// A cell's outputs, as dictionaries.
    static func outputs(_ cell: [String: JupyterJSON]) -> [[String: JupyterJSON]] {
        guard case .array(let outputs)? = cell["outputs"] else { return [] }
        return outputs.compactMap { if case .object(let members) = $0 { members } else { nil } }
    }

    struct NotANotebook: Error {}

    @Test func aSmallNotebookIsExactlyThis() throws {
        let (_, text, t) = try Self.saved("say \"Hello.\"\nshow config", title: "Tiny")
        #expect(t.output.text.hasSuffix("saved a Jupyter notebook of 3 cells to n.ipynb\n"))
        let config = try #require(try Self.cells(JupyterJSON.parse(text)).last.flatMap { Self.outputs($0).first }.map { Self.joined($0["text"]) })
        let configLines = JupyterJSON.lines(config).text.split(separator: "\n").dropFirst().dropLast()
            .map { "     " + $0 }.joined(separator: "\n")
        #expect(text == """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "\(Notebook.cellID(index: 0, kind: "markdown", source: "# Tiny"))",
           "metadata": {},
           "source": [
            "# Tiny"
           ]
          },
          {
           "cell_type": "markdown",
           "id": "\(Notebook.cellID(index: 1, kind: "markdown", source: "Hello."))",
           "metadata": {
            "hyperlab": {
             "commands": [
              "say \\"Hello.\\""
             ]
            }
           },
           "source": [
            "Hello."
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "\(Notebook.cellID(index: 2, kind: "code", source: "show config"))",
           "metadata": {},
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
        \(configLines)
             ]
            }
           ],
           "source": [
            "show config"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "HyperLab",
           "language": "hyperlab",
           "name": "hyperlab"
          },
          "language_info": {
           "file_extension": ".hlab",
           "mimetype": "text/x-hyperlab",
           "name": "hyperlab"
          },
          "title": "Tiny"
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """)
        #expect(config.hasPrefix("group"), "show config's table: \(config)")
    }

    @Test func narrationIsMarkdownAndAPauseARuleBothKeepingTheirCommands() throws {
        let (notebook, _, _) = try Self.saved(Self.lesson)
        let cells = try Self.cells(notebook)
        #expect(cells[0]["cell_type"] == .string("markdown") && Self.joined(cells[0]["source"]) == "# HyperLab notebook")
        #expect(Self.joined(cells[1]["source"]) == "Iris first.\nThen a split.", "consecutive say lines are one cell")
        #expect(cells[1]["metadata"] == .object(["hyperlab": .object(["commands": .array([.string("say \"Iris first.\""), .string("say \"Then a split.\"")])])]))
        let pause = cells[4]
        #expect(pause["cell_type"] == .string("markdown") && Self.joined(pause["source"]) == "---")
        #expect(pause["metadata"] == .object(["hyperlab": .object(["commands": .array([.string("pause")])])]))
    }

    @Test func eachCommandIsACodeCellWithItsTextAsAStream() throws {
        let (notebook, _, t) = try Self.saved(Self.lesson)
        let code = try Self.cells(notebook).filter { $0["cell_type"] == .string("code") }
        #expect(code.map { Self.joined($0["source"]) } == ["load iris", "split train=0.6 dev=0.2 test=0.2 seed=1", "train epochs=2", "plot curve to=\"curve.svg\""])
        #expect(code.map { $0["execution_count"] } == (1...4).map { .integer($0) })
        let load = Self.outputs(code[0])
        #expect(load.count == 1)
        #expect(load[0]["output_type"] == .string("stream") && load[0]["name"] == .string("stdout"))
        #expect(Self.joined(load[0]["text"]).hasPrefix("loaded iris: 150 rows × 4 features"))
        #expect(t.output.text.contains(Self.joined(Self.outputs(code[2])[0]["text"])), "the text as the shell printed it")
    }

    @Test func aPlotIsAnSVGImageWithItsTextAsThePlainAlternative() throws {
        let (notebook, _, t) = try Self.saved(Self.lesson)
        let plot = try #require(try Self.cells(notebook).last)
        let outputs = Self.outputs(plot)
        #expect(outputs.map { $0["output_type"] } == [.string("display_data"), .string("stream")])
        guard case .object(let data)? = outputs[0]["data"] else { Issue.record("no data"); return }
        #expect(Set(data.keys) == ["image/svg+xml", "text/plain"])
        let svg = Self.joined(data["image/svg+xml"])
        let file = try String(contentsOf: t.directory.appendingPathComponent("curve.svg"), encoding: .utf8)
        #expect(svg == file, "the image is what plot … to= writes")
        let text = Self.joined(data["text/plain"])
        #expect(text.contains("train_loss") && text.contains("epoch"))
        #expect(t.output.text.contains(text), "the text is the plot as the shell printed it")
        #expect(Self.joined(outputs[1]["text"]) == "wrote curve.svg\n")
        #expect(outputs[0]["metadata"] == .object([:]))
    }

    @Test func everyKindOfPlotBecomesAnImage() throws {
        let t = try Transcript(echo: false)
        t.type("load moons n=100 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]\ntrain epochs=5")
        t.type("sweep grid lr=[1e-3, 1e-2, 1e-1] units=[4, 8] epochs=3")
        let plots = ["plot curve", "plot boundary", "plot lr", "plot heatmap lr units", "plot history",
                     "plot importance", "plot parallel", "plot curve trial 1 2"]
        for plot in plots { #expect(t.shell.run(plot) == .completed, "\(plot)") }
        #expect(t.shell.run("save notebook \"plots.ipynb\"") == .completed)
        let text = try String(contentsOf: t.directory.appendingPathComponent("plots.ipynb"), encoding: .utf8)
        let cells = try Self.cells(JupyterJSON.parse(text)).suffix(plots.count)
        for (cell, plot) in zip(cells, plots) {
            #expect(Self.joined(cell["source"]) == plot)
            let kinds = Self.outputs(cell).map { $0["output_type"] }
            // The plot first; a note after it (importance's share of interactions) is text.
            #expect(kinds.first == .string("display_data") && kinds.dropFirst().allSatisfy { $0 == .string("stream") }, "\(plot): \(kinds)")
            guard case .object(let data)? = Self.outputs(cell).first?["data"] else { continue }
            #expect(Self.joined(data["image/svg+xml"]).contains("<svg"), "\(plot)")
        }
    }

    @Test func aFailedCommandKeepsItsCellWithAnErrorOutput() throws {
        let (notebook, _, _) = try Self.saved("load iris\nset lr=99\nlod iris")
        let code = try Self.cells(notebook).filter { $0["cell_type"] == .string("code") }
        #expect(code.map { Self.joined($0["source"]) } == ["load iris", "set lr=99", "lod iris"])
        let failed = Self.outputs(code[2])
        #expect(failed.count == 1)
        #expect(failed[0]["output_type"] == .string("error"))
        #expect(failed[0]["ename"] == .string("InputError"))
        #expect(failed[0]["evalue"] == .string("unknown command 'lod'"))
        #expect(failed[0]["traceback"] == .array(["error: unknown command 'lod' (line 1, column 1)", "  lod iris", "  ^~~",
                                                   "hint: did you mean load?"].map { .string($0) }))
        guard case .array(let lines)? = Self.outputs(code[1]).first?["traceback"] else { Issue.record("no traceback"); return }
        #expect(lines.first.map { if case .string(let s) = $0 { s.contains("lr") } else { false } } == true, "\(lines)")
    }

    @Test func aFailedScriptCommandNamesItsFileNotItsFolder() throws {
        let t = try Transcript(echo: false)
        let script = t.directory.appendingPathComponent("lesson.hlab")
        try "load iris\nsplit train=2\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(t.shell.run("load iris\nsplit train=2", source: script.path) == .failed)
        #expect(t.shell.run("save notebook \"n.ipynb\"") == .completed)
        let text = try String(contentsOf: t.directory.appendingPathComponent("n.ipynb"), encoding: .utf8)
        #expect(!text.contains(t.directory.path), "an absolute path in the notebook")
        #expect(text.contains("\"lesson.hlab:2:"), "\(text)")
    }

    @Test func theMarkdownNotebookIsUnchangedByFailures() throws {
        let t = try Transcript(echo: false)
        t.type("say \"One.\"\nlod iris\nsay \"Two.\"\nload iris\nsave notebook \"n.md\"")
        let markdown = try String(contentsOf: t.directory.appendingPathComponent("n.md"), encoding: .utf8)
        #expect(markdown.contains("\nOne.\nTwo.\n"), "the narration around a failure is still one paragraph")
        #expect(!markdown.contains("lod"))
        #expect(t.output.text.contains("saved a notebook of 3 entries to n.md"))
    }

    @Test func cellIdsAreValidUniqueAndStable() throws {
        let (notebook, first, _) = try Self.saved(Self.lesson + "\nshow config\nshow config")
        let ids = try Self.cells(notebook).map { cell -> String in
            guard case .string(let id)? = cell["id"] else { return "" }
            return id
        }
        #expect(Set(ids).count == ids.count, "ids are unique, also for two cells of the same text")
        let allowed = try Regex("^[a-zA-Z0-9_-]{1,64}$")
        #expect(ids.allSatisfy { $0.wholeMatch(of: allowed) != nil }, "\(ids)")
        let (_, second, _) = try Self.saved(Self.lesson + "\nshow config\nshow config")
        #expect(first == second, "the same session gives the same bytes")
        #expect(Notebook.cellID(index: 3, kind: "code", source: "load iris") != Notebook.cellID(index: 3, kind: "code", source: "load moons"))
    }

    /// A colour terminal 120 columns wide with wall times shown and a SQLite store in the working
    /// folder: the notebook is the same bytes as a plain shell's, without escapes or paths.
    @Test func aNotebookFromAColourTerminalIsThePlainOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-ipynb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let traits = ConsoleTraits(isTerminal: true, color: true, width: 120, unicode: true)
        var options = ShellOptions(workingDirectory: folder.path, clock: { Date(timeIntervalSince1970: 1_798_761_600) },
                                   showTimings: true)
        options.repository = Shell.repository(for: "hyperlab.sqlite", workingDirectory: folder.path)
        let shell = Shell(console: CapturedOutput().console(traits: traits), options: options)
        let script = "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep grid lr=[1e-3, 1e-2] epochs=2 seed=1\nresults\nplot history\nstudies"
        for line in script.split(separator: "\n") { #expect(shell.run(String(line)) == .completed) }
        #expect(shell.run("save notebook \"n.ipynb\"") == .completed)
        let colour = try String(contentsOf: folder.appendingPathComponent("n.ipynb"), encoding: .utf8)
        #expect(!colour.contains("\u{1B}") && !colour.contains("\\u001b"), "escape codes in the notebook")
        #expect(!colour.contains(folder.path), "an absolute path in the notebook")
        let wallTime = try Regex(#"\d+(\.\d+)? ?(ms|s)\b|seconds"#)
        #expect(!colour.contains(wallTime), "a wall time in the notebook")

        let plain = try Transcript(echo: false)
        var plainOptions = plain.shell.options
        plainOptions.repository = Shell.repository(for: "hyperlab.sqlite", workingDirectory: plain.directory.path)
        plain.shell.options = plainOptions
        plain.type(script + "\nsave notebook \"n.ipynb\"")
        let plainText = try String(contentsOf: plain.directory.appendingPathComponent("n.ipynb"), encoding: .utf8)
        // A terminal shows a sweep's trials on its status line, which no notebook keeps (as in
        // a Markdown handout); everything else is the plain shell's, byte for byte.
        let trialLine = try Regex(#"^ *"trial \d+  complete .*\n"#).anchorsMatchLineEndings()
        #expect(plainText.replacing(trialLine, with: "") == colour)
    }
}
