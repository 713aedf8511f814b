import Foundation

/// The answers that need no workbench state: completion, inspection and whether a cell is
/// complete, computed from a cell's text and cursor as Jupyter sends them.
enum KernelIntrospection {
    /// `complete_reply` content: the shell's Tab candidates for the word before the cursor.
    static func complete(code: String, cursor: Int, candidates: (String) -> [String]) -> JupyterJSON {
        let prefix = textBefore(cursor, in: code)
        let line = String(prefix.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
        let word = line.unicodeScalars.reversed().prefix { !Shell.wordBreakCharacters.unicodeScalars.contains($0) }
        let position = prefix.unicodeScalars.count
        return .object([
            "status": .string("ok"),
            "matches": .array(candidates(line).map { .string($0) }),
            "cursor_start": .integer(position - word.count),
            "cursor_end": .integer(position),
            "metadata": .object([:]),
        ])
    }

    /// `inspect_reply` content: `help COMMAND` for the command on the cursor's line.
    static func inspect(code: String, cursor: Int) -> JupyterJSON {
        let prefix = textBefore(cursor, in: code)
        let before = prefix.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let rest = String(String.UnicodeScalarView(code.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
        let after = rest.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        // The command the cursor is in: from the `;` before it to the `;` after it.
        let commandText = String(before.split(separator: ";", omittingEmptySubsequences: false).last ?? "")
            + String(after.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
        let words = commandText.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let text = words.first.flatMap({ helpText(name: $0, second: words.dropFirst().first) }) else {
            return .object(["status": .string("ok"), "found": .boolean(false), "data": .object([:]), "metadata": .object([:])])
        }
        return .object([
            "status": .string("ok"),
            "found": .boolean(true),
            "data": .object(["text/plain": .string(text)]),
            "metadata": .object([:]),
        ])
    }

    /// `is_complete_reply` content: a last line ending in `\` continues (incomplete).
    static func isComplete(code: String) -> JupyterJSON {
        let last = String(code.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
        if Shell.continues(last) {
            return .object(["status": .string("incomplete"), "indent": .string("")])
        }
        return .object(["status": .string("complete")])
    }

    /// The text of `help NAME [SECOND]`, or of `help NAME` when SECOND is not its subcommand;
    /// nil when NAME is no command.
    private static func helpText(name: String, second: String?) -> String? {
        let specs = CommandCatalog.specs(named: name)
        guard !specs.isEmpty else { return nil }
        let topic = second.map { word in specs.contains { $0.subcommand == word } ? "\(name) \(word)" : name } ?? name
        let capture = CapturedOutput()
        let shell = Shell(console: capture.console(), options: ShellOptions())
        guard shell.run("help " + topic) == .completed else { return nil }
        return capture.text
    }

    /// The text before `cursor`, counted in Unicode scalars (protocol 5.2 and later).
    private static func textBefore(_ cursor: Int, in code: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: code.unicodeScalars.prefix(max(0, cursor)))
        return String(scalars)
    }
}
