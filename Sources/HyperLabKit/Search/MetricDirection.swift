/// Whether a study seeks a high metric (accuracy, r²) or a low one (loss, rmse).
public enum MetricDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Higher is better.
    case maximize
    /// Lower is better.
    case minimize

    /// Whether `a` is strictly better than `b`. NaN is never better, and anything is better than NaN.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return self == .maximize ? a > b : a < b
    }

    /// `value` turned into a score to minimize (the value itself, or its negation); NaN becomes +∞.
    public func loss(_ value: Double) -> Double {
        if value.isNaN { return .infinity }
        return self == .maximize ? -value : value
    }
}
