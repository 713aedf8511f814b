import HyperLabKit

/// Renders an `InputError` as the shell prints it: where, what, the line with a caret, a hint.
///
/// ```
/// error: unknown command 'lod' (line 1, column 1)
///   lod iris
///   ^~~
/// hint: did you mean load?
/// ```
/// In a script the location comes first, as compilers print it: `tour.hlab:3:5: error: …`.
/// A line longer than `InputQuote.maximumLength` characters is shown around the caret only.
public enum ErrorReport {
    /// The report text (ending in a newline).
    /// - Parameters:
    ///   - error: the error.
    ///   - source: the script's name, or nil for typed input.
    ///   - lineText: the text of the line the error is on, if known.
    public static func render(_ error: InputError, source: String?, lineText: String?) -> String {
        var out = ""
        if let span = error.span {
            if let source {
                out += "\(source):\(span.line):\(span.column): error: \(error.message)\n"
            } else {
                out += "error: \(error.message) (line \(span.line), column \(span.column))\n"
            }
            if let lineText {
                let (shown, start, width) = window(lineText.replacingOccurrences(of: "\t", with: " "), column: span.column)
                let length = max(1, min(span.length, max(width - start, 1)))
                out += "  " + shown + "\n"
                out += "  " + String(repeating: " ", count: start) + "^" + String(repeating: "~", count: length - 1) + "\n"
            }
        } else {
            out += source.map { "\($0): error: \(error.message)\n" } ?? "error: \(error.message)\n"
        }
        if let hint = error.hint { out += "hint: \(hint)\n" }
        return out
    }

    /// The part of `line` shown above the caret: the whole line when it is at most
    /// `InputQuote.maximumLength` characters; otherwise that many around the caret, starting a
    /// little before it, with `…` where the line goes on. Returns the text, the caret's 0-based
    /// offset in it, and the number of characters up to the end of what the line shows.
    static func window(_ line: String, column: Int) -> (text: String, caret: Int, width: Int) {
        let characters = Array(line)
        let limit = InputQuote.maximumLength
        let caret = min(max(column - 1, 0), characters.count)
        guard characters.count > limit else { return (line, caret, characters.count) }
        let lead = 10   // characters kept before the caret
        let first = max(0, min(caret - lead, characters.count - (limit - 1)))
        let opening = first > 0 ? "…" : ""
        var room = limit - opening.count
        if first + room < characters.count { room -= 1 }
        let last = min(characters.count, first + room)
        let closing = last < characters.count ? "…" : ""
        return (opening + String(characters[first..<last]) + closing, caret - first + opening.count, last - first + opening.count)
    }
}
