/// A kind of point in a scatter or history plot (a trial state: complete, pruned, failed),
/// with its marker in Unicode and ASCII mode and its colour.
public struct PointCategory: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// The marker in Unicode mode, or nil for the category's default by position.
    public var unicodeGlyph: String?
    /// The marker in ASCII mode, or nil for the default by position.
    public var asciiGlyph: String?
    /// The colour, or nil for the default by position.
    public var style: Style?

    /// A category with optional marker and colour (defaults by position otherwise).
    public init(_ name: String, unicodeGlyph: String? = nil, asciiGlyph: String? = nil, style: Style? = nil) {
        self.name = name
        self.unicodeGlyph = unicodeGlyph
        self.asciiGlyph = asciiGlyph
        self.style = style
    }

    /// Trials that ran to the end: "●" / "o", green.
    public static let complete = PointCategory("complete", unicodeGlyph: "●", asciiGlyph: "o", style: .green)
    /// Trials stopped early by the pruner: "○" / ".", yellow.
    public static let pruned = PointCategory("pruned", unicodeGlyph: "○", asciiGlyph: ".", style: .yellow)
    /// Trials that failed: "×" / "x", red.
    public static let failed = PointCategory("failed", unicodeGlyph: "×", asciiGlyph: "x", style: .red)

    /// The marker of this category, at position `index`, in the given mode.
    func glyph(_ index: Int, unicode: Bool) -> String {
        (unicode ? unicodeGlyph : asciiGlyph) ?? SeriesPalette.glyph(index, unicode: unicode)
    }

    /// The ink of this category at position `index`.
    func ink(_ index: Int) -> Ink { SeriesPalette.ink(index, style: style) }
}

/// The glyph and ink that mark the best point.
enum BestMark {
    /// "★" (Unicode) or "@" (ASCII: "*" is taken by lines and markers).
    static func glyph(unicode: Bool) -> String { unicode ? "★" : "@" }
    /// Bold yellow.
    static let ink = Ink(foreground: 3, bold: true)
}
