import Foundation

/// The shape of a point marker in an SVG plot, matching the terminal's glyphs ("●" is a
/// filled circle, "○" an open one, "×" a cross, "★" the best point's star, …).
enum SVGMarker: Sendable, Equatable, CaseIterable {
    case circle, diamond, triangle, square, openCircle, openDiamond, cross, plus, star

    /// Shapes by series index, in the order of the terminal's series glyphs "●◆▲■○◇".
    static let bySeries: [SVGMarker] = [.circle, .diamond, .triangle, .square, .openCircle, .openDiamond]

    /// The shape of series `index`.
    static func series(_ index: Int) -> SVGMarker {
        bySeries[((index % bySeries.count) + bySeries.count) % bySeries.count]
    }

    /// The shape drawn for a terminal glyph, or the shape of series `index` for a glyph
    /// without one.
    static func forGlyph(_ glyph: String, index: Int) -> SVGMarker {
        switch glyph {
        case "●", "o": .circle
        case "◆": .diamond
        case "▲": .triangle
        case "■", "#": .square
        case "○", ".": .openCircle
        case "◇": .openDiamond
        case "×", "x": .cross
        case "+": .plus
        case "★", "@": .star
        default: series(index)
        }
    }

    /// The marker of a point category at position `index` (its Unicode glyph).
    static func forCategory(_ category: PointCategory, index: Int) -> SVGMarker {
        forGlyph(category.glyph(index, unicode: true), index: index)
    }

    /// The marker centred on (x, y), `size` user units across, in `color`.
    /// - Parameter className: the element's class (what it stands for: "point", "best", …).
    func element(x: Double, y: Double, size: Double, color: String, className: String) -> SVGElement {
        let r = size / 2
        switch self {
        case .circle:
            return SVGElement("circle", ["class": className, "cx": x.svgText, "cy": y.svgText, "r": r.svgText,
                                         "fill": color, "stroke": "#ffffff", "stroke-width": "0.8"])
        case .openCircle:
            return SVGElement("circle", ["class": className, "cx": x.svgText, "cy": y.svgText, "r": (r * 0.85).svgText,
                                         "fill": "#ffffff", "fill-opacity": "0.6", "stroke": color, "stroke-width": "1.8"])
        case .cross, .plus:
            return SVGElement("path", ["class": className, "d": path(x: x, y: y, r: r), "fill": "none",
                                       "stroke": color, "stroke-width": "2.2", "stroke-linecap": "round"])
        case .openDiamond:
            return SVGElement("path", ["class": className, "d": path(x: x, y: y, r: r), "fill": "#ffffff",
                                       "fill-opacity": "0.6", "stroke": color, "stroke-width": "1.8",
                                       "stroke-linejoin": "round"])
        case .star:
            return SVGElement("path", ["class": className, "d": path(x: x, y: y, r: r), "fill": SVGPalette.best,
                                       "stroke": SVGPalette.black, "stroke-width": "1.2", "stroke-linejoin": "round"])
        case .diamond, .triangle, .square:
            return SVGElement("path", ["class": className, "d": path(x: x, y: y, r: r), "fill": color,
                                       "stroke": "#ffffff", "stroke-width": "0.8", "stroke-linejoin": "round"])
        }
    }

    /// The outline of the shape (not used for circles) as path data.
    private func path(x: Double, y: Double, r: Double) -> String {
        func p(_ dx: Double, _ dy: Double) -> String { (x + dx).svgText + " " + (y + dy).svgText }
        switch self {
        case .circle, .openCircle:
            return "M" + p(-r, 0) + "A" + r.svgText + " " + r.svgText + " 0 1 0 " + p(r, 0)
                + "A" + r.svgText + " " + r.svgText + " 0 1 0 " + p(-r, 0) + "Z"
        case .diamond, .openDiamond:
            let d = r * 1.2
            return "M" + p(0, -d) + "L" + p(d, 0) + "L" + p(0, d) + "L" + p(-d, 0) + "Z"
        case .triangle:
            let d = r * 1.2
            return "M" + p(0, -d) + "L" + p(d * 0.95, d * 0.7) + "L" + p(-d * 0.95, d * 0.7) + "Z"
        case .square:
            let d = r * 0.88
            return "M" + p(-d, -d) + "L" + p(d, -d) + "L" + p(d, d) + "L" + p(-d, d) + "Z"
        case .cross:
            let d = r * 0.8
            return "M" + p(-d, -d) + "L" + p(d, d) + "M" + p(-d, d) + "L" + p(d, -d)
        case .plus:
            return "M" + p(-r, 0) + "L" + p(r, 0) + "M" + p(0, -r) + "L" + p(0, r)
        case .star:
            var d = ""
            for k in 0..<10 {
                let radius = k % 2 == 0 ? r * 1.5 : r * 0.62
                let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
                d += (k == 0 ? "M" : "L") + p(radius * cos(angle), radius * sin(angle))
            }
            return d + "Z"
        }
    }
}
