/// Script text as editors on every system save it.
extension Shell {
    /// `text` with a leading UTF-8 byte-order mark removed and CRLF or lone CR line ends made
    /// LF, so a script saved on Windows (or by an editor that writes a BOM) runs as it reads.
    ///
    /// Swift treats "\r\n" as one character, so without this a CRLF script would be one long line.
    public static func normalizedScript(_ text: String) -> String {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        guard body.contains("\r\n") || body.contains("\r") else { return String(body) }
        return body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
