/// A metric over a 2-D grid of two parameters, as a shaded table: each cell shows its value
/// and a shade, darker for better values, and the best cell is marked.
///
/// ```swift
/// let map = Heatmap(title: "dev_acc", rowName: "lr", columnName: "weight_decay",
///                   rowLabels: ["1e-04", "0.001", "0.01"], columnLabels: ["0", "1e-04"],
///                   values: [[0.91, 0.92], [0.97, 0.972], [0.95, nil]], higherIsBetter: true)
/// ```
/// prints
/// ```text
/// dev_acc
///          weight_decay
/// lr             0       1e-04
/// 1e-04   ░░ 0.91    ░░ 0.92
/// 0.001   ██ 0.97    ██ 0.972★
/// 0.01    ▓▓ 0.95        —
///         ░ 0.91–0.925  ▒ 0.925–0.941  ▓ 0.941–0.956  █ 0.956–0.972   ★ best
/// ```
/// Unicode shades are "░▒▓█" (four levels); ASCII mode uses ".:-=+#%@" (eight levels) and
/// marks the best cell with "*". With colour the shades are also coloured. Values are
/// written with `NumberFormat.metric` and aligned on the decimal point across the grid.
/// Missing values (nil or NaN) show "—" and no shade.
public struct Heatmap: Sendable {
    /// A line above the map, or nil.
    public var title: String?
    /// The parameter along the rows (shown above the row labels).
    public var rowName: String
    /// The parameter along the columns (shown above the column labels).
    public var columnName: String
    /// The row labels, top to bottom.
    public var rowLabels: [String]
    /// The column labels, left to right.
    public var columnLabels: [String]
    /// The values, `values[row][column]`; nil (or NaN) where there is none.
    public var values: [[Double?]]
    /// Whether larger values are better (darker and marked best) or smaller.
    public var higherIsBetter: Bool
    /// Significant digits of the values shown.
    public var significant: Int

    /// A heat map.
    public init(title: String? = nil, rowName: String, columnName: String, rowLabels: [String],
                columnLabels: [String], values: [[Double?]], higherIsBetter: Bool = true, significant: Int = 3) {
        self.title = title
        self.rowName = rowName
        self.columnName = columnName
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.higherIsBetter = higherIsBetter
        self.significant = significant
    }

    /// The shades from worst to best.
    static func shades(unicode: Bool) -> [String] {
        unicode ? ["░", "▒", "▓", "█"] : [".", ":", "-", "=", "+", "#", "%", "@"]
    }

    /// Foreground colours of the shades (xterm 256 palette), worst to best, for `levels` levels.
    static func shadeColors(levels: Int) -> [UInt8] {
        let ramp: [UInt8] = [153, 117, 81, 45, 39, 33, 27, 21, 19]
        return (0..<levels).map { ramp[Int((Double($0) / Double(max(1, levels - 1)) * Double(ramp.count - 1)).rounded())] }
    }

    /// The value at (row, column), if there is a finite one.
    func value(_ row: Int, _ column: Int) -> Double? {
        guard values.indices.contains(row), values[row].indices.contains(column),
              let value = values[row][column], value.isFinite else { return nil }
        return value
    }

    /// The cell with the best value (first in reading order on ties), or nil when none has one.
    public var bestCell: (row: Int, column: Int)? {
        var best: (row: Int, column: Int, value: Double)?
        for row in values.indices {
            for column in values[row].indices {
                guard let v = value(row, column) else { continue }
                if let current = best, higherIsBetter ? v <= current.value : v >= current.value { continue }
                best = (row, column, v)
            }
        }
        return best.map { ($0.row, $0.column) }
    }

    /// The shade level (0 worst … levels-1 best) of `value` among `all` the values: by rank,
    /// so the shades split the cells into equal shares (quantiles) however skewed the values
    /// are, and equal values share a shade.
    func level(_ value: Double, among all: [Double], levels: Int) -> Int {
        let worse = all.filter { higherIsBetter ? $0 < value : $0 > value }.count
        return min(levels - 1, worse * levels / max(1, all.count))
    }

    /// The map as lines of text, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        let glyphs = Glyphs(unicode: traits.unicode)
        let shades = Heatmap.shades(unicode: traits.unicode)
        let colors = Heatmap.shadeColors(levels: shades.count)
        let rowCount = max(rowLabels.count, values.count)
        let columnCount = max(columnLabels.count, values.map(\.count).max() ?? 0)
        let finite = (0..<rowCount).flatMap { r in (0..<columnCount).compactMap { value(r, $0) } }
        var out: [String] = []
        if let title {
            out.append(Ink(.bold).apply(title.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                        enabled: traits.color))
        }
        guard !finite.isEmpty, rowCount > 0, columnCount > 0 else {
            return out + ["(no values to show)"]
        }
        let best = bestCell

