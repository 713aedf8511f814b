/// Estimated widths of text, for laying out labels without a font engine.
///
/// The estimate is per character, in em, close to (and, for the digits and letters labels
/// use, slightly above) the advance widths of DejaVu Sans, the widest of the fonts in
/// `SVGStyle.fontFamily`, so text laid out with it does not overlap in any of them.
enum SVGTextMetrics {
    /// The estimated width of `text` at `size` user units.
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            ems += advance(character)
        }
        return ems * size
    }

    /// `text` cut (with "…") to fit `maxWidth` at `size`.
    static func truncated(_ text: String, toWidth maxWidth: Double, size: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        var kept = ""
        let budget = maxWidth - width("…", size: size)
        for character in text {
            guard width(kept + String(character), size: size) <= budget else { break }
            kept.append(character)
        }
        return kept + "…"
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
