import Foundation

/// How much of the best trials' dev scores was luck: per trial, the score at selection time
/// against the mean of fresh retrainings, and the gap between them.
///
/// ```swift
/// let report = try RecheckReport(trials: [
///     RecheckTrial(number: 17, selectionScore: 0.93, recheckScores: [0.90, 0.89, 0.91]),
///     RecheckTrial(number: 4, selectionScore: 0.92, recheckScores: [0.91, 0.92, 0.90]),
/// ], direction: .maximize)
/// report.rows[0].gap       // 0.93 − 0.90 = 0.03: trial 17 looked 0.03 better than it is
/// report.meanGap           // 0.02
/// report.summary           // "on average the 2 rechecked trials scored 0.020 worse than when selected: …"
/// ```
///
/// The gap is signed so that a positive gap is optimism whichever way the metric points:
/// selection − recheck mean for a maximized metric (accuracy, r²), recheck mean − selection for
/// a minimized one (loss, rmse). Picking the best of many noisy scores picks lucky draws too, so
/// the mean gap over the top trials is expected to be positive, and grows with the number of
/// trials compared and the noise of a small dev set.
///
/// Rechecked scores that are NaN or infinite (diverged runs) are left out of the mean and sd
/// and counted in `failedCount`; a trial whose rechecks all failed has no mean and no gap.
public struct RecheckReport: Sendable, Equatable {
    /// One rechecked trial.
    public struct Row: Sendable, Equatable {
        /// The trial's number.
        public let number: Int
        /// The dev score at selection time.
        public let selectionScore: Double
        /// The mean of the finite rechecked scores; nil when every recheck failed.
        public let recheckMean: Double?
        /// The sample sd (divisor n − 1) of the finite rechecked scores; nil below 2 of them.
        public let recheckSD: Double?
        /// Optimism: how much better the selection score is than the recheck mean (positive:
        /// the trial looked better than it is); nil when every recheck failed.
        public let gap: Double?
        /// Number of finite rechecked scores.
        public let recheckCount: Int
        /// Number of rechecks that diverged (NaN or infinite score).
        public let failedCount: Int
    }

    /// Whether the metric is maximized or minimized.
    public let direction: MetricDirection
    /// One row per trial, in the order given.
    public let rows: [Row]
    /// The mean gap over the trials that have one; nil when none has.
    public let meanGap: Double?

    /// Summarizes rechecked trials.
    /// - Throws: `RecheckError` when there are no trials, a trial has no rechecked scores, or a
    ///   selection score is not finite.
    public init(trials: [RecheckTrial], direction: MetricDirection) throws(RecheckError) {
        guard !trials.isEmpty else { throw .noTrials }
        var rows = [Row]()
        for trial in trials {
            guard trial.selectionScore.isFinite else { throw .nonFiniteSelectionScore(trial: trial.number) }
            guard !trial.recheckScores.isEmpty else { throw .noRecheckScores(trial: trial.number) }
            rows.append(RecheckReport.row(trial, direction: direction))
        }
        let gaps = rows.compactMap(\.gap)
        self.direction = direction
        self.rows = rows
        meanGap = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
    }

    /// The row of one trial.
    private static func row(_ trial: RecheckTrial, direction: MetricDirection) -> Row {
        let scores = trial.recheckScores.filter(\.isFinite)
        let mean = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        var sd: Double?
        if let mean, scores.count > 1 {
            sd = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count - 1)).squareRoot()
        }
        let gap = mean.map { direction == .maximize ? trial.selectionScore - $0 : $0 - trial.selectionScore }
        return Row(number: trial.number, selectionScore: trial.selectionScore, recheckMean: mean,
                   recheckSD: sd, gap: gap, recheckCount: scores.count,
                   failedCount: trial.recheckScores.count - scores.count)
    }

    /// Number of trials whose gap is positive (they looked better than they are).
    public var optimisticCount: Int { rows.filter { ($0.gap ?? 0) > 0 }.count }

    /// One line in plain words about the mean gap, e.g. "on average the 5 rechecked trials
    /// scored 0.042 worse than when selected (4 of 5 worse): that much of their dev score was luck".
    public var summary: String {
        let withGap = rows.filter { $0.gap != nil }.count
        guard let meanGap else {
            return "every recheck failed, so there is nothing to compare"
        }
        let trials = withGap == 1 ? "the rechecked trial" : "the \(withGap) rechecked trials"
        let size = abs(meanGap)
        let amount = SignificanceTest.fixed(size, SignificanceTest.decimals(for: size))
        if meanGap > 0 {
            return "on average \(trials) scored \(amount) worse than when selected (\(optimisticCount) of \(withGap) worse): that much of their dev score was luck"
        }
        if meanGap < 0 {
            return "on average \(trials) scored \(amount) better than when selected: no sign of optimism"
        }
        return "on average \(trials) scored the same as when selected: no sign of optimism"
    }
}
