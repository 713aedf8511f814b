/// Colours of SVG plots: the Okabe–Ito palette, which stays distinguishable for readers with
/// the common forms of colour blindness (Okabe & Ito, "Color Universal Design", 2002;
/// Wong, "Points of view: Color blindness", Nature Methods 8, 2011).
///
/// Series and categories take the palette's colours in the order the terminal takes its
/// basic colours (blue, yellow → orange, green, magenta → reddish purple, cyan → sky blue,
/// red → vermillion), so the SVG of a plot colours its series as the terminal does. Colour
/// is never the only cue: every series and category also has its own marker shape.
enum SVGPalette {
    /// Okabe–Ito black.
    static let black = "#000000"
    /// Okabe–Ito orange.
    static let orange = "#E69F00"
    /// Okabe–Ito sky blue.
    static let skyBlue = "#56B4E9"
    /// Okabe–Ito bluish green.
    static let bluishGreen = "#009E73"
    /// Okabe–Ito yellow.
    static let yellow = "#F0E442"
    /// Okabe–Ito blue.
    static let blue = "#0072B2"
    /// Okabe–Ito vermillion.
    static let vermillion = "#D55E00"
    /// Okabe–Ito reddish purple.
    static let reddishPurple = "#CC79A7"
    /// Dim text and marks.
    static let grey = "#777777"

    /// Series colours by index: the terminal's order, then black (yellow is too light for
    /// lines and markers on white).
    static let series = [blue, orange, bluishGreen, reddishPurple, skyBlue, vermillion, black]

    /// The colour of series `index`, or of `style` when given.
    static func color(_ index: Int, style: Style? = nil) -> String {
        if let style { return color(of: style) }
        return series[((index % series.count) + series.count) % series.count]
    }

    /// The palette colour standing for a terminal style.
    static func color(of style: Style) -> String {
        switch style {
        case .blue: blue
        case .yellow: orange
        case .green: bluishGreen
        case .magenta: reddishPurple
        case .cyan: skyBlue
        case .red: vermillion
        case .bold: black
        case .dim: grey
        }
    }

    /// The fill of the best point's star (with a black outline, so it shows on any colour).
    static let best = yellow

    /// Sequential shades for a heat map, worst (light) to best (dark), `levels` of them: a
    /// single-hue blue ramp (ColorBrewer "Blues"), readable by colour-blind readers and in
    /// grey-scale print.
    static func heat(levels: Int) -> [String] {
        let ramp = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
        guard levels > 1 else { return [ramp[4]] }
        return (0..<levels).map { ramp[Int((Double($0) / Double(levels - 1) * Double(ramp.count - 1)).rounded())] }
    }

    /// Whether text on `fill` (one of `heat`) should be white.
    static func needsLightText(on fill: String) -> Bool {
        ["#4292c6", "#2171b5", "#08519c", "#08306b"].contains(fill)
    }

    /// The light tint of class `index`'s colour, for decision regions: the colour mixed with
    /// `weight` parts of white.
    static func tint(_ index: Int, weight: Double = 0.78) -> String {
        mix(color(index), withWhite: weight)
    }

    /// `hex` ("#RRGGBB") mixed with white: 0 keeps the colour, 1 gives white.
    static func mix(_ hex: String, withWhite weight: Double) -> String {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return hex }
        var out = "#"
        for i in stride(from: 0, to: 6, by: 2) {
            let value = Int(String(digits[i...i + 1]), radix: 16) ?? 0
            let mixed = Int((Double(value) + (255 - Double(value)) * min(1, max(0, weight))).rounded())
            let text = String(mixed, radix: 16, uppercase: true)
            out += text.count < 2 ? "0" + text : text
        }
        return out
    }
}
