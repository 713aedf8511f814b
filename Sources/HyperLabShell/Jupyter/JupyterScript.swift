import Foundation

/// The HyperLab commands of a Jupyter notebook, cell by cell: what `hyperlab run FILE.ipynb`
/// and `replay "FILE.ipynb"` run.
///
/// ```swift
/// let script = try JupyterScript.read(text)
/// for step in script.steps { … }     // .commands(cell: 2, text: "load iris") …
/// ```
/// - A code cell's source is its commands.
/// - A Markdown cell runs the `say` and `pause` commands it stands for (`metadata.hyperlab.commands`,
///   as `save notebook` writes them); other Markdown cells and raw cells are text, not commands.
/// - A code cell of another language (an IPython magic such as `%%python`, a `!` shell line, or
///   VS Code's `languageId`) is skipped with a note; so is a whole notebook whose metadata names
///   another kernel.
/// - A malformed notebook is an `InputError`: invalid JSON at its line and column, a bad cell with
///   the cell's number (counted from 1, as the cells appear).
public struct JupyterScript: Sendable, Equatable {
    /// One cell's part in the replay.
    public enum Step: Sendable, Equatable {
        /// Commands to run, from cell number `cell`.
        case commands(cell: Int, text: String)
        /// A cell that is not run, and why.
        case skipped(cell: Int, reason: String)
    }

    /// The cells' steps in order.
    public var steps: [Step]
    /// The notebook's title (`metadata.title`), if it has one.
    public var title: String?
    /// Why nothing runs at all: the notebook is another kernel's.
    public var foreignKernel: String?

    /// Reads a notebook's text.
    /// - Throws: `InputError` positioned at the JSON error, or naming the cell that is malformed.
    public static func read(_ text: String) throws(InputError) -> JupyterScript {
        let document: JupyterJSON
        do {
            document = try JupyterJSON.parse(text)
        } catch {
            throw InputError("not valid JSON: \(error.message)", at: SourceSpan(line: error.line, column: error.column, length: 1),
                             hint: "a Jupyter notebook is JSON text; save it again from Jupyter, or fix the file there")
        }
        guard case .object(let top) = document else {
            throw InputError("not a Jupyter notebook: the file holds JSON, but not an object with cells", at: nil,
                             hint: "a notebook is {\"cells\": [...], \"metadata\": {...}, \"nbformat\": 4, ...}")
        }
        guard case .integer(let version)? = top["nbformat"] else {
            throw InputError("not a Jupyter notebook: it has no nbformat version number", at: nil,
                             hint: "a notebook names its format version: \"nbformat\": 4")
        }
        guard version == 4 else {
            throw InputError("an nbformat \(version) notebook: HyperLab reads nbformat 4", at: nil,
                             hint: "convert it: jupyter nbconvert --to notebook --nbformat 4 FILE.ipynb")
        }
        guard case .array(let cells)? = top["cells"] else {
            throw InputError("not a Jupyter notebook: it has no list of cells", at: nil, hint: "a notebook holds \"cells\": [...]")
        }
        let metadata = try object(top["metadata"], what: "the notebook's metadata")
        var title: String?
        if case .string(let text)? = metadata["title"] { title = text }
        var parsed: [Cell] = []
        for (index, value) in cells.enumerated() {
            parsed.append(try Cell(value, number: index + 1))
        }
        if let kernel = foreignKernel(metadata) {
            let count = parsed.count { $0.kind == "code" }
            return JupyterScript(steps: [], title: title,
                                 foreignKernel: "a notebook for \(kernel), not HyperLab: "
                                     + (count == 1 ? "its one code cell was not run" : "none of its \(count) code cells were run"))
        }
        var steps: [Step] = []
        for cell in parsed {
            if let step = try cell.step() { steps.append(step) }
        }
        return JupyterScript(steps: steps, title: title, foreignKernel: nil)
    }

    /// The kernel a notebook's metadata names when it is not HyperLab's, in words.
    private static func foreignKernel(_ metadata: [String: JupyterJSON]) -> String? {
        var kernel: String?
        var language: String?
        if case .object(let spec)? = metadata["kernelspec"], case .string(let name)? = spec["name"] { kernel = name }
        if case .object(let info)? = metadata["language_info"], case .string(let name)? = info["name"] { language = name }
        if (kernel ?? JupyterLanguage.kernelName) == JupyterLanguage.kernelName,
           (language ?? JupyterLanguage.language) == JupyterLanguage.language { return nil }
        switch (kernel, language) {
        case let (kernel?, language?): return "the \(kernel) kernel (\(language))"
        case let (kernel?, nil): return "the \(kernel) kernel"
        case let (nil, language?): return "the \(language) language"
        case (nil, nil): return nil
        }
    }

