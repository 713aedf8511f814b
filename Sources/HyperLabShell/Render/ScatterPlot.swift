/// Points (x, y), each of a category with its own marker, e.g. a swept parameter against the
/// dev metric, trials marked complete / pruned / failed.
///
/// ```swift
/// let plot = ScatterPlot(title: "dev_acc by lr", xLabel: "lr", yLabel: "dev_acc",
///                        categories: [.complete, .pruned, .failed],
///                        points: trials.map { .init(x: $0.lr, y: $0.devAcc, category: $0.state) },
///                        xScale: .log, best: bestIndex)
/// ```
/// One point per character cell: where several fall in one cell, the category listed first
/// wins, and the best point ("★", "@" in ASCII mode) covers all. A log x axis (learning rates)
/// has ticks at powers of ten. The legend counts the points of each category that has any,
/// and a note says how many could not be shown (no value, or ≤ 0 on a log axis).
public struct ScatterPlot: Sendable {
    /// One point and its category (an index into `categories`).
    public struct Point: Sendable, Equatable {
        /// Horizontal position.
        public var x: Double
        /// Vertical position; NaN for a point without a value.
        public var y: Double
        /// Index into `categories`.
        public var category: Int

        /// A point of category `category` at (x, y).
        public init(x: Double, y: Double, category: Int = 0) {
            self.x = x
            self.y = y
            self.category = category
        }
    }

    /// A line above the plot, or nil.
    public var title: String?
    /// The name of the x axis, or nil.
    public var xLabel: String?
    /// The name of the y axis, or nil.
    public var yLabel: String?
    /// The kinds of points, in order of precedence.
    public var categories: [PointCategory]
    /// The points.
    public var points: [Point]
    /// Linear or log x axis.
    public var xScale: AxisScale
    /// Linear or log y axis.
    public var yScale: AxisScale
    /// The index in `points` of the best point, marked "★", or nil.
    public var best: Int?
    /// Height of the plotting area in rows.
    public var height: Int
    /// The category (an index into `categories`) whose points without a value are drawn on the
    /// bottom edge of the plot rather than left out, so the legend counts only what is drawn
    /// (failed trials of a sweep, which have no score); nil: such points are left out.
    public var bottomEdgeCategory: Int?

    /// A scatter plot of `points`.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                categories: [PointCategory] = [PointCategory("points")], points: [Point],
                xScale: AxisScale = .linear, yScale: AxisScale = .linear, best: Int? = nil, height: Int = 14,
                bottomEdgeCategory: Int? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.points = points
        self.xScale = xScale
        self.yScale = yScale
        self.best = best
        self.height = height
        self.bottomEdgeCategory = bottomEdgeCategory
    }

    /// The plot as lines of text fitting `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        guard let spec = spec(traits: traits) else {
            return (title.map { [$0] } ?? []) + ["(no data to plot)"]
        }
        return PlotFrame.render(spec, traits: traits)
    }

    /// Whether a point can be placed on these axes.
    private func shown(_ point: Point) -> Bool {
        point.x.isFinite && point.y.isFinite && (xScale == .linear || point.x > 0) && (yScale == .linear || point.y > 0)
    }

    /// Whether a point has no value but is drawn on the bottom edge (`bottomEdgeCategory`).
    private func onBottomEdge(_ point: Point) -> Bool {
        point.category == bottomEdgeCategory && !point.y.isFinite && point.x.isFinite && (xScale == .linear || point.x > 0)
    }

    /// The points as drawn on `yAxis`: those with a value, and those on the bottom edge at its low end.
    func placedPoints(yAxis: Axis) -> [Point] {
        let bottom = yAxis.value(atFraction: 0)
        return points.compactMap { point in
            if shown(point) { return point }
            return onBottomEdge(point) ? Point(x: point.x, y: bottom, category: point.category) : nil
        }
    }

    /// The plot as a frame specification, or nil when no point can be shown.
    func spec(traits: ConsoleTraits) -> PlotSpec? {
        let valued = points.filter(shown)
        guard !valued.isEmpty else { return nil }
        let edged = points.filter(onBottomEdge)
        let xs = (valued + edged).map(\.x)
        let xAxis = Axis.covering(xs, scale: xScale, targetTicks: max(2, (traits.width - 16) / 12),
                                  integers: xs.allSatisfy { $0 == $0.rounded() })
        let yAxis = Axis.covering(valued.map(\.y), scale: yScale, targetTicks: max(3, height / 3 + 1))
        let visible = placedPoints(yAxis: yAxis)
        var spec = PlotSpec(title: title, xLabel: xLabel, yLabel: yLabel, xAxis: xAxis, yAxis: yAxis)
        spec.height = height
        let categoryCount = max(categories.count, (points.map(\.category).max() ?? -1) + 1)
        let all = (0..<categoryCount).map { $0 < categories.count ? categories[$0] : PointCategory("category \($0)") }
        for index in all.indices.reversed() {
            spec.markers.append(.init(points: visible.filter { $0.category == index }.map { PlotPoint(x: $0.x, y: $0.y) },
                                      glyph: all[index].glyph(index, unicode: traits.unicode), ink: all[index].ink(index)))
        }
        for (index, category) in all.enumerated() {
            let count = points.filter { $0.category == index }.count
            guard count > 0 else { continue }
            spec.legend.append(.init(sample: category.glyph(index, unicode: traits.unicode), ink: category.ink(index),
                                     label: "\(category.name) (\(count))"))
        }
        if let best, points.indices.contains(best), shown(points[best]) {
            spec.markers.append(.init(points: [PlotPoint(x: points[best].x, y: points[best].y)],
                                      glyph: BestMark.glyph(unicode: traits.unicode), ink: BestMark.ink))
            spec.legend.append(.init(sample: BestMark.glyph(unicode: traits.unicode), ink: BestMark.ink, label: "best"))
        }
        if let edge = bottomEdgeCategory, !edged.isEmpty, edge < all.count {
            spec.notes.append("\(edged.count) \(all[edge].name) (no value) on the bottom edge")
        }
        let hidden = points.count - visible.count
        if hidden > 0 {
            let reason = xScale == .log || yScale == .log ? (traits.unicode ? "no value or ≤ 0" : "no value or <= 0") : "no value"
            spec.notes.append("\(hidden) of \(points.count) not shown (\(reason))")
        }
        return spec
    }
}
