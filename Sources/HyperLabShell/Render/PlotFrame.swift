/// What one plot shows, in terms the frame can draw: axes, lines, markers, a legend.
/// `LineChart`, `ScatterPlot` and `HistoryPlot` build one; `PlotFrame` lays it out.
struct PlotSpec: Sendable {
    /// A polyline (or a staircase) through points, in one ink.
    struct Line: Sendable {
        var points: [PlotPoint]
        var ink: Ink
        /// The glyph of the line in ASCII mode.
        var asciiGlyph: String
        /// Draw a staircase (horizontal, then vertical) instead of straight segments.
        var step = false
        /// A glyph put at data points (thinned so markers stay a few cells apart), or nil.
        var pointGlyph: String?
        /// Where along the spacing of point glyphs the first one goes (0…1), so that the
        /// glyphs of several series do not fall on the same columns.
        var pointPhase = 0.0
    }

    /// Glyphs at points, one per point.
    struct Markers: Sendable {
        var points: [PlotPoint]
        var glyph: String
        var ink: Ink
    }

    /// One entry of the legend: a sample of the mark, and its name.
    struct LegendEntry: Sendable {
        var sample: String
        var ink: Ink
        var label: String
    }

    /// Shades or letters filling every cell under the marks (a decision-region map). When set,
    /// the canvas has exactly this many cells, and values map to cells by the cell they fall in
    /// (each cell stands for a range of values) instead of to evenly spaced edges.
    struct Regions: Sendable {
        var columns: Int
        var rows: Int
        /// Row-major from the top-left cell: `rows × columns` fills.
        var fills: [String]
        var inks: [Ink]
    }

    /// A legend line (wrapped when long) with a heading.
    struct Legend: Sendable {
        var heading: String
        var entries: [LegendEntry] = []
    }

    var title: String?
    var xLabel: String?
    var yLabel: String?
    var xAxis: Axis
    var yAxis: Axis
    var lines: [Line] = []
    /// Drawn in order: later layers cover earlier ones.
    var markers: [Markers] = []
    var regions: Regions?
    var legend: [LegendEntry] = []
    /// Legends with headings, after `legend`.
    var extraLegends: [Legend] = []
    var notes: [String] = []
    /// Height of the plotting area in rows (adjusted by a row or two so ticks land on rows).
    var height: Int = 12
    /// Show the x tick labels and the x axis name (off for the upper charts of a stack).
    var showXLabels = true
}

/// Lays out plots: y tick labels and axis on the left, the canvas, the x axis with ticks and
/// labels below, then the legend and notes.
///
/// The canvas is sized so that the major ticks land exactly on character cells: with
/// `n` intervals between ticks, the plotting area is `n·k + 1` cells across (and down).
enum PlotFrame {
    /// Widest x axis name shown beside the tick labels.
    static let maxXLabelWidth = 14

    /// The rows and columns of the plotting area for a frame `width` wide.
    static func canvasSize(xAxis: Axis, yAxis: Axis, height: Int, available: Int) -> (columns: Int, rows: Int) {
        (fitted(intervals: xAxis.intervals, available: max(available, 10), roundUp: false),
         fitted(intervals: yAxis.intervals, available: max(height, 3), roundUp: true))
    }

    /// `n·k + 1` cells near `available` (at most `available` unless `roundUp` allows one more
    /// multiple); `available` itself when the intervals do not fit.
    static func fitted(intervals: Int, available: Int, roundUp: Bool) -> Int {
        let n = max(1, intervals)
        guard available - 1 >= n else { return available }
        let k = roundUp ? max(1, Int((Double(available - 1) / Double(n)).rounded()))
                        : max(1, (available - 1) / n)
        return n * k + 1
    }

    /// Renders plots stacked one above the other with aligned axes (they should share the
    /// x axis); each is drawn as by `render(_:traits:)`.
    static func render(stack specs: [PlotSpec], traits: ConsoleTraits) -> [String] {
        let labelWidth = specs.map { $0.yAxis.tickLabels.map(\.displayWidth).max() ?? 1 }.max() ?? 1
        var lines: [String] = []
        for (index, spec) in specs.enumerated() {
            if index > 0 { lines.append("") }
            lines += render(spec, traits: traits, labelWidth: labelWidth, rightMargin: rightMargin(specs))
        }
        return lines
    }

    /// Renders one plot to lines of text fitting `traits.width`.
    static func render(_ spec: PlotSpec, traits: ConsoleTraits) -> [String] {
        render(spec, traits: traits, labelWidth: spec.yAxis.tickLabels.map(\.displayWidth).max() ?? 1,
               rightMargin: rightMargin([spec]))
    }

