import Testing
@testable import HyperLabKit

/// Reference values from scikit-learn 1.9.1 (`sklearn.metrics`), computed once with:
/// ```python
/// accuracy_score(y, P.argmax(1)); balanced_accuracy_score(y, P.argmax(1))
/// f1_score(y, P.argmax(1), average="macro"); log_loss(y, P)
/// roc_auc_score(y, P[:, 1])                                    # binary
/// roc_auc_score(y, P, multi_class="ovr", average="macro")      # three classes
/// ```
enum MetricFixtures {
    static let binaryLabels = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1]
    static let binaryPositive = [0.1, 0.8, 0.35, 0.4, 0.9, 0.6, 0.2, 0.7, 0.35, 0.05, 0.55, 0.99]
    static var binaryProbabilities: [Double] { binaryPositive.flatMap { [1 - $0, $0] } }

    static let threeLabels = [0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 2, 1, 0, 1, 2]
    /// Row 9 ([0.4, 0.4, 0.2]) ties: the first class wins, as with numpy's argmax.
    static let threeProbabilities: [Double] = [
        0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.1, 0.3, 0.6, 0.3, 0.4, 0.3, 0.1, 0.8, 0.1,
        0.5, 0.25, 0.25, 0.2, 0.2, 0.6, 0.6, 0.3, 0.1, 0.4, 0.4, 0.2, 0.05, 0.15, 0.8,
        0.3, 0.3, 0.4, 0.25, 0.25, 0.5, 0.9, 0.05, 0.05, 0.2, 0.6, 0.2, 0.1, 0.1, 0.8,
    ]
}

@Suite struct ClassificationMetricsTests {
    /// Four rows worked by hand (the ROC example of scikit-learn's documentation).
    @Test func matchesHandComputedValues() {
        let m = ClassificationMetrics(labels: [0, 0, 1, 1], probabilities: [0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8], classes: 2)
        // predictions 0 0 0 1: 3 of 4 right
        #expect(m.accuracy == 0.75)
        // recall: class 0 2/2, class 1 1/2
        #expect(m.balancedAccuracy == 0.75)
        // F1: class 0 2·2/(2·2+1+0) = 0.8, class 1 2·1/(2·1+0+1) = 2/3
        #expect(abs(m.f1 - (0.8 + 2.0 / 3) / 2) < 1e-12)
        // pairs (positive above negative): 0.35 > 0.1, 0.8 > both, 0.35 < 0.4: 3 of 4
        #expect(m.auc == 0.75)
        // −(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4
        #expect(abs(m.logloss - 0.4722875) < 1e-6)
    }

    @Test func binaryMatchesScikitLearn() {
        let m = ClassificationMetrics(labels: MetricFixtures.binaryLabels, probabilities: MetricFixtures.binaryProbabilities, classes: 2)
        #expect(abs(m.accuracy - 0.75) < 1e-12)
        #expect(abs(m.balancedAccuracy - 0.7571428571428571) < 1e-12)
        #expect(abs(m.f1 - 0.7482517482517483) < 1e-12)
        #expect(abs((m.auc ?? 0) - 0.8571428571428572) < 1e-12)
        #expect(abs(m.logloss - 0.43330202612641483) < 1e-12)
    }

    @Test func threeClassesMatchScikitLearnOneVsRestMacro() {
        let m = ClassificationMetrics(labels: MetricFixtures.threeLabels, probabilities: MetricFixtures.threeProbabilities, classes: 3)
        #expect(abs(m.accuracy - 0.8) < 1e-12)
        #expect(abs(m.balancedAccuracy - 0.8111111111111112) < 1e-12)
        #expect(abs(m.f1 - 0.7962962962962963) < 1e-12)
        #expect(abs((m.auc ?? 0) - 0.9194163860830528) < 1e-12)
        #expect(abs(m.logloss - 0.6451372519651417) < 1e-12)
    }

    @Test func aucIsNilWithoutBothKindsOfRow() {
        let m = ClassificationMetrics(labels: [1, 1], probabilities: [0.3, 0.7, 0.6, 0.4], classes: 2)
        #expect(m.auc == nil)
        #expect(m.accuracy == 0.5)
    }

    /// U counted over pairs is U from the ranks to the bit: scores on a coarse grid so that many
    /// tie (within and across labels), with +0, −0, subnormals and infinities among them, over
    /// several row counts and seeds.
    @Test func pairCountIsTheRanksUToTheBit() throws {
        var stream = SeededGenerator(seed: 11)
        let specials: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude / 8, 1, .infinity, -.infinity, -3]
        for rows in [2, 3, 17, 362, 1078] {
            for grid in [3.0, 50.0, 1e9] {
                let scores = (0..<rows).map { r -> Double in
                    r % 7 == 3 ? specials[r % specials.count] : (stream.nextUnit() * grid).rounded() / grid
                }
                let positive = (0..<rows).map { r in r == 0 || (r != 1 && stream.next() % 3 == 0) }
                let positives = positive.filter { $0 }.count
                let twiceU = try #require(ClassificationMetrics.twiceUByPairs(scores: scores, positive: positive))
                let rankSum = ClassificationMetrics.rankSumBySortedIndices(scores: scores, positive: positive)
                let fromRanks = rankSum - Double(positives * (positives + 1)) / 2
                #expect((Double(twiceU) / 2).bitPattern == fromRanks.bitPattern, "rows \(rows), grid \(grid)")
            }
        }
    }

    /// A NaN score leaves U to the ranks.
    @Test func pairCountDeclinesNaN() {
        #expect(ClassificationMetrics.twiceUByPairs(scores: [0.5, .nan, 0.25], positive: [true, false, true]) == nil)
        #expect(ClassificationMetrics.twiceUByPairs(scores: [0.5, 0.1, 0.25, 0.5], positive: [true, false, true, false]) == 5)
    }
}
