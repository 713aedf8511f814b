import Foundation

/// The result of a comparison in one line of plain words.
extension SignificanceTest {
    /// One line saying what the corrected test found, for the configurations named `a` and `b`.
    ///
    /// The difference is significant when the corrected p-value is below 1 − `confidenceLevel`
    /// (then the interval excludes 0). Examples, with the default 95% level:
    /// - "no evidence of a difference (p = 0.62)"
    /// - "A is better by 0.031 (95% CI 0.012 to 0.050, p = 0.004)" — the winner's advantage and
    ///   its interval, as positive numbers whichever way the metric points;
    /// - "A is better by 0.031 in every pair (no spread to judge, so p = 0 is a formality)";
    /// - "no difference: A and B scored the same in every pair (p = 1)";
    /// - "too few pairs to tell: 1 pair, and a test needs at least 2".
    ///
    /// Numbers show two significant digits of the advantage; p-values two decimals, three below
    /// 0.1, and "p < 0.001" below that.
    /// - Parameter direction: whether a higher (accuracy) or lower (loss, rmse) score is better.
    public func verdict(_ a: String = "A", _ b: String = "B", direction: MetricDirection = .maximize) -> String {
        switch status {
        case .tooFewPairs:
            return "too few pairs to tell: 1 pair, and a test needs at least 2"
        case .noSpread where meanDifference == 0:
            return "no difference: \(a) and \(b) scored the same in every pair (p = 1)"
        case .noSpread:
            let (winner, advantage, _) = advantage(a, b, direction: direction)
            let digits = SignificanceTest.decimals(for: advantage)
            return "\(winner) is better by \(SignificanceTest.fixed(advantage, digits)) in every pair (no spread to judge, so p = 0 is a formality)"
        case .tested:
            let p = corrected.pValue
            guard p < 1 - confidenceLevel else {
                return "no evidence of a difference (\(SignificanceTest.pText(p)))"
            }
            let (winner, advantage, interval) = advantage(a, b, direction: direction)
            let digits = SignificanceTest.decimals(for: advantage)
            var text = "\(winner) is better by \(SignificanceTest.fixed(advantage, digits))"
            if let interval {
                text += " (\(SignificanceTest.percent(confidenceLevel)) CI \(SignificanceTest.fixed(interval.lower, digits))"
                text += " to \(SignificanceTest.fixed(interval.upper, digits)), \(SignificanceTest.pText(p)))"
            }
            return text
        }
    }

    /// The better configuration, its advantage (positive) and the interval of that advantage.
    private func advantage(_ a: String, _ b: String,
                           direction: MetricDirection) -> (String, Double, Interval?) {
        let aGain = direction == .maximize ? meanDifference : -meanDifference
        let sign: Double = (aGain >= 0) == (direction == .maximize) ? 1 : -1
        let interval = corrected.interval.map {
            let ends = [sign * $0.lower, sign * $0.upper].sorted()
            return Interval(lower: ends[0], upper: ends[1], level: $0.level)
        }
        return (aGain >= 0 ? a : b, abs(meanDifference), interval)
    }

    /// Decimals that show `x` with two significant digits (0 to 12).
    static func decimals(for x: Double) -> Int {
        guard x != 0 && x.isFinite else { return 2 }
        return Swift.min(12, Swift.max(0, 1 - Int(Foundation.floor(Foundation.log10(abs(x))))))
    }

    /// `x` with `digits` decimals, never "-0.000".
    static func fixed(_ x: Double, _ digits: Int) -> String {
        let text = String(format: "%.*f", digits, x)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// "p = 0.62", "p = 0.004", "p < 0.001", "p = 1".
    static func pText(_ p: Double) -> String {
        if p >= 1 { return "p = 1" }
        if p < 0.001 { return "p < 0.001" }
        return "p = " + String(format: p < 0.1 ? "%.3f" : "%.2f", p)
    }

    /// A confidence level as a percentage: "95%", "99.9%".
    static func percent(_ level: Double) -> String {
        let value = (level * 1000).rounded() / 10
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }
}
