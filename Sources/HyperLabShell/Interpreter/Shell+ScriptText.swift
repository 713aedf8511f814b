/// Script text as editors on every system save it.
extension Shell {
    /// `text` with a leading UTF-8 byte-order mark removed and CRLF or lone CR line ends made
    /// LF, so a script saved on Windows (or by an editor that writes a BOM) runs as it reads.
    ///
    /// Swift treats "\r\n" as one character, so without this a CRLF script would be one long line.
    static func normalizedScript(_ text: String) -> String {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        guard body.contains("\r\n") || body.contains("\r") else { return String(body) }
        return body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The logical lines of a script: each line with its `\` continuation lines (a last line
    /// that ends in `\` stands alone), and the index of its first line in the normalized text.
    public static func logicalLines(_ text: String) -> [(offset: Int, lines: [String])] {
        let lines = normalizedScript(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [(offset: Int, lines: [String])] = []
        var chunk: [String] = []
        var chunkStart = 0
        for (index, line) in lines.enumerated() {
            if chunk.isEmpty { chunkStart = index }
            chunk.append(line)
            if continues(line), index < lines.count - 1 { continue }
            out.append((chunkStart, chunk))
            chunk = []
        }
        return out
    }
}
