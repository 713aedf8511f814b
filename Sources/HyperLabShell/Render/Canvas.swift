/// A grid of character cells to draw a plot on, with sub-cell dots.
///
/// In Unicode mode each cell holds a braille character of 2 × 4 dots, so a cell grid of
/// `columns × rows` has `2·columns × 4·rows` dots; in ASCII mode each cell is one dot, drawn
/// with the glyph of whatever set it. On top of the dots a cell may hold a glyph (a marker
/// such as "●" or "o"), and under them a fill (a region's shade); a glyph hides the dots and
/// the fill of its cell. Dot coordinates run from the bottom-left corner; cell rows from the top.
struct Canvas: Sendable {
    /// Width in cells.
    let columns: Int
    /// Height in cells.
    let rows: Int
    /// Braille dots (Unicode mode) or one dot per cell (ASCII mode).
    let braille: Bool

    private var bits: [UInt8]
    private var dotInks: [Ink]
    private var glyphs: [String?]
    private var glyphInks: [Ink]
    private var fills: [String?]
    private var fillInks: [Ink]

    /// An empty canvas.
    init(columns: Int, rows: Int, braille: Bool) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.braille = braille
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        dotInks = Array(repeating: .none, count: count)
        glyphs = Array(repeating: nil, count: count)
        glyphInks = Array(repeating: .none, count: count)
        fills = Array(repeating: nil, count: count)
        fillInks = Array(repeating: .none, count: count)
    }

    /// Dots across.
    var dotColumns: Int { columns * (braille ? 2 : 1) }
    /// Dots down.
    var dotRows: Int { rows * (braille ? 4 : 1) }

    /// Bits of the braille dots, indexed by [dot row from the top][dot column] within a cell
    /// (Unicode braille patterns, U+2800 + bits).
    static let brailleBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// The cell (column, row from the top) that holds dot (x, y), y from the bottom.
    func cell(ofDot x: Int, _ y: Int) -> (column: Int, row: Int) {
        braille ? (x / 2, rows - 1 - y / 4) : (x, rows - 1 - y)
    }

    /// Sets dot (x, y) (y from the bottom); in ASCII mode the cell shows `asciiGlyph`.
    /// Dots outside the canvas are ignored.
    mutating func setDot(_ x: Int, _ y: Int, ink: Ink, asciiGlyph: String) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let (column, row) = cell(ofDot: x, y)
        let index = row * columns + column
        if braille {
            bits[index] |= Canvas.brailleBits[3 - y % 4][x % 2]
        } else {
            glyphs[index] = asciiGlyph
            glyphInks[index] = ink
            return
        }
        dotInks[index] = ink
    }

    /// Draws a straight line of dots from (x0, y0) to (x1, y1) (Bresenham's algorithm).
    /// - Parameter asciiGlyph: the glyph of the line in ASCII mode, given the direction of the
    ///   segment (dx, dy in dots).
    mutating func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), ink: Ink,
                           asciiGlyph: (Int, Int) -> String) {
        let glyph = asciiGlyph(end.x - start.x, end.y - start.y)
        var x = start.x
        var y = start.y
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let sx = start.x < end.x ? 1 : -1
        let sy = start.y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            setDot(x, y, ink: ink, asciiGlyph: glyph)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += sx
            }
            if doubled <= dx {
                error += dx
                y += sy
            }
        }
    }

    /// Puts a glyph (one column wide) in a cell, hiding its dots; cells outside are ignored.
    mutating func put(_ glyph: String, column: Int, row: Int, ink: Ink) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        glyphs[row * columns + column] = glyph
        glyphInks[row * columns + column] = ink
    }

    /// The glyph in a cell, if one was put there.
    func glyph(column: Int, row: Int) -> String? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        return glyphs[row * columns + column]
    }

    /// Fills a cell's background with a shade or letter (shown where no dot or glyph is).
    mutating func fill(_ text: String, column: Int, row: Int, ink: Ink) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        fills[row * columns + column] = text
        fillInks[row * columns + column] = ink
    }

    /// One row of cells as an inked line.
    func line(row: Int) -> InkedLine {
        var line = InkedLine()
        for column in 0..<columns {
            let index = row * columns + column
            let fillInk = fillInks[index]
            if let glyph = glyphs[index] {
                var ink = glyphInks[index]
                if ink.background == nil { ink.background = fillInk.background }
                line.append(glyph, ink)
            } else if bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) {
                var ink = dotInks[index]
                if ink.background == nil { ink.background = fillInk.background }
                line.append(String(Character(scalar)), ink)
            } else {
                line.append(fills[index] ?? " ", fillInk)
            }
        }
        return line
    }
}
