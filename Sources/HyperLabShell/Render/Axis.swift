import Foundation

/// How values are placed along an axis.
public enum AxisScale: Sendable, Equatable {
    /// Equal steps for equal differences.
    case linear
    /// Equal steps for equal ratios (base 10); ticks at powers of ten. Values ≤ 0 are not shown.
    case log
}

/// One axis of a plot: its range (widened to nice round ends), its ticks and their labels.
///
/// Linear ticks are "nice numbers" (1, 2 or 5 times a power of ten; Heckbert, "Nice numbers
/// for graph labels", Graphics Gems, 1990), and the range runs from one tick to another, so
/// the ends of the axis are labelled. Log ticks are powers of ten (every decade, or every
/// second, third, … decade when there are many) when the data spans two decades or more, and
/// at 1, 2 and 5 times powers of ten over a tight range otherwise.
struct Axis: Sendable, Equatable {
    /// The scale.
    let scale: AxisScale
    /// The low end, in axis units (the value itself, or its log10 on a log axis).
    let low: Double
    /// The high end, in axis units.
    let high: Double
    /// The ticks, as fractions 0…1 of the axis.
    let tickPositions: [Double]
    /// The ticks' labels.
    let tickLabels: [String]
    /// The number of equal intervals between the major ticks (used to size plots so that the
    /// major ticks land exactly on character cells).
    let intervals: Int

