import Testing
@testable import HyperLabKit

@Suite struct RecheckReportTests {
    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func gapIsSelectionMinusRecheckForAMaximizedMetric() throws {
        let report = try RecheckReport(trials: [
            RecheckTrial(number: 17, selectionScore: 0.93, recheckScores: [0.90, 0.89, 0.91]),
            RecheckTrial(number: 4, selectionScore: 0.92, recheckScores: [0.91, 0.92, 0.93]),
        ], direction: .maximize)
        #expect(report.rows.map(\.number) == [17, 4])
        let first = report.rows[0]
        #expect(first.selectionScore == 0.93)
        #expect(RecheckReportTests.close(first.recheckMean, 0.90))
        #expect(RecheckReportTests.close(first.recheckSD, 0.01))
        #expect(RecheckReportTests.close(first.gap, 0.03))
        #expect(first.recheckCount == 3 && first.failedCount == 0)
        #expect(RecheckReportTests.close(report.rows[1].gap, 0))
        #expect(RecheckReportTests.close(report.meanGap, 0.015))
        #expect(report.optimisticCount == 1)
        #expect(report.summary
                == "on average the 2 rechecked trials scored 0.015 worse than when selected (1 of 2 worse): that much of their dev score was luck")
    }

    @Test func gapIsRecheckMinusSelectionForAMinimizedMetric() throws {
        // A loss of 0.20 at selection that rechecks at 0.25 was optimistic by 0.05.
        let loss = try RecheckReport(trials: [RecheckTrial(number: 1, selectionScore: 0.20, recheckScores: [0.24, 0.26])],
                                     direction: .minimize)
        #expect(RecheckReportTests.close(loss.rows[0].gap, 0.05))
        #expect(RecheckReportTests.close(loss.meanGap, 0.05))
        #expect(loss.summary.hasPrefix("on average the rechecked trial scored 0.050 worse than when selected"))
        // The same numbers read as accuracy: the recheck is better, the gap negative.
        let accuracy = try RecheckReport(trials: [RecheckTrial(number: 1, selectionScore: 0.20, recheckScores: [0.24, 0.26])],
                                         direction: .maximize)
        #expect(RecheckReportTests.close(accuracy.rows[0].gap, -0.05))
        #expect(accuracy.optimisticCount == 0)
        #expect(accuracy.summary == "on average the rechecked trial scored 0.050 better than when selected: no sign of optimism")
    }

    @Test func pickingTheMaximumOfNoisyScoresIsOptimistic() throws {
        // 50 configurations of equal true quality 0.8, each scored once on a noisy dev set;
        // the top 5 are rechecked with 5 fresh scores each.
        var rng = SeededGenerator(seed: 3)
        let scores = (0..<50).map { _ in 0.8 + 0.03 * rng.nextGaussian() }
        let top = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(5)
        let trials = top.map { i in
            RecheckTrial(number: i + 1, selectionScore: scores[i],
                         recheckScores: (0..<5).map { _ in 0.8 + 0.03 * rng.nextGaussian() })
        }
        let report = try RecheckReport(trials: Array(trials), direction: .maximize)
        #expect(try #require(report.meanGap) > 0.02)
        #expect(report.optimisticCount >= 4)
    }

    @Test func failedRechecksAreCountedAndLeftOut() throws {
        let report = try RecheckReport(trials: [
            RecheckTrial(number: 2, selectionScore: 0.9, recheckScores: [0.8, .nan]),
            RecheckTrial(number: 5, selectionScore: 0.85, recheckScores: [.nan, .infinity]),
        ], direction: .maximize)
        #expect(report.rows[0].recheckCount == 1 && report.rows[0].failedCount == 1)
        #expect(RecheckReportTests.close(report.rows[0].recheckMean, 0.8))
        #expect(report.rows[0].recheckSD == nil)
        #expect(report.rows[1].recheckMean == nil && report.rows[1].gap == nil && report.rows[1].failedCount == 2)
        #expect(RecheckReportTests.close(report.meanGap, 0.1))
        let failed = try RecheckReport(trials: [RecheckTrial(number: 5, selectionScore: 0.85, recheckScores: [.nan])],
                                       direction: .maximize)
        #expect(failed.meanGap == nil)
        #expect(failed.summary == "every recheck failed, so there is nothing to compare")
    }

    @Test func badInputIsATypedError() {
        func error(_ trials: [RecheckTrial]) -> RecheckError? {
            do { _ = try RecheckReport(trials: trials, direction: .maximize); return nil } catch { return error }
        }
        #expect(error([]) == .noTrials)
        #expect(error([RecheckTrial(number: 3, selectionScore: 0.5, recheckScores: [])]) == .noRecheckScores(trial: 3))
        #expect(error([RecheckTrial(number: 8, selectionScore: .nan, recheckScores: [0.5])]) == .nonFiniteSelectionScore(trial: 8))
        #expect(RecheckError.noRecheckScores(trial: 3).message == "trial 3 has no rechecked scores")
        #expect(RecheckError.noTrials.hint != nil)
    }
}
