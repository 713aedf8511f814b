/// Whether two configurations really differ, from their paired scores on the same resamples:
/// the corrected resampled t-test, with the plain paired t-test beside it for comparison.
///
/// ```swift
/// // 10 seeds; each trains A and B on the same 400 training rows and scores them on 100 dev rows.
/// let test = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 100.0 / 400.0)
/// test.meanDifference          // mean of a − b
/// test.corrected.pValue        // Nadeau & Bengio's p-value
/// test.corrected.interval      // 95% confidence interval of the mean difference
/// test.verdict(direction: .maximize)   // "A is better by 0.031 (95% CI 0.012 to 0.050, p = 0.004)"
/// ```
///
/// Why a correction: the n resamples share training rows, so the differences dᵢ = aᵢ − bᵢ are
/// correlated and the plain paired test's variance s²/n is too small — it reports differences
/// that are not there. Nadeau & Bengio ("Inference for the generalization error", *Machine
/// Learning* 52, 2003) replace it by (1/n + n_test/n_train)·s²; t = mean / √(that) is compared
/// with Student's t with n − 1 degrees of freedom. For K-fold cross-validation, repeated or not,
/// n_test/n_train = 1/(K − 1) (`foldRatio(folds:)`; Bouckaert & Frank, "Evaluating the
/// replicability of significance tests for comparing learning algorithms", PAKDD 2004).
/// With ratio 0 the corrected test is the plain one.
///
/// Degenerate cases give numbers, never NaN:
/// - one pair: `status == .tooFewPairs`, t = 0, p = 1, no standard error and no interval;
/// - every difference equal (sample sd below 1e-12 of the largest |dᵢ|): `status == .noSpread`,
///   the interval is the single point `meanDifference`; when all are 0, t = 0 and p = 1,
///   otherwise t = ±∞ and p = 0, with `note` saying that the test had no spread to judge.
public struct SignificanceTest: Sendable, Equatable {
    /// Whether the t statistic could be computed from the spread of the differences.
    public enum Status: String, Sendable, Equatable {
        /// At least two differences with a spread: an ordinary t-test.
        case tested
        /// A single pair: no spread can be estimated.
        case tooFewPairs
        /// Every difference is the same.
        case noSpread
    }

    /// The paired differences a − b, one per resample.
    public let differences: [Double]
    /// The mean of the differences (positive: A scored higher).
    public let meanDifference: Double
    /// The sample standard deviation of the differences (divisor n − 1), 0 for one pair.
    public let standardDeviation: Double
    /// n_test / n_train of the resamples, used by the correction.
    public let testToTrainRatio: Double
    /// The confidence level of the intervals (0.95 for 95%).
    public let confidenceLevel: Double
    /// The corrected resampled t-test (Nadeau & Bengio).
    public let corrected: Outcome
    /// The plain paired t-test, which ignores the overlap of the resamples.
    public let uncorrected: Outcome
    /// Whether a spread could be measured.
    public let status: Status

    /// Number of pairs.
    public var count: Int { differences.count }

    /// Compares scores `scoresA[i]` and `scoresB[i]` of two configurations on the same resample i.
    /// - Parameters:
    ///   - testToTrainRatio: rows scored / rows trained on in each resample (`foldRatio(folds:)`
    ///     for K folds); 0 gives the plain paired test.
    ///   - confidenceLevel: of the intervals, in (0, 1).
    /// - Throws: `SignificanceError` for no scores, unequal counts, a non-finite score, a negative
    ///   ratio or a confidence level outside (0, 1).
    public init(scoresA: [Double], scoresB: [Double], testToTrainRatio: Double,
                confidenceLevel: Double = 0.95) throws(SignificanceError) {
        guard scoresA.count == scoresB.count else {
            throw .mismatchedCounts(a: scoresA.count, b: scoresB.count)
        }
        if let bad = scoresA.indices.first(where: { !scoresA[$0].isFinite || !scoresB[$0].isFinite }) {
            throw .nonFiniteScore(pair: bad)
        }
        try self.init(differences: zip(scoresA, scoresB).map { $0 - $1 },
                      testToTrainRatio: testToTrainRatio, confidenceLevel: confidenceLevel)
    }

    /// Tests whether the mean of paired differences `differences` (a − b per resample) is 0.
    /// - Throws: `SignificanceError` for no differences, a non-finite one, a negative ratio or a
    ///   confidence level outside (0, 1).
    public init(differences: [Double], testToTrainRatio: Double,
                confidenceLevel: Double = 0.95) throws(SignificanceError) {
        guard confidenceLevel > 0 && confidenceLevel < 1 else { throw .invalidConfidence(confidenceLevel) }
        guard testToTrainRatio >= 0 && testToTrainRatio.isFinite else { throw .invalidRatio(testToTrainRatio) }
        guard !differences.isEmpty else { throw .noPairs }
        if let bad = differences.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteScore(pair: bad) }

        let n = differences.count
        // Mean and sd of the differences scaled to at most 1 in size, so that squares neither
        // underflow (1e-170) nor overflow (1e200).
        let largest = differences.reduce(0) { Swift.max($0, abs($1)) }
        let scale = largest > 0 ? largest : 1
        let scaled = differences.map { $0 / scale }
        let scaledMean = scaled.reduce(0, +) / Double(n)
        let mean = scaledMean * scale
        var sd = 0.0
        if n > 1 {
            let squares = scaled.reduce(0) { $0 + ($1 - scaledMean) * ($1 - scaledMean) }
            sd = (squares / Double(n - 1)).squareRoot() * scale
        }
        let status: Status = n < 2 ? .tooFewPairs : (sd <= 1e-12 * largest ? .noSpread : .tested)

        self.differences = differences
        self.meanDifference = mean
        self.standardDeviation = sd
        self.testToTrainRatio = testToTrainRatio
        self.confidenceLevel = confidenceLevel
        self.status = status
        let allZero = largest == 0
        corrected = Outcome(mean: mean, sd: sd, varianceFactor: 1 / Double(n) + testToTrainRatio, count: n,
                            status: status, allZero: allZero, level: confidenceLevel)
        uncorrected = Outcome(mean: mean, sd: sd, varianceFactor: 1 / Double(n), count: n,
                              status: status, allZero: allZero, level: confidenceLevel)
    }

    /// n_test / n_train for K-fold cross-validation: 1/(K − 1).
    /// - Precondition: `folds` ≥ 2.
    public static func foldRatio(folds: Int) -> Double {
        precondition(folds >= 2, "cross-validation has at least 2 folds")
        return 1 / Double(folds - 1)
    }

    /// Why the numbers are degenerate, when they are; nil for an ordinary test.
    public var note: String? {
        switch status {
        case .tested:
            return nil
        case .tooFewPairs:
            return "one pair cannot show a difference: its spread is unknown; compare on at least 2 seeds or folds"
        case .noSpread:
            if meanDifference == 0 { return "every pair scored the same, so there is no difference to test" }
            return "every pair differs by the same amount, so the test has no spread to judge; p = 0 is a formality — compare on more seeds or folds"
        }
    }
}
