import CKernels
import Foundation

/// The classification metrics of one part, from its true labels and predicted class probabilities.
///
/// ```swift
/// let m = ClassificationMetrics(labels: [0, 1, 1], probabilities: [0.8, 0.2, 0.4, 0.6, 0.3, 0.7], classes: 2)
/// m.accuracy          // 1.0
/// m.auc               // 1.0
/// ```
/// Definitions follow scikit-learn's `sklearn.metrics` (checked against it in the tests):
/// - `accuracy`: the share of rows whose most probable class (the first on ties) is the true one.
/// - `balancedAccuracy`: the mean recall over the classes present in `labels`.
/// - `f1`: macro F1, the mean over the classes present in the labels or the predictions of
///   2·TP / (2·TP + FP + FN) (0 for a class never predicted nor present: excluded).
/// - `auc`: the area under the ROC curve of the positive class (label 1) for two classes; for
///   more, one-vs-rest per class averaged without weights (macro). Ties count one half
///   (Mann–Whitney U). Classes with no positive or no negative row are left out; nil if none is left.
/// - `logloss`: mean −ln p(true class), p clipped to [ε, 1 − ε] with ε = 2.2e-16 (float64 machine epsilon).
public struct ClassificationMetrics: Sendable, Hashable {
    /// Share of rows classified correctly.
    public let accuracy: Double
    /// Mean recall over the classes present.
    public let balancedAccuracy: Double
    /// Macro-averaged F1.
    public let f1: Double
    /// ROC AUC (binary) or one-vs-rest macro AUC; nil when no class has both positives and negatives.
    public let auc: Double?
    /// Mean negative log-likelihood of the true classes.
    public let logloss: Double

    /// The metrics of `labels` (each in `0..<classes`) under row-major `probabilities` (`labels.count × classes`).
    /// - Precondition: at least one row, and `probabilities.count == labels.count * classes`.
    public init(labels: [Int], probabilities: [Double], classes: Int) {
        precondition(!labels.isEmpty && probabilities.count == labels.count * classes, "one probability per row and class")
        let n = labels.count
        let predicted = (0..<n).map { r -> Int in
            var best = 0
            for k in 1..<max(classes, 1) where probabilities[r * classes + k] > probabilities[r * classes + best] { best = k }
            return best
        }
        var truePositive = [Int](repeating: 0, count: classes)
        var actual = [Int](repeating: 0, count: classes)
        var predictedCount = [Int](repeating: 0, count: classes)
        for r in 0..<n {
            actual[labels[r]] += 1
            predictedCount[predicted[r]] += 1
            if labels[r] == predicted[r] { truePositive[labels[r]] += 1 }
        }
        accuracy = Double(truePositive.reduce(0, +)) / Double(n)
        let present = (0..<classes).filter { actual[$0] > 0 }
        balancedAccuracy = present.map { Double(truePositive[$0]) / Double(actual[$0]) }.reduce(0, +) / Double(present.count)
        let scored = (0..<classes).filter { actual[$0] > 0 || predictedCount[$0] > 0 }
        f1 = scored.map { k in
            2 * Double(truePositive[k]) / Double(actual[k] + predictedCount[k])
        }.reduce(0, +) / Double(scored.count)
        let epsilon = 2.220446049250313e-16
        logloss = (0..<n).map { r in -PortableMath.log(min(max(probabilities[r * classes + labels[r]], epsilon), 1 - epsilon)) }
            .reduce(0, +) / Double(n)
        if classes == 2 {
            auc = Self.rocAUC(scores: (0..<n).map { probabilities[$0 * 2 + 1] }, positive: labels.map { $0 == 1 })
        } else {
            let perClass = (0..<classes).compactMap { k in
                Self.rocAUC(scores: (0..<n).map { probabilities[$0 * classes + k] }, positive: labels.map { $0 == k })
            }
            auc = perClass.isEmpty ? nil : perClass.reduce(0, +) / Double(perClass.count)
        }
    }

    /// The ROC AUC of `scores` for the rows marked `positive`: the chance that a random positive
    /// scores above a random negative, ties counting one half; nil without both kinds of row.
    ///
    /// U (the Mann–Whitney statistic) comes from `twiceUByPairs` where there are at most 2²⁰
    /// positive–negative pairs and no NaN, else from the ranks (`rankSumBySortedIndices`). U is a
    /// multiple of ½ below 2⁵² either way, computed exactly, so both give the same AUC to the bit.
    static func rocAUC(scores: [Double], positive: [Bool]) -> Double? {
        let positives = positive.filter { $0 }.count, negatives = positive.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let u: Double
        if positives * negatives <= 1 << 20, let twiceU = twiceUByPairs(scores: scores, positive: positive) {
            u = Double(twiceU) / 2
        } else {
            u = rankSumBySortedIndices(scores: scores, positive: positive) - Double(positives * (positives + 1)) / 2
        }
        return u / Double(positives * negatives)
    }

    /// 2U counted over every positive–negative pair: 2 where the positive scores above the
    /// negative, 1 where they tie (`hl_twice_mann_whitney_u`, branch-free loops over the
    /// negatives' scores, where a sort's comparisons of random scores mispredict about every
    /// other time). Nil when a score is NaN.
    static func twiceUByPairs(scores: [Double], positive: [Bool]) -> Int? {
        var positives: [Double] = [], negatives: [Double] = []
        for r in scores.indices {
            let s = scores[r]
            if s.isNaN { return nil }
            if positive[r] { positives.append(s) } else { negatives.append(s) }
        }
        return positives.withUnsafeBufferPointer { p in
            negatives.withUnsafeBufferPointer { n in
                hl_twice_mann_whitney_u(p.baseAddress, p.count, n.baseAddress, n.count)
            }
        }
    }

    /// The sum of the positive rows' ranks among `scores` (1 for the smallest; tied scores all
    /// get their mean rank), from the rows sorted by score.
    ///
    /// Every rank is a multiple of ½ no larger than the row count, and so is every partial sum
    /// below 2⁵², so each addition is exact and the sum does not depend on the order of its terms.
    static func rankSumBySortedIndices(scores: [Double], positive: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let midRank = Double(i + j) / 2 + 1
            for t in i...j where positive[order[t]] { rankSum += midRank }
            i = j + 1
        }
        return rankSum
    }
}