    private static func rightMargin(_ specs: [PlotSpec]) -> Int {
        specs.map { spec in
            let last = spec.xAxis.tickLabels.last?.displayWidth ?? 1
            let name = spec.xLabel.map { min($0.displayWidth, maxXLabelWidth) + 2 } ?? 0
            return last - 1 - (last - 1) / 2 + name
        }.max() ?? 0
    }

    private static func render(_ spec: PlotSpec, traits: ConsoleTraits, labelWidth: Int, rightMargin: Int) -> [String] {
        let glyphs = Glyphs(unicode: traits.unicode)
        let braille = traits.unicode
        let prefixWidth = labelWidth + 2
        let (columns, rows) = spec.regions.map { ($0.columns, $0.rows) }
            ?? canvasSize(xAxis: spec.xAxis, yAxis: spec.yAxis, height: spec.height,
                          available: traits.width - prefixWidth - rightMargin)
        var canvas = Canvas(columns: columns, rows: rows, braille: braille)
        let centred = spec.regions != nil
        if let regions = spec.regions {
            for row in 0..<rows {
                for column in 0..<columns where row * columns + column < regions.fills.count {
                    let index = row * columns + column
                    canvas.fill(regions.fills[index], column: column, row: row,
                                ink: index < regions.inks.count ? regions.inks[index] : .none)
                }
            }
        }
        let mapper = DotMapper(xAxis: spec.xAxis, yAxis: spec.yAxis, canvas: canvas, centred: centred)
        for line in spec.lines {
            draw(line, on: &canvas, mapper: mapper)
        }
        for layer in spec.markers {
            for point in layer.points {
                guard let dot = mapper.dot(point) else { continue }
                let cell = canvas.cell(ofDot: dot.x, dot.y)
                canvas.put(layer.glyph, column: cell.column, row: cell.row, ink: layer.ink)
            }
        }

        var out: [String] = []
        if let title = spec.title {
            out.append(Ink(.bold).apply(title.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                        enabled: traits.color))
        }
        if let yLabel = spec.yLabel {
            out.append(Ink(.dim).apply(yLabel.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                       enabled: traits.color))
        }
        var rowLabels = [String?](repeating: nil, count: rows)
        for (position, label) in zip(spec.yAxis.tickPositions, spec.yAxis.tickLabels) {
            let row = rows - 1 - DotMapper.cellIndex(position, count: rows, centred: centred)
            if rows > row, row >= 0, rowLabels[row] == nil { rowLabels[row] = label }
        }
        let axisInk = Ink(.dim)
        for row in 0..<rows {
            var line = InkedLine()
            line.append((rowLabels[row] ?? "").padded(to: labelWidth, .right) + " ")
            line.append(rowLabels[row] == nil ? glyphs.axisVertical : glyphs.axisVerticalTick, axisInk)
            let body = canvas.line(row: row)
            for piece in body.pieces { line.append(piece.text, piece.ink) }
            out.append(line.rendered(color: traits.color))
        }

        var tickColumns: [Int] = []
        for position in spec.xAxis.tickPositions {
            tickColumns.append(DotMapper.cellIndex(position, count: columns, centred: centred))
        }
        var axisLine = InkedLine()
        axisLine.append(String(repeating: " ", count: labelWidth + 1))
        var axisText = glyphs.axisCorner
        for column in 0..<columns {
            axisText += tickColumns.contains(column) ? glyphs.axisHorizontalTick : glyphs.axisHorizontal
        }
        axisLine.append(axisText, axisInk)
        out.append(axisLine.rendered(color: traits.color))

        if spec.showXLabels {
            var labelLine = ""
            for (column, label) in zip(tickColumns, spec.xAxis.tickLabels) {
                let center = prefixWidth + column
                let start = max(center - (label.displayWidth - 1) / 2, 0)
                let gap = labelLine.isEmpty ? 0 : 1
                guard start >= labelLine.displayWidth + gap else { continue }
                labelLine = labelLine.padded(to: start) + label
            }
            if let xLabel = spec.xLabel {
                let name = xLabel.truncated(toWidth: maxXLabelWidth, ellipsis: glyphs.ellipsis)
                labelLine = labelLine.padded(to: max(labelLine.displayWidth + 2, prefixWidth + columns + 1))
                    + Ink(.dim).apply(name, enabled: traits.color)
            }
            out.append(labelLine)
        }
        out += legendLines(spec.legend, indent: prefixWidth, traits: traits)
        for legend in spec.extraLegends {
            out += legendLines(legend.entries, indent: prefixWidth, heading: legend.heading, traits: traits)
        }
        out += spec.notes.map { String(repeating: " ", count: prefixWidth) + $0 }
        return out.map { $0.fitted(toWidth: traits.width, ellipsis: glyphs.ellipsis) }
    }

