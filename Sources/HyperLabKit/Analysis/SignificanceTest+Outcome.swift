/// The numbers of one t-test: statistic, standard error, p-value and confidence interval.
extension SignificanceTest {
    /// One t-test of the mean difference against 0.
    public struct Outcome: Sendable, Equatable {
        /// The t statistic: mean / standard error (0, or ±∞, in the degenerate cases).
        public let statistic: Double
        /// The standard error of the mean difference; nil for a single pair.
        public let standardError: Double?
        /// Degrees of freedom, n − 1.
        public let degreesOfFreedom: Int
        /// The two-sided p-value.
        public let pValue: Double
        /// The confidence interval of the mean difference; nil for a single pair.
        public let interval: Interval?

        /// The test of `mean` over `count` pairs whose differences have sample sd `sd`; the
        /// variance of the mean is `varianceFactor`·sd² (1/n plain, 1/n + n_test/n_train corrected).
        init(mean: Double, sd: Double, varianceFactor: Double, count: Int, status: Status, allZero: Bool, level: Double) {
            degreesOfFreedom = count - 1
            switch status {
            case .tooFewPairs:
                statistic = 0
                standardError = nil
                pValue = 1
                interval = nil
            case .noSpread:
                statistic = allZero ? 0 : (mean > 0 ? .infinity : -.infinity)
                standardError = 0
                pValue = allZero ? 1 : 0
                interval = Interval(lower: mean, upper: mean, level: level)
            case .tested:
                let se = sd * varianceFactor.squareRoot()
                let df = Double(count - 1)
                statistic = mean / se
                standardError = se
                pValue = StudentT.twoSidedPValue(mean / se, degreesOfFreedom: df)
                let half = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df) * se
                interval = Interval(lower: mean - half, upper: mean + half, level: level)
            }
        }
    }

    /// A confidence interval of the mean difference.
    public struct Interval: Sendable, Equatable {
        /// The lower end.
        public let lower: Double
        /// The upper end.
        public let upper: Double
        /// The confidence level (0.95 for 95%).
        public let level: Double

        /// An interval from `lower` to `upper` at confidence `level`.
        public init(lower: Double, upper: Double, level: Double) {
            self.lower = lower
            self.upper = upper
            self.level = level
        }

        /// Whether `value` lies in the interval (ends included).
        public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
    }
}