    /// Where `value` lies along the axis, as a fraction 0…1 (outside for values out of range),
    /// or nil for a value that cannot be shown (not finite, or ≤ 0 on a log axis).
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let u: Double
        switch scale {
        case .linear: u = value
        case .log:
            guard value > 0 else { return nil }
            u = log10(value)
        }
        return high > low ? (u - low) / (high - low) : 0.5
    }

    /// The value at a fraction 0…1 of the axis.
    func value(atFraction t: Double) -> Double {
        let u = low + t * (high - low)
        return scale == .log ? pow(10, u) : u
    }

    /// An axis over the finite values given (and, on a log axis, the positive ones).
    /// - Parameters:
    ///   - values: the data along this axis.
    ///   - scale: linear or log.
    ///   - targetTicks: about how many ticks to show.
    ///   - integers: ticks only at whole numbers (epochs, trial numbers).
    static func covering(_ values: [Double], scale: AxisScale, targetTicks: Int, integers: Bool = false) -> Axis {
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        switch scale {
        case .linear:
            let low = usable.min() ?? 0
            let high = usable.max() ?? 1
            return linear(low: low, high: high, targetTicks: targetTicks, integers: integers)
        case .log:
            let low = usable.min() ?? 1
            let high = usable.max() ?? 10
            return logarithmic(low: low, high: high, targetTicks: targetTicks)
        }
    }

    /// A linear axis from `low` to `high`, widened to nice ticks.
    static func linear(low: Double, high: Double, targetTicks: Int, integers: Bool = false) -> Axis {
        var lo = min(low, high)
        var hi = max(low, high)
        if hi - lo <= abs(hi) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
            if integers {
                lo = (low - 1).rounded(.down)
                hi = (high + 1).rounded(.up)
            }
        }
        let target = max(2, targetTicks)
        var step = niceStep((hi - lo) / Double(target - 1))
        if integers { step = max(1, step.rounded()) }
        var first = (lo / step).rounded(.down)
        var last = (hi / step).rounded(.up)
        // Guard the tick count against floating error and pathological inputs.
        if last - first < 1 { last = first + 1 }
        if last - first > 100 {
            step = niceStep((hi - lo) / 10)
            first = (lo / step).rounded(.down)
            last = (hi / step).rounded(.up)
        }
        let count = Int(last - first)
        let values = (0...count).map { (first + Double($0)) * step }
        let axisLow = first * step
        let axisHigh = last * step
        return Axis(scale: .linear, low: axisLow, high: axisHigh,
                    tickPositions: (0...count).map { Double($0) / Double(count) },
                    tickLabels: NumberFormat.ticks(values, step: step), intervals: count)
    }

    /// A linear axis over exactly `low`…`high` (not widened), with nice ticks inside it.
    static func inside(low: Double, high: Double, targetTicks: Int) -> Axis {
        let lo = min(low, high)
        let hi = max(max(low, high), lo + 1e-12)
        var step = niceStep((hi - lo) / Double(max(2, targetTicks) - 1))
        // At least two ticks: make the step finer (5 → 2 → 1 → 0.5 …) until two fit.
        while ((hi / step + 1e-9).rounded(.down) - (lo / step - 1e-9).rounded(.up)) < 1 {
            step = niceStep(step * 0.45)
        }
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        let values = last >= first ? (0...Int(last - first)).map { (first + Double($0)) * step } : []
        return Axis(scale: .linear, low: lo, high: hi,
                    tickPositions: values.map { ($0 - lo) / (hi - lo) },
                    tickLabels: NumberFormat.ticks(values, step: step), intervals: 1)
    }

    /// A log axis from `low` to `high` (both > 0). Data spanning two decades or more gets an
    /// axis widened to whole decades with ticks at powers of ten (every decade, or every second,
    /// third, … when there are many). Narrower data keeps a tight range with ticks at 1, 2 and 5
    /// times powers of ten (or at every digit when that gives fewer than two ticks).
    static func logarithmic(low: Double, high: Double, targetTicks: Int) -> Axis {
        let lo = max(min(low, high), Double.leastNormalMagnitude)
        let hi = max(max(low, high), lo)
        let logLow = log10(lo)
        let logHigh = log10(hi)
        if logHigh - logLow >= 2 {
            return decades(from: Int(floor(logLow + 1e-9)), to: Int(ceil(logHigh - 1e-9)), targetTicks: targetTicks)
        }
        let pad = max(logHigh - logLow, 0.3) * 0.05
        var axisLow = logLow - pad
        var axisHigh = logHigh + pad
        if logHigh - logLow < 0.3 {
            let middle = (logLow + logHigh) / 2
            axisLow = middle - 0.15 - pad
            axisHigh = middle + 0.15 + pad
        }
        var values: [Double] = []
        for digits in [[1.0, 2.0, 5.0], Array(stride(from: 1.0, through: 9.0, by: 1.0))] {
            values = []
            for e in Int(floor(axisLow)) - 1...Int(ceil(axisHigh)) {
                for m in digits {
                    let value = m * pow(10, Double(e))
                    if log10(value) >= axisLow, log10(value) <= axisHigh { values.append(value) }
                }
            }
            if values.count >= 2 { break }
        }
        return Axis(scale: .log, low: axisLow, high: axisHigh,
                    tickPositions: values.map { (log10($0) - axisLow) / (axisHigh - axisLow) },
                    tickLabels: values.map { NumberFormat.metric($0) }, intervals: 1)
    }

    /// A log axis over whole decades `first`…`last` with ticks at powers of ten.
    private static func decades(from first: Int, to last: Int, targetTicks: Int) -> Axis {
        var first = first
        let decades = max(1, last - first)
        // Log labels are short: allow one tick more than the target before skipping decades.
        let stride = max(1, Int((Double(decades) / Double(max(1, targetTicks))).rounded(.up)))
        // Widen the low end so that the labelled decades are evenly spaced.
        first -= (stride - decades % stride) % stride
        let span = Double(last - first)
        var positions: [Double] = []
        var labels: [String] = []
        for e in Swift.stride(from: first, through: last, by: stride) {
            positions.append(Double(e - first) / span)
            labels.append(NumberFormat.metric(pow(10, Double(e))))
        }
        return Axis(scale: .log, low: Double(first), high: Double(last), tickPositions: positions,
                    tickLabels: labels, intervals: (last - first) / stride)
    }

    /// 1, 2 or 5 times a power of ten, near `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        let residual = rough / magnitude
        let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        return nice * magnitude
    }
}
