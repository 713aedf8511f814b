/// Colours and marks that tell series (or categories) apart, by index.
///
/// Colour is only one of the cues: every series also has its own glyph, so plots stay
/// readable without colour and for readers who do not see colour well.
enum SeriesPalette {
    /// Foreground colours, in order: blue, yellow, green, magenta, cyan, red.
    static let colors: [UInt8] = [4, 3, 2, 5, 6, 1]
    /// Point glyphs in Unicode mode.
    static let unicodeGlyphs = ["●", "◆", "▲", "■", "○", "◇"]
    /// Line and point glyphs in ASCII mode.
    static let asciiGlyphs = ["*", "o", "+", "x", "#", "@"]

    /// The ink of series `index` (or of `style` when given).
    static func ink(_ index: Int, style: Style? = nil) -> Ink {
        if let style { return Ink(style) }
        return Ink(foreground: colors[index % colors.count])
    }

    /// The glyph of series `index` in the given mode.
    static func glyph(_ index: Int, unicode: Bool) -> String {
        let set = unicode ? unicodeGlyphs : asciiGlyphs
        return set[index % set.count]
    }
}
