/// Input quoted in a message: at most `maximumLength` characters, control characters made visible.
///
/// Every error that repeats what a person typed or what a file holds quotes it through here, so a
/// 50 MB cell or a 10,000-character command line costs one short line, and a NUL byte, a line break
/// or a terminal escape inside the input cannot break or restyle the message.
///
/// ```swift
/// "setosa".excerpt                                    // "setosa"
/// String(repeating: "x", count: 500).excerpt.count    // 80: 79 characters and "…"
/// "a\nb\u{0}".excerpt                                  // "a\\nb\\0"
/// InputQuote.excerpt("abcdef", limit: 4)              // "abc…"
/// ```
public enum InputQuote {
    /// The most characters a quotation takes, the ellipsis included.
    public static let maximumLength = 80

    /// `text` as a message quotes it: control characters escaped (`\n`, `\r`, `\t`, `\0`, `\u{1B}`),
    /// then cut to `limit` characters, the last of them an ellipsis (`…`) when anything was cut.
    public static func excerpt(_ text: some StringProtocol, limit: Int = maximumLength) -> String {
        precondition(limit >= 2, "an excerpt keeps at least one character and the ellipsis")
        // Escape only what can be shown: at most limit + 1 characters, so a huge input costs nothing.
        var shown = [Character]()
        for character in text {
            shown.append(contentsOf: visible(character))
            if shown.count > limit { break }
        }
        guard shown.count > limit else { return String(shown) }
        return String(shown.prefix(limit - 1)) + "…"
    }

    /// A character as a message shows it: itself, or an escape for a control character.
    static func visible(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return String(character)
        }
        return character.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\0": "\\0"
            default:
                scalar.properties.generalCategory == .control
                    ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                    : String(scalar)
            }
        }.joined()
    }
}

extension StringProtocol {
    /// The text as a message quotes it: at most 80 characters, control characters escaped
    /// (`InputQuote.excerpt`).
    public var excerpt: String { InputQuote.excerpt(self) }
}
