/// The metric of each trial in order, with the best value so far as a staircase: how a
/// search converges.
///
/// ```swift
/// let plot = HistoryPlot(metric: "dev_acc", higherIsBetter: true,
///                        trials: study.trials.map { .init(number: $0.number, value: $0.devAcc, category: $0.state) })
/// ```
/// Trials are points (markers by category, as in `ScatterPlot`), the best-so-far line is
/// drawn through the trials that count for it (complete ones, by default all), and the best
/// trial is marked "★" ("@" in ASCII mode).
public struct HistoryPlot: Sendable {
    /// One trial: its number, its value (NaN for none) and its category.
    public struct Trial: Sendable, Equatable {
        /// The trial number (the x position).
        public var number: Int
        /// The metric; NaN when the trial has none (failed).
        public var value: Double
        /// Index into `categories`.
        public var category: Int
        /// Whether the trial competes for the best so far (false for pruned trials, whose
        /// value is from an unfinished run).
        public var countsForBest: Bool

        /// A trial.
        public init(number: Int, value: Double, category: Int = 0, countsForBest: Bool = true) {
            self.number = number
            self.value = value
            self.category = category
            self.countsForBest = countsForBest
        }
    }

    /// A line above the plot, or nil (default: "<metric> per trial").
    public var title: String?
    /// The metric's name: the y axis name and legend text.
    public var metric: String
    /// Whether larger values are better (accuracy) or smaller (loss).
    public var higherIsBetter: Bool
    /// The trials.
    public var trials: [Trial]
    /// The kinds of trials.
    public var categories: [PointCategory]
    /// Height of the plotting area in rows.
    public var height: Int

    /// A history plot.
    public init(title: String? = nil, metric: String, higherIsBetter: Bool, trials: [Trial],
                categories: [PointCategory] = [.complete, .pruned, .failed], height: Int = 12) {
        self.title = title
        self.metric = metric
        self.higherIsBetter = higherIsBetter
        self.trials = trials
        self.categories = categories
        self.height = height
    }

    /// The values of the best-so-far staircase: one point per counting trial, in trial order.
    public var bestSoFar: [PlotPoint] {
        var best: Double?
        var result: [PlotPoint] = []
        for trial in trials.sorted(by: { $0.number < $1.number }) where trial.countsForBest && trial.value.isFinite {
            if let current = best {
                best = higherIsBetter ? max(current, trial.value) : min(current, trial.value)
            } else {
                best = trial.value
            }
            if let best { result.append(PlotPoint(x: Double(trial.number), y: best)) }
        }
        return result
    }

    /// The trials as a scatter plot, in trial order, the best counting trial marked, failed
    /// trials far off the scale at its edge (`clippingFailedTrials`); and how many were moved.
    var scatterPlot: (plot: ScatterPlot, clipped: Int) {
        let ordered = trials.sorted { $0.number < $1.number }
        let bestIndex = ordered.indices.filter { ordered[$0].countsForBest && ordered[$0].value.isFinite }
            .min { a, b in
                higherIsBetter ? ordered[a].value > ordered[b].value : ordered[a].value < ordered[b].value
            }
        let (values, clipped) = clippingFailedTrials(ordered)
        let plot = ScatterPlot(title: title ?? "\(metric) per trial", xLabel: "trial", yLabel: metric,
                               categories: categories,
                               points: zip(ordered, values).map { .init(x: Double($0.number), y: $1, category: $0.category) },
                               best: bestIndex, height: height)
        return (plot, clipped)
    }

    /// The note under a plot that moved `count` failed trials to the edge of its scale.
    static func clippedNote(_ count: Int) -> String {
        "\(count) failed trial\(count == 1 ? "" : "s") far off the scale drawn at its edge"
    }

    /// The values to draw: a failed trial's value far outside the others' range (a diverged
    /// run's last loss, say) is moved to the edge of that range, so it does not squash every
    /// other trial into one row; also how many were moved.
    func clippingFailedTrials(_ ordered: [Trial]) -> (values: [Double], clipped: Int) {
        let failed = categories.firstIndex(of: .failed)
        let others = ordered.filter { $0.category != failed && $0.value.isFinite }.map(\.value)
        guard let low = others.min(), let high = others.max() else { return (ordered.map(\.value), 0) }
        let margin = Swift.max(high - low, Swift.max(abs(high), 1e-12) * 0.1) * 0.25
        var clipped = 0
        let values = ordered.map { trial -> Double in
            guard trial.category == failed, trial.value.isFinite else { return trial.value }
            if trial.value > high + margin { clipped += 1; return high + margin }
            if trial.value < low - margin { clipped += 1; return low - margin }
            return trial.value
        }
        return (values, clipped)
    }

    /// The plot as lines of text fitting `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        let (scatter, clipped) = scatterPlot
        guard var spec = scatter.spec(traits: traits) else {
            return [scatter.title ?? metric, "(no data to plot)"]
        }
        if clipped > 0 {
            spec.notes.append(HistoryPlot.clippedNote(clipped))
        }
        let ink = Ink(foreground: 6)
        spec.lines.append(.init(points: bestSoFar, ink: ink, asciiGlyph: "-", step: true))
        let insertAt = spec.legend.firstIndex { $0.label == "best" } ?? spec.legend.count
        spec.legend.insert(.init(sample: traits.unicode ? "──" : "--", ink: ink, label: "best so far"), at: insertAt)
        return PlotFrame.render(spec, traits: traits)
    }
}
