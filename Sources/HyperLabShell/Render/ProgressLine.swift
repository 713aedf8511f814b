/// One status line for long work: a count, a small bar, a percentage, named values, the time
/// taken and the time left. It always fits the width.
///
/// ```swift
/// ProgressLine(label: "epoch", done: 7, total: 20,
///              fields: [.init("dev_acc", "0.953"), .init("best", "0.961")], elapsed: 1.2)
///     .render(traits: traits)
/// // "epoch  7/20 ███████░░░░░░░░░░░░░  35%  dev_acc 0.953  best 0.961  1.2 s  ETA 2.2 s"
/// ```
/// When the line is too wide, in turn: the bar narrows (to 8), the percentage goes, fields are
/// dropped from the last (list them most important first), the times go, the bar goes, and
/// finally the text is cut. Without `traits.progressTimes` the times never show.
public struct ProgressLine: Sendable {
    /// A named value shown on the line ("dev_acc 0.953").
    public struct Field: Sendable, Equatable {
        /// The name ("" for a value that speaks for itself).
        public var name: String
        /// The value, already formatted.
        public var value: String
        /// Shown in bold when colour is allowed (the best so far).
        public var emphasized: Bool

        /// A field.
        public init(_ name: String, _ value: String, emphasized: Bool = false) {
            self.name = name
            self.value = value
            self.emphasized = emphasized
        }
    }

    /// What is counted ("epoch", "trials").
    public var label: String
    /// How many are done.
    public var done: Int
    /// How many there will be, or nil when unknown (no bar, no percentage, no time left).
    public var total: Int?
    /// Named values, most important first.
    public var fields: [Field]
    /// Seconds since the start, or nil.
    public var elapsed: Double?
    /// Seconds left, or nil to estimate from `elapsed` (elapsed / done × (total − done)).
    public var remaining: Double?
    /// Widest bar, in characters.
    public var barWidth: Int

    /// A progress line.
    public init(label: String, done: Int, total: Int?, fields: [Field] = [], elapsed: Double? = nil,
                remaining: Double? = nil, barWidth: Int = 20) {
        self.label = label
        self.done = done
        self.total = total
        self.fields = fields
        self.elapsed = elapsed
        self.remaining = remaining
        self.barWidth = barWidth
    }

    /// The line of a sweep: trials done of total, running, pruned and failed counts, and the
    /// best value so far with its trial number.
    public static func sweep(done: Int, total: Int?, running: Int, pruned: Int, failed: Int,
                             best: (metric: String, value: Double, trial: Int)?, paretoFront: Int? = nil,
                             elapsed: Double?, remaining: Double? = nil) -> ProgressLine {
        var fields: [Field] = []
        if let paretoFront {
            fields.append(Field("pareto front", "\(paretoFront) trial\(paretoFront == 1 ? "" : "s")", emphasized: true))
        } else if let best {
            fields.append(Field("best \(best.metric)", NumberFormat.metric(best.value) + " (#\(best.trial))", emphasized: true))
        }
        var counts = ["\(running) running"]
        if pruned > 0 { counts.append("\(pruned) pruned") }
        if failed > 0 { counts.append("\(failed) failed") }
        fields.append(Field("", counts.joined(separator: ", ")))
        return ProgressLine(label: "trials", done: done, total: total, fields: fields, elapsed: elapsed,
                            remaining: remaining)
    }

    /// The estimated seconds left: `remaining` if given, else elapsed / done × (total − done).
    public var estimatedRemaining: Double? {
        if let remaining { return remaining }
        guard let elapsed, let total, done > 0, total >= done else { return nil }
        return elapsed / Double(done) * Double(total - done)
    }

    /// The line, at most `traits.width - 1` columns (so a terminal does not wrap it),
    /// coloured only when `traits.color`.
    public func render(traits: ConsoleTraits) -> String {
        let glyphs = Glyphs(unicode: traits.unicode)
        let limit = max(10, traits.width - 1)
        var fieldCount = fields.count
        var showTime = traits.progressTimes
        var showPercent = true
        var bar = total == nil ? 0 : barWidth
        while true {
            let line = compose(bar: bar, percent: showPercent, fieldCount: fieldCount, showTime: showTime, traits: traits)
            if line.width <= limit { return line.rendered(color: traits.color) }
            if bar > 8 {
                bar = max(8, bar - (line.width - limit))
            } else if showPercent {
                showPercent = false
            } else if fieldCount > 0 {
                fieldCount -= 1
            } else if showTime {
                showTime = false
            } else if bar > 0 {
                bar = 0
            } else {
                return line.rendered(color: traits.color).fitted(toWidth: limit, ellipsis: glyphs.ellipsis)
            }
        }
    }

    private func compose(bar: Int, percent: Bool, fieldCount: Int, showTime: Bool, traits: ConsoleTraits) -> InkedLine {
        var line = InkedLine()
        let gap = "  "
        if let total {
            let digits = String(max(total, 0)).count
            line.append(label + " " + String(done).padded(to: digits, .right) + "/" + String(total))
            let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
            if bar > 0 {
                let filled = min(bar, Int((fraction * Double(bar)).rounded(.down)))
                line.append(" ")
                line.append(String(repeating: traits.unicode ? "█" : "#", count: filled), Ink(foreground: 6))
                line.append(String(repeating: traits.unicode ? "░" : "-", count: bar - filled), Ink(.dim))
            }
            if percent { line.append(" " + NumberFormat.percent(fraction).padded(to: 4, .right)) }
        } else {
            line.append(label + " " + String(done))
        }
        for field in fields.prefix(fieldCount) {
            line.append(gap + (field.name.isEmpty ? "" : field.name + " "))
            line.append(field.value, field.emphasized ? Ink(.bold) : .none)
        }
        if showTime {
            if let elapsed { line.append(gap + NumberFormat.duration(seconds: elapsed)) }
            if let left = estimatedRemaining, let total, done < total {
                line.append(gap + "ETA " + NumberFormat.duration(seconds: left))
            }
        }
        return line
    }
}