    /// Draws a line layer: straight segments (or a staircase) between consecutive points,
    /// broken where a point cannot be shown; point glyphs at thinned data points.
    private static func draw(_ line: PlotSpec.Line, on canvas: inout Canvas, mapper: DotMapper) {
        var previous: (x: Int, y: Int)?
        let asciiGlyph: (Int, Int) -> String = { dx, dy in
            line.step && dx == 0 && dy != 0 ? "|" : line.asciiGlyph
        }
        for point in line.points {
            guard let dot = mapper.dot(point) else {
                previous = nil
                continue
            }
            if let from = previous {
                if line.step {
                    canvas.drawLine(from: from, to: (dot.x, from.y), ink: line.ink, asciiGlyph: asciiGlyph)
                    canvas.drawLine(from: (dot.x, from.y), to: dot, ink: line.ink, asciiGlyph: asciiGlyph)
                } else {
                    canvas.drawLine(from: from, to: dot, ink: line.ink, asciiGlyph: asciiGlyph)
                }
            } else {
                canvas.setDot(dot.x, dot.y, ink: line.ink, asciiGlyph: line.asciiGlyph)
            }
            previous = dot
        }
        guard let glyph = line.pointGlyph else { return }
        let gap = max(4, canvas.columns / 12)
        var next = Int((line.pointPhase * Double(gap)).rounded())
        for dot in line.points.compactMap({ mapper.dot($0) }) {
            let cell = canvas.cell(ofDot: dot.x, dot.y)
            guard cell.column >= next else { continue }
            canvas.put(glyph, column: cell.column, row: cell.row, ink: line.ink)
            next = cell.column + gap
        }
    }

    /// Legend entries "sample label", three spaces apart, wrapped to the width.
    static func legendLines(_ entries: [PlotSpec.LegendEntry], indent: Int, heading: String? = nil,
                            traits: ConsoleTraits) -> [String] {
        guard !entries.isEmpty else { return [] }
        var lines: [String] = []
        var current = InkedLine()
        current.append(String(repeating: " ", count: indent))
        if let heading { current.append(heading + " ", Ink(.dim)) }
        let indent = indent + (heading.map { $0.displayWidth + 1 } ?? 0)
        var empty = true
        for entry in entries {
            let width = entry.sample.displayWidth + 1 + entry.label.displayWidth
            if !empty && current.width + 3 + width > traits.width {
                lines.append(current.rendered(color: traits.color))
                current = InkedLine()
                current.append(String(repeating: " ", count: indent))
                empty = true
            }
            if !empty { current.append("   ") }
            current.append(entry.sample, entry.ink)
            current.append(" " + entry.label)
            empty = false
        }
        lines.append(current.rendered(color: traits.color))
        return lines
    }
}

/// Maps data points to canvas dots for a pair of axes.
struct DotMapper: Sendable {
    let xAxis: Axis
    let yAxis: Axis
    let columns: Int
    let rows: Int
    let braille: Bool
    /// Each cell stands for a range of values (region maps) rather than the axis ends lying on
    /// the first and last cells.
    let centred: Bool

    init(xAxis: Axis, yAxis: Axis, canvas: Canvas, centred: Bool) {
        self.xAxis = xAxis
        self.yAxis = yAxis
        columns = canvas.columns
        rows = canvas.rows
        braille = canvas.braille
        self.centred = centred
    }

    /// The cell (0 ..< count) at a fraction of an axis.
    static func cellIndex(_ fraction: Double, count: Int, centred: Bool) -> Int {
        let index = centred ? Int((fraction * Double(count)).rounded(.down))
                            : Int((fraction * Double(count - 1)).rounded())
        return min(max(index, 0), count - 1)
    }

    /// The dot of a point, or nil when it cannot be shown (not finite, ≤ 0 on a log axis, or
    /// outside the axes).
    func dot(_ point: PlotPoint) -> (x: Int, y: Int)? {
        guard let fx = xAxis.fraction(point.x), let fy = yAxis.fraction(point.y),
              fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
        if centred {
            let (xs, ys) = braille ? (2, 4) : (1, 1)
            return (DotMapper.cellIndex(fx, count: columns * xs, centred: true),
                    DotMapper.cellIndex(fy, count: rows * ys, centred: true))
        }
        if braille {
            // floor(1 + 2x) and floor(2 + 4y) put a value exactly on a tick (x or y whole) in
            // the cell of that tick, and any value in the cell a rounded position would give.
            return (Int((1 + fx * Double(columns - 1) * 2).rounded(.down)),
                    Int((2 + fy * Double(rows - 1) * 4).rounded(.down)))
        }
        return (Int((fx * Double(columns - 1)).rounded()), Int((fy * Double(rows - 1)).rounded()))
    }
}
