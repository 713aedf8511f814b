/// Horizontal bars with labels and values, e.g. the importance of each parameter.
///
/// ```swift
/// BarChart(title: "Parameter importance (dev_acc)",
///          bars: [.init("lr", 0.62), .init("weight_decay", 0.25), .init("batch", 0.09)])
/// ```
/// prints
/// ```text
/// Parameter importance (dev_acc)
/// lr            ████████████████████████████████████████  0.62
/// weight_decay  ████████████████▏                          0.25
/// batch         █████▊                                     0.09
/// ```
/// Bar lengths are proportional to the values, in eighths of a character in Unicode mode
/// ("▏▎▍▌▋▊▉█") and whole characters ("#") in ASCII mode. When some values are negative,
/// a zero line divides the bar area and negative bars grow to its left.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        /// The label left of the bar.
        public var label: String
        /// The value (the bar's length); NaN draws no bar and shows "nan".
        public var value: Double
        /// The colour, or nil for the default (cyan).
        public var style: Style?

        /// A bar.
        public init(_ label: String, _ value: Double, style: Style? = nil) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    /// A line above the chart, or nil.
    public var title: String?
    /// The bars, top to bottom, in the order given.
    public var bars: [Bar]
    /// Significant digits of the values shown.
    public var significant: Int
    /// The longest bar, in characters (less when the width does not allow it).
    public var maxBarWidth: Int

    /// A bar chart.
    public init(title: String? = nil, bars: [Bar], significant: Int = 3, maxBarWidth: Int = 40) {
        self.title = title
        self.bars = bars
        self.significant = significant
        self.maxBarWidth = maxBarWidth
    }

    /// Unicode partial blocks, one to seven eighths.
    static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `length` characters (fractional) drawn from the left.
    static func bar(_ length: Double, unicode: Bool) -> String {
        guard length.isFinite, length > 0 else { return "" }
        if !unicode { return String(repeating: "#", count: Int(length.rounded())) }
        let total = Int((length * 8).rounded())
        let partial = total % 8
        return String(repeating: "█", count: total / 8) + (partial > 0 ? eighths[partial - 1] : "")
    }

    /// The chart as lines of text fitting `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        let glyphs = Glyphs(unicode: traits.unicode)
        var out: [String] = []
        if let title {
            out.append(Ink(.bold).apply(title.truncated(toWidth: traits.width, ellipsis: glyphs.ellipsis),
                                        enabled: traits.color))
        }
        guard !bars.isEmpty else { return out + ["(no data to plot)"] }
        let texts = bars.map { NumberFormat.metric($0.value, significant: significant) }
        let parts = texts.map(ColumnLayout.split)
        let integerWidth = parts.map { $0.integer.displayWidth }.max() ?? 0
        let fractionWidth = parts.map { $0.fraction.displayWidth }.max() ?? 0
        let valueWidth = integerWidth + fractionWidth
        let labelWidth = min(bars.map(\.label.displayWidth).max() ?? 0, max(8, traits.width / 3))
        let area = max(4, min(maxBarWidth, traits.width - labelWidth - valueWidth - 4))
        let finite = bars.map(\.value).filter(\.isFinite)
        let largest = max(finite.max() ?? 0, 0)
        let smallest = min(finite.min() ?? 0, 0)
        let span = largest - smallest
        // Columns left of the zero line (for negative bars) and right of it.
        let negativeArea = span > 0 ? Int((Double(area) * -smallest / span).rounded()) : 0
        let positiveArea = area - negativeArea
        for (bar, part) in zip(bars, parts) {
            var line = InkedLine()
            line.append(bar.label.truncated(toWidth: labelWidth, ellipsis: glyphs.ellipsis).padded(to: labelWidth))
            line.append("  ")
            let ink = bar.style.map(Ink.init) ?? Ink(foreground: 6)
            if negativeArea > 0 {
                let length = bar.value < 0 ? Int((-bar.value / -smallest * Double(negativeArea)).rounded()) : 0
                line.append(String(repeating: " ", count: negativeArea - length))
                line.append(String(repeating: traits.unicode ? "█" : "#", count: length), ink)
                line.append(glyphs.axisVertical, Ink(.dim))
            }
            let drawn = bar.value > 0 && largest > 0
                ? BarChart.bar(bar.value / largest * Double(positiveArea), unicode: traits.unicode) : ""
            line.append(drawn, ink)
            line.append(String(repeating: " ", count: positiveArea - drawn.displayWidth + 2))
            line.append(part.integer.padded(to: integerWidth, .right) + part.fraction.padded(to: fractionWidth))
            out.append(line.rendered(color: traits.color).fitted(toWidth: traits.width, ellipsis: glyphs.ellipsis))
        }
        return out
    }
}
