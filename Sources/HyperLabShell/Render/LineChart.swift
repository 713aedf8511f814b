/// Named series of (x, y) points drawn as lines, e.g. learning curves (loss per epoch).
///
/// ```swift
/// let chart = LineChart(title: "Loss", xLabel: "epoch",
///                       series: [.init("train_loss", values: train), .init("dev_loss", values: dev)])
/// for line in chart.render(traits: console.traits) { console.line(line) }
/// ```
/// In Unicode mode lines are drawn in braille (2 × 4 dots per character cell); in ASCII mode
/// each series is drawn with its own character ("*", "o", "+", …). When there are several
/// series, each also puts its own marker ("●", "◆", "▲", …) at data points (a few cells
/// apart), so they can be told apart without colour; with colour each series has its own.
/// The y axis has ticks at nice numbers (or powers of ten with `yScale: .log`), the x axis
/// at nice numbers (whole numbers when all x are whole). A legend names each series.
public struct LineChart: Sendable {
    /// One named line.
    public struct Series: Sendable {
        /// The name shown in the legend.
        public var name: String
        /// The points, in drawing order; a point that cannot be shown (NaN, ≤ 0 on a log axis)
        /// breaks the line.
        public var points: [PlotPoint]
        /// The colour, or nil for the series' colour by position.
        public var style: Style?

        /// A series through `points`.
        public init(_ name: String, points: [PlotPoint], style: Style? = nil) {
            self.name = name
            self.points = points
            self.style = style
        }

        /// A series with x = 1, 2, 3, … (epochs, trials) and the given y values.
        public init(_ name: String, values: [Double], style: Style? = nil) {
            self.init(name, points: PlotPoint.numbered(values), style: style)
        }
    }

    /// A line above the chart, or nil.
    public var title: String?
    /// The name of the x axis (e.g. "epoch"), or nil.
    public var xLabel: String?
    /// The name of the y axis (e.g. "loss"), shown above it, or nil.
    public var yLabel: String?
    /// The lines.
    public var series: [Series]
    /// Linear or log y axis.
    public var yScale: AxisScale
    /// Height of the plotting area in rows (adjusted by a row or two so ticks land on rows).
    public var height: Int

    /// A chart of `series`.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, series: [Series],
                yScale: AxisScale = .linear, height: Int = 12) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yScale = yScale
        self.height = height
    }

    /// The chart as lines of text fitting `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        LineChart.renderStacked([self], traits: traits)
    }

    /// Several charts one above the other, sharing one x axis (its ticks and labels are shown
    /// under the last chart only) and aligned on their y axes: e.g. train and dev loss above,
    /// the dev metric below.
    public static func renderStacked(_ charts: [LineChart], traits: ConsoleTraits) -> [String] {
        let drawable = charts.filter(\.hasData)
        guard !drawable.isEmpty else {
            return charts.compactMap(\.title) + ["(no data to plot)"]
        }
        let allX = drawable.flatMap { $0.series.flatMap { $0.points.filter { $0.y.isFinite }.map(\.x) } }
        let integers = allX.allSatisfy { $0.isFinite && $0 == $0.rounded() }
        let xAxis = Axis.covering(allX, scale: .linear, targetTicks: max(2, (traits.width - 16) / 12),
                                  integers: integers)
        let specs = drawable.enumerated().map { index, chart in
            chart.spec(xAxis: xAxis, traits: traits, showXLabels: index == drawable.count - 1)
        }
        return PlotFrame.render(stack: specs, traits: traits)
    }

    /// Whether any point can be drawn.
    var hasData: Bool {
        series.contains { $0.points.contains { $0.x.isFinite && $0.y.isFinite && (yScale == .linear || $0.y > 0) } }
    }

    private func spec(xAxis: Axis, traits: ConsoleTraits, showXLabels: Bool) -> PlotSpec {
        let ys = series.flatMap { $0.points.filter(\.x.isFinite).map(\.y) }
        let yAxis = Axis.covering(ys, scale: yScale, targetTicks: max(3, height / 3 + 1))
        let marked = series.count > 1 && traits.unicode
        var spec = PlotSpec(title: title, xLabel: showXLabels ? xLabel : nil, yLabel: yLabel,
                            xAxis: xAxis, yAxis: yAxis)
        spec.height = height
        spec.showXLabels = showXLabels
        for (index, one) in series.enumerated() {
            let ink = SeriesPalette.ink(index, style: one.style)
            let glyph = SeriesPalette.glyph(index, unicode: traits.unicode)
            spec.lines.append(.init(points: one.points, ink: ink,
                                    asciiGlyph: SeriesPalette.glyph(index, unicode: false),
                                    pointGlyph: marked ? glyph : nil,
                                    pointPhase: Double(index) / Double(series.count)))
            let sample = traits.unicode ? (marked ? "─" + glyph + "─" : "──") : glyph
            spec.legend.append(.init(sample: sample, ink: ink, label: one.name))
        }
        spec.notes += sameCurveNotes
        return spec
    }

    /// A note for each group of series with exactly the same points ("run 1 and run 3 have the
    /// same curve: one line shows them all"): the line drawn last hides the others, which
    /// would otherwise look missing.
    var sameCurveNotes: [String] {
        var groups: [[Int]] = []
        for index in series.indices {
            if let g = groups.firstIndex(where: { series[$0[0]].points == series[index].points }) {
                groups[g].append(index)
            } else {
                groups.append([index])
            }
        }
        return groups.filter { $0.count > 1 && !series[$0[0]].points.isEmpty }.map { group in
            let names = group.map { series[$0].name }
            let listed = names.count == 2 ? "\(names[0]) and \(names[1])"
                : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            return "\(listed) have the same curve: one line shows them all"
        }
    }
}