    /// `value` as an object (an absent value is an empty one).
    fileprivate static func object(_ value: JupyterJSON?, what: String) throws(InputError) -> [String: JupyterJSON] {
        switch value {
        case nil: return [:]
        case .object(let members)?: return members
        default: throw InputError("\(what) is not a JSON object", at: nil, hint: "metadata is {\"key\": value, ...}")
        }
    }
}

/// One cell as the replay needs it: its kind, its text and its metadata.
private struct Cell {
    let kind: String
    let source: String
    let metadata: [String: JupyterJSON]
    let number: Int

    init(_ value: JupyterJSON, number: Int) throws(InputError) {
        self.number = number
        guard case .object(let members) = value else {
            throw InputError("cell \(number) is not a JSON object", at: nil, hint: "a cell is {\"cell_type\": ..., \"source\": ..., ...}")
        }
        guard case .string(let kind)? = members["cell_type"] else {
            throw InputError("cell \(number) has no cell_type", at: nil, hint: "a cell's cell_type is \"code\", \"markdown\" or \"raw\"")
        }
        guard ["code", "markdown", "raw"].contains(kind) else {
            throw InputError("cell \(number) has the cell_type \"\(kind)\"", at: nil, hint: "a cell's cell_type is \"code\", \"markdown\" or \"raw\"")
        }
        self.kind = kind
        switch members["source"] {
        case .string(let text)?:
            source = text
        case .array(let lines)?:
            var text = ""
            for line in lines {
                guard case .string(let part) = line else {
                    throw InputError("cell \(number): its source holds something other than text", at: nil,
                                     hint: "a cell's source is text, or a list of lines of text")
                }
                text += part
            }
            source = text
        case nil:
            throw InputError("cell \(number) has no source", at: nil, hint: "a cell's source is text, or a list of lines of text")
        default:
            throw InputError("cell \(number): its source is neither text nor a list of lines", at: nil,
                             hint: "a cell's source is text, or a list of lines of text")
        }
        metadata = try JupyterScript.object(members["metadata"], what: "cell \(number): its metadata")
    }

    /// What replaying the cell does: nothing (text, empty code), its commands, or a skip.
    func step() throws(InputError) -> JupyterScript.Step? {
        switch kind {
        case "code":
            if case .object(let vscode)? = metadata["vscode"], case .string(let language)? = vscode["languageId"],
               language != JupyterLanguage.language {
                return .skipped(cell: number, reason: "\(language) code, not HyperLab")
            }
            let first = source.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if first.hasPrefix("%") || first.hasPrefix("!") {
                let word = first.split(separator: " ").first.map(String.init) ?? first
                return .skipped(cell: number, reason: "it starts with \(word), IPython's syntax, not HyperLab's")
            }
            return first.isEmpty ? nil : .commands(cell: number, text: source)
        case "markdown":
            return try narration().map { .commands(cell: number, text: $0.joined(separator: "\n")) }
        default:
            return nil
        }
    }

    /// The `say` and `pause` commands a Markdown cell stands for, if it is one `save notebook` wrote.
    private func narration() throws(InputError) -> [String]? {
        guard let hyperlab = metadata["hyperlab"] else { return nil }
        let hint = "save notebook writes \"hyperlab\": {\"commands\": [\"say \\\"...\\\"\"]} on narration cells; remove the entry, or save the notebook again"
        guard case .object(let members) = hyperlab, case .array(let list)? = members["commands"] else {
            throw InputError("cell \(number): its hyperlab metadata has no list of commands", at: nil, hint: hint)
        }
        var commands: [String] = []
        for item in list {
            guard case .string(let command) = item else {
                throw InputError("cell \(number): its hyperlab commands hold something other than text", at: nil, hint: hint)
            }
            // A Markdown cell shows its text: it may stand for narration, never for hidden work.
            guard command == "pause" || command.hasPrefix("say ") else {
                throw InputError("cell \(number): a Markdown cell stands for say and pause commands only, not \(command)", at: nil,
                                 hint: "put commands in code cells, where the notebook shows them")
            }
            commands.append(command)
        }
        return commands
    }
}
