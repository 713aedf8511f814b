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

    /// The plot as lines of text fitting `traits.width`, coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> [String] {
        let ordered = trials.sorted { $0.number < $1.number }
        let bestIndex = ordered.indices.filter { ordered[$0].countsForBest && ordered[$0].value.isFinite }
            .min { a, b in
                higherIsBetter ? ordered[a].value > ordered[b].value : ordered[a].value < ordered[b].value
            }
        let scatter = ScatterPlot(title: title ?? "\(metric) per trial", xLabel: "trial", yLabel: metric,
                                  categories: categories,
                                  points: ordered.map { .init(x: Double($0.number), y: $0.value, category: $0.category) },
                                  best: bestIndex, height: height)
        guard var spec = scatter.spec(traits: traits) else {
            return [scatter.title ?? metric, "(no data to plot)"]
        }
        let ink = Ink(foreground: 6)
        spec.lines.append(.init(points: bestSoFar, ink: ink, asciiGlyph: "-", step: true))
        let insertAt = spec.legend.firstIndex { $0.label == "best" } ?? spec.legend.count
        spec.legend.insert(.init(sample: traits.unicode ? "──" : "--", ink: ink, label: "best so far"), at: insertAt)
        return PlotFrame.render(spec, traits: traits)
    }
}
