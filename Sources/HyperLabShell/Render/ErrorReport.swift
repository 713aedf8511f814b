/// Renders an `InputError` as the shell prints it: where, what, the line with a caret, a hint.
///
/// ```
/// error: unknown command 'lod' (line 1, column 1)
///   lod iris
///   ^~~
/// hint: did you mean load?
/// ```
/// In a script the location comes first, as compilers print it: `tour.hlab:3:5: error: …`.
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
                let shown = lineText.replacingOccurrences(of: "\t", with: " ")
                let width = shown.count
                let start = min(span.column - 1, width)
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
}
