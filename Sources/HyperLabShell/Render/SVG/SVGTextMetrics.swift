/// Estimated widths of text, for laying out labels without a font engine.
///
/// The estimate is per character, in em, close to (and, for the digits and letters labels
/// use, slightly above) the advance widths of DejaVu Sans, the widest of the fonts in
/// `SVGStyle.fontFamily`, so text laid out with it does not overlap in any of them.
enum SVGTextMetrics {
    /// How much wider bold text is.
    static let boldFactor = 1.12

    /// The estimated width of `text` at `size` user units (in bold when `bold`).
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            ems += advance(character)
        }
        return ems * size * (bold ? boldFactor : 1)
    }

    /// `text` cut (with "…") to fit `maxWidth` at `size` (in bold when `bold`).
    static func truncated(_ text: String, toWidth maxWidth: Double, size: Double, bold: Bool = false) -> String {
        guard width(text, size: size, bold: bold) > maxWidth else { return text }
        var kept = ""
        let budget = maxWidth - width("…", size: size, bold: bold)
        for character in text {
            guard width(kept + String(character), size: size, bold: bold) <= budget else { break }
            kept.append(character)
        }
        return kept + "…"
    }

    /// `text` broken at spaces into lines that fit `maxWidth`, at most `maxLines` of them
    /// (the last one cut with "…" when the text does not fit).
    static func wrapped(_ text: String, toWidth maxWidth: Double, size: Double, bold: Bool = false,
                        maxLines: Int = 2) -> [String] {
        var lines: [String] = []
        var current = ""
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (index, word) in words.enumerated() {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                continue
            }
            if lines.count == max(1, maxLines) - 1 {
                current = words[index...].reduce(current) { $0 + " " + $1 }
                break
            }
            lines.append(current)
            current = word
        }
        lines.append(current)
        return lines.map { truncated($0, toWidth: maxWidth, size: size, bold: bold) }
    }

    /// The largest size up to `size`, and at least `minimum`, at which every one of `texts`
    /// fits `maxWidth`.
    static func fittingSize(_ texts: [String], maxWidth: Double, size: Double, minimum: Double = 9) -> Double {
        let widest = texts.map { width($0, size: 1) }.max() ?? 0
        guard widest > 0 else { return size }
        return max(minimum, min(size, maxWidth / widest))
    }

    private static func advance(_ character: Character) -> Double {
        switch character {
        case " ", ".", ",", ":", ";", "'", "|", "!", "i", "j", "l", "I": return 0.32
        case "f", "t", "r", "(", ")", "[", "]", "-": return 0.42
        case "0"..."9", "a"..."z", "_", "=", "+", "<", ">", "~", "?", "$", "#": return 0.64
        case "m", "w": return 0.98
        case "M", "W", "@", "%": return 1.0
        case "A"..."Z", "&": return 0.74
        default: return 0.8
        }
    }
}
