import Testing
@testable import HyperLabShell

/// Reading a Jupyter notebook's commands: which cells run, which are skipped, and the errors
/// of a malformed notebook, each naming its cell (or its line and column).
@Suite struct JupyterScriptTests {
    /// A notebook of `cells` (JSON text each) with `metadata`.
    static func notebook(_ cells: [String], metadata: String = "{}", version: String = "4") -> String {
        "{\"cells\": [\(cells.joined(separator: ", "))], \"metadata\": \(metadata), \"nbformat\": \(version), \"nbformat_minor\": 5}"
    }

    static func code(_ source: String, metadata: String = "{}") -> String {
        "{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"x\", \"metadata\": \(metadata), \"outputs\": [], \"source\": \(source)}"
    }

    static func markdown(_ source: String, metadata: String = "{}") -> String {
        "{\"cell_type\": \"markdown\", \"id\": \"y\", \"metadata\": \(metadata), \"source\": \(source)}"
    }

    /// The error reading `text` gives.
    static func error(_ text: String) -> InputError? {
        do {
            _ = try JupyterScript.read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func codeCellsRunAndNarrationCellsSayTheirCommands() throws {
        let text = Self.notebook([
            Self.markdown("[\"# A title\"]"),
            Self.markdown("[\"Iris.\"]", metadata: #"{"hyperlab": {"commands": ["say \"Iris.\""]}}"#),
            Self.code(#"["load iris\n", "show data"]"#),
            Self.code("\"\""),
            "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"load moons\"}",
            Self.markdown("\"---\"", metadata: #"{"hyperlab": {"commands": ["pause"]}}"#),
            Self.code("\"split train=0.6 dev=0.2 test=0.2\""),
        ], metadata: #"{"title": "Lesson", "kernelspec": {"name": "hyperlab", "display_name": "HyperLab", "language": "hyperlab"}}"#)
        let script = try JupyterScript.read(text)
        #expect(script.title == "Lesson")
        #expect(script.foreignKernel == nil)
        #expect(script.steps == [.commands(cell: 2, text: "say \"Iris.\""), .commands(cell: 3, text: "load iris\nshow data"),
                                 .commands(cell: 6, text: "pause"), .commands(cell: 7, text: "split train=0.6 dev=0.2 test=0.2")])
    }

    @Test func cellsOfAnotherLanguageAreSkippedWithAReason() throws {
        let script = try JupyterScript.read(Self.notebook([
            Self.code(#""%%python\nprint(1)""#),
            Self.code(#""!ls""#),
            Self.code("\"load iris\"", metadata: #"{"vscode": {"languageId": "python"}}"#),
            Self.code("\"load iris\"", metadata: #"{"vscode": {"languageId": "hyperlab"}}"#),
        ]))
        #expect(script.steps == [
            .skipped(cell: 1, reason: "it starts with %%python, IPython's syntax, not HyperLab's"),
            .skipped(cell: 2, reason: "it starts with !ls, IPython's syntax, not HyperLab's"),
            .skipped(cell: 3, reason: "python code, not HyperLab"),
            .commands(cell: 4, text: "load iris"),
        ])
    }

    @Test(arguments: [
        (#"{"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}}"#,
         "a notebook for the python3 kernel (python), not HyperLab: none of its 2 code cells were run"),
        (#"{"language_info": {"name": "R"}}"#, "a notebook for the R language, not HyperLab: none of its 2 code cells were run"),
    ])
    func anotherKernelsNotebookRunsNothing(metadata: String, note: String) throws {
        let script = try JupyterScript.read(Self.notebook([Self.code("\"load iris\""), Self.code("\"x = 1\"")], metadata: metadata))
        #expect(script.steps.isEmpty)
        #expect(script.foreignKernel == note)
    }

    @Test(arguments: [
        (Self.notebook([Self.code("\"load iris\""), "3"]), "cell 2 is not a JSON object"),
        (Self.notebook(["{\"source\": \"x\"}"]), "cell 1 has no cell_type"),
        (Self.notebook([Self.code("\"a\""), "{\"cell_type\": \"heading\", \"source\": \"x\"}"]), "cell 2 has the cell_type \"heading\""),
        (Self.notebook([Self.code("3")]), "cell 1: its source is neither text nor a list of lines"),
        (Self.notebook([Self.code("[\"load\", 3]")]), "cell 1: its source holds something other than text"),
        (Self.notebook(["{\"cell_type\": \"code\", \"metadata\": {}}"]), "cell 1 has no source"),
        (Self.notebook([Self.code("\"x\"", metadata: "[]")]), "cell 1: its metadata is not a JSON object"),
        (Self.notebook([Self.markdown("\"Hi\"", metadata: #"{"hyperlab": {"commands": "say \"Hi\""}}"#)]),
         "cell 1: its hyperlab metadata has no list of commands"),
        (Self.notebook([Self.code("\"x\""), Self.markdown("\"Hi\"", metadata: #"{"hyperlab": {"commands": ["load iris"]}}"#)]),
         "cell 2: a Markdown cell stands for say and pause commands only, not load iris"),
        (Self.notebook([], version: "3"), "an nbformat 3 notebook: HyperLab reads nbformat 4"),
        ("{\"cells\": []}", "not a Jupyter notebook: it has no nbformat version number"),
        ("{\"nbformat\": 4}", "not a Jupyter notebook: it has no list of cells"),
        ("[1, 2]", "not a Jupyter notebook: the file holds JSON, but not an object with cells"),
        (Self.notebook([], metadata: "3"), "the notebook's metadata is not a JSON object"),
    ])
    func aMalformedNotebookNamesTheCell(text: String, message: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.message == message)
        #expect(error.hint != nil)
    }

    @Test func invalidJSONIsPositionedAtItsLineAndColumn() throws {
        let error = try #require(Self.error("{\n \"cells\": [\n  {\"cell_type\": \"code\" \"source\": \"x\"}\n ]\n}\n"))
        #expect(error.message == "not valid JSON: expected ',' or '}' after the value of \"cell_type\"")
        #expect(error.span == SourceSpan(line: 3, column: 24, length: 1))
    }
}
