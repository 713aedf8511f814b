import Foundation

/// Failed commands in the notebook: a Jupyter notebook shows each as a code cell with what it
/// printed and its error, as Jupyter keeps a cell that raised.
extension Shell {
    /// Commands that never become notebook entries: the notebook's own saving, and help.
    static let leftOutOfNotebooks: Set<String> = ["save notebook", "help", "history"]

    /// Records the failure of `syntax` (its output so far was kept by `execute`). A `replay`
    /// is left out: the command of its script that failed has its own entry.
    /// - Parameters:
    ///   - lines: the logical line the command is on, for its text when it did not bind.
    ///   - firstLine: the number of the first of `lines`.
    ///   - lineText: the text of the line the error points at.
    func recordFailure(of syntax: SyntaxCommand, in lines: [String], firstLine: Int, error: InputError,
                       source: String?, lineText: String?) {
        let output = failedOutput ?? Notebook.Output()
        failedOutput = nil
        let bound = try? Binder.bind(syntax)
        if let title = bound?.spec.title, title == "replay" || Shell.leftOutOfNotebooks.contains(title) { return }
        let text = bound?.canonicalText ?? Shell.text(of: syntax.span, in: lines, firstLine: firstLine) ?? lines.joined(separator: "\n")
        recordFailure(text: text, output: output, error: error, source: source, lineText: lineText)
    }

    /// Records a failed command `text` with what it printed before `error`. The report names a
    /// script by its file name only, so a notebook holds no absolute path.
    func recordFailure(text: String, output: Notebook.Output = Notebook.Output(), error: InputError,
                       source: String?, lineText: String?) {
        let shown = source.map { $0.hasPrefix("/") ? ($0 as NSString).lastPathComponent : $0 }
        let report = ErrorReport.render(error, source: shown, lineText: lineText)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let failure = Notebook.Failure(message: error.message, report: lines.last == "" ? Array(lines.dropLast()) : lines)
        notebook.append(.failure(text: text, output: output, error: failure))
    }

    /// The text a span covers when it lies within one of `lines`; nil otherwise.
    static func text(of span: SourceSpan, in lines: [String], firstLine: Int) -> String? {
        let index = span.line - firstLine
        guard lines.indices.contains(index) else { return nil }
        let characters = Array(lines[index])
        let start = span.column - 1
        guard start >= 0, start + span.length <= characters.count else { return nil }
        return String(characters[start..<(start + span.length)])
    }
}
