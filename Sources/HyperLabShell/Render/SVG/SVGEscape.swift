/// Escaping of text for SVG (XML 1.0) documents.
///
/// `&`, `<` and `>` become entity references (and `"` and `'` in attribute values); characters
/// XML 1.0 does not allow at all (control characters other than tab, line feed and carriage
/// return, e.g. the ESC of an ANSI colour code; unpaired surrogates cannot occur in a Swift
/// `String`; U+FFFE and U+FFFF) are dropped, so any title a user types gives a valid document.
enum SVGEscape {
    /// `value` escaped for character content.
    static func text(_ value: String) -> String {
        escaped(value, quotes: false)
    }

    /// `value` escaped for a double-quoted attribute value (line breaks kept as character
    /// references, so they survive attribute-value normalisation).
    static func attribute(_ value: String) -> String {
        escaped(value, quotes: true)
    }

    /// Whether XML 1.0 allows the scalar in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escaped(_ value: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
