extension CommandTemplate {
    /// Where the scanner stands in the shell's quoting, to refuse placeholders inside quotes.
    private enum Quoting { case none, single, double }

    /// Splits `text` into literals and placeholders, following POSIX quoting (`'…'`, `"…"`,
    /// backslash) only to know whether a placeholder stands inside quotes.
    static func parse(_ text: String) throws(CommandTemplateError) -> [Segment] {
        let characters = Array(text)
        guard characters.contains(where: { !$0.isWhitespace }) else {
            throw CommandTemplateError(.emptyTemplate, "the command is empty",
                                       hint: "write the command to run, as in \"python train.py --lr {lr}\"", offset: 0)
        }
        var segments: [Segment] = []
        var literal = ""
        var quoting = Quoting.none
        var escaped = false
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if c == "{" && next == "{" || c == "}" && next == "}" {
                literal.append(c)
                escaped = false
                i += 2
                continue
            }
            if c == "}" {
                throw CommandTemplateError(.unopenedBrace, "the } at character \(i + 1) closes no placeholder",
                                           hint: "write }} for a literal }", offset: i)
            }
            if c == "{" {
                guard let close = characters[(i + 1)...].firstIndex(where: { $0 == "{" || $0 == "}" }),
                      characters[close] == "}" else {
                    throw CommandTemplateError(.unclosedBrace, "the { at character \(i + 1) is not closed",
                                               hint: "write {name} for a placeholder, or {{ for a literal {", offset: i)
                }
                let name = String(characters[(i + 1)..<close])
                let length = close - i + 1
                if name.isEmpty {
                    throw CommandTemplateError(.emptyPlaceholder, "{} names no parameter",
                                               hint: "write the parameter's name, as in {lr}, or {{}} for literal braces",
                                               offset: i, length: length)
                }
                guard isPlaceholderName(name) else {
                    throw CommandTemplateError(.invalidName, "{\(name)} is not a placeholder name",
                                               hint: "a name is letters, digits, _ and -; write {{ and }} for literal braces",
                                               offset: i, length: length, placeholder: name)
                }
                if quoting != .none || escaped {
                    let place = escaped ? "after a backslash" : "inside quotes"
                    throw CommandTemplateError(.quotedPlaceholder, "{\(name)} stands \(place)",
                                               hint: "HyperLab quotes every value itself: write {\(name)} bare",
                                               offset: i, length: length, placeholder: name)
                }
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.placeholder(name: name, offset: i))
                i = close + 1
                continue
            }
            literal.append(c)
            if escaped {
                escaped = false
            } else {
                switch (quoting, c) {
                case (.none, "\\"), (.double, "\\"): escaped = true
                case (.none, "'"): quoting = .single
                case (.none, "\""): quoting = .double
                case (.single, "'"), (.double, "\""): quoting = .none
                default: break
                }
            }
            i += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    /// Whether `name` is a letter or `_` followed by letters, digits, `_` or `-` (ASCII).
    static func isPlaceholderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }
}
