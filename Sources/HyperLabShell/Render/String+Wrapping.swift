extension String {
    /// This plain text broken into lines of at most `width` columns, at spaces; a word wider than
    /// `width` is split where it must be, so nothing is cut away.
    ///
    /// ```swift
    /// "the dev metric to optimize".wrapped(toWidth: 12)   // ["the dev", "metric to", "optimize"]
    /// ```
    /// - Returns: at least one line (an empty text gives `[""]`).
    public func wrapped(toWidth width: Int) -> [String] {
        let width = Swift.max(width, 1)
        var lines: [String] = []
        var line = ""
        for word in split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            if !line.isEmpty, line.displayWidth + 1 + word.displayWidth > width {
                lines.append(line)
                line = ""
            }
            while word.displayWidth > width - (line.isEmpty ? 0 : line.displayWidth + 1) {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                var head = ""
                var used = 0
                for character in word {
                    let w = character.terminalWidth
                    if used + w > width, !head.isEmpty { break }
                    head.append(character)
                    used += w
                }
                lines.append(head)
                word.removeFirst(head.count)
            }
            guard !word.isEmpty else { continue }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