        // Numbers aligned on the decimal point across the whole grid.
        let texts = (0..<rowCount).map { r in (0..<columnCount).map { c in
            value(r, c).map { NumberFormat.metric($0, significant: significant) } } }
        let parts = texts.flatMap { $0.compactMap { $0.map(ColumnLayout.split) } }
        let integerWidth = parts.map { $0.integer.displayWidth }.max() ?? 1
        let fractionWidth = parts.map { $0.fraction.displayWidth }.max() ?? 0
        let numberWidth = max(integerWidth + fractionWidth, glyphs.missing.displayWidth)
        func number(_ text: String?) -> String {
            guard let text else {
                return glyphs.missing.padded(to: integerWidth, .right).padded(to: numberWidth)
            }
            let split = ColumnLayout.split(text)
            return (split.integer.padded(to: integerWidth, .right) + split.fraction.padded(to: fractionWidth))
                .padded(to: numberWidth)
        }

        let rowLabelTexts = (0..<rowCount).map { $0 < rowLabels.count ? rowLabels[$0] : "" }
        let columnLabelTexts = (0..<columnCount).map { $0 < columnLabels.count ? columnLabels[$0] : "" }
        let labelWidth = min(max(rowName.displayWidth, rowLabelTexts.map(\.displayWidth).max() ?? 0), 16)
        // A cell: shade (1 or 2 columns), a space, the number, the best marker (1 column).
        var shadeWidth = 2
        var cellWidth = shadeWidth + 1 + numberWidth + 1
        // Labels sit over the numbers, clear of the marker column: one column wider than the label.
        var columnWidth = max(cellWidth, (columnLabelTexts.map(\.displayWidth).max() ?? 0) + 1)
        let gap = 2
        func total() -> Int { labelWidth + columnCount * (gap + columnWidth) }
        if total() > traits.width {
            columnWidth = max(cellWidth, (traits.width - labelWidth) / columnCount - gap)
        }
        if total() > traits.width {
            shadeWidth = 1
            cellWidth = shadeWidth + 1 + numberWidth + 1
            columnWidth = cellWidth
        }

        let columnNameLine = String(repeating: " ", count: labelWidth + gap) + columnName
        out.append(Ink(.dim).apply(columnNameLine.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                   enabled: traits.color))
        // Labels sit over the numbers, right-aligned to them (the marker column is left free); a
        // label too wide for a narrow terminal wraps onto a second header line instead of being cut.
        let labelLines = columnLabelTexts.map { $0.wrapped(toWidth: columnWidth - 1) }
        for part in 0..<(labelLines.map(\.count).max() ?? 1) {
            var header = InkedLine()
            let name = part == 0 ? rowName.truncated(toWidth: labelWidth, ellipsis: glyphs.ellipsis) : ""
            header.append(name.padded(to: labelWidth), Ink(.dim))
            for lines in labelLines {
                let text = part < lines.count ? lines[part] : ""
                header.append(String(repeating: " ", count: gap) + text.padded(to: columnWidth - 1, .right) + " ", Ink(.bold))
            }
            out.append(fit(header, traits: traits, glyphs: glyphs))
        }

        for r in 0..<rowCount {
            var line = InkedLine()
            line.append(rowLabelTexts[r].truncated(toWidth: labelWidth, ellipsis: glyphs.ellipsis).padded(to: labelWidth), Ink(.bold))
            for c in 0..<columnCount {
                line.append(String(repeating: " ", count: gap + columnWidth - cellWidth))
                let isBest = best.map { $0.row == r && $0.column == c } ?? false
                if let v = value(r, c) {
                    let l = level(v, among: finite, levels: shades.count)
                    line.append(String(repeating: shades[l], count: shadeWidth), Ink(foreground: colors[l]))
                } else {
                    line.append(String(repeating: " ", count: shadeWidth))
                }
                line.append(" ")
                line.append(number(texts[r][c]), isBest ? Ink(.bold) : .none)
                line.append(isBest ? glyphs.marker : " ", isBest ? BestMark.ink : .none)
            }
            out.append(fit(line, traits: traits, glyphs: glyphs))
        }

        var legend: [PlotSpec.LegendEntry] = []
        let dash = traits.unicode ? "–" : ".."
        for l in 0..<shades.count {
            let members = finite.filter { level($0, among: finite, levels: shades.count) == l }
            guard let from = members.min(), let to = members.max() else { continue }
            let range = from == to ? NumberFormat.metric(from, significant: significant)
                : NumberFormat.metric(from, significant: significant) + dash + NumberFormat.metric(to, significant: significant)
            legend.append(.init(sample: shades[l], ink: Ink(foreground: colors[l]), label: range))
        }
        legend.append(.init(sample: glyphs.marker, ink: BestMark.ink,
                            label: higherIsBetter ? "best (highest)" : "best (lowest)"))
        out += PlotFrame.legendLines(legend, indent: labelWidth + gap, traits: traits)
            .map { $0.fitted(toWidth: traits.width, ellipsis: glyphs.ellipsis) }
        return out
    }

    private func fit(_ line: InkedLine, traits: ConsoleTraits, glyphs: Glyphs) -> String {
        line.rendered(color: traits.color).fitted(toWidth: traits.width, ellipsis: glyphs.ellipsis)
    }
}
