import Testing
@testable import HyperLabKit

/// Reference numbers from SciPy 1.17.1, computed once with:
///
/// ```python
/// import numpy as np; from scipy import stats
/// d = np.array([0.021, 0.034, -0.005, 0.012, 0.040, 0.018, 0.027, 0.009, 0.015, 0.031])
/// n, ratio = len(d), 0.25
/// m, s2 = d.mean(), d.var(ddof=1)
/// se_c = np.sqrt((1/n + ratio) * s2); t_c = m / se_c; p_c = 2 * stats.t.sf(abs(t_c), n - 1)
/// se_u = np.sqrt(s2 / n); t_u = m / se_u; p_u = 2 * stats.t.sf(abs(t_u), n - 1)   # = stats.ttest_1samp(d, 0)
/// q = stats.t.ppf(0.975, n - 1)
/// print(m, np.sqrt(s2), t_c, p_c, m - q*se_c, m + q*se_c, t_u, p_u, m - q*se_u, m + q*se_u)
/// q90 = stats.t.ppf(0.95, n - 1); print(-m - q90*se_c, -m + q90*se_c)            # 90% interval of −d
/// d = np.array([0.012, -0.02, 0.015, -0.004, 0.006]); se = np.sqrt((1/5 + 0.25) * d.var(ddof=1))
/// print(2 * stats.t.sf(abs(d.mean() / se), 4))
/// ```
@Suite struct SignificanceTestTests {
    static let differences = [0.021, 0.034, -0.005, 0.012, 0.040, 0.018, 0.027, 0.009, 0.015, 0.031]

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-10) -> Bool {
        abs(a - b) <= tolerance * Swift.max(1, abs(b))
    }

    @Test func correctedAndPlainTestsMatchSciPy() throws {
        let test = try SignificanceTest(differences: SignificanceTestTests.differences, testToTrainRatio: 0.25)
        #expect(test.status == .tested && test.note == nil && test.count == 10)
        #expect(SignificanceTestTests.close(test.meanDifference, 0.0202))
        #expect(SignificanceTestTests.close(test.standardDeviation, 0.013356646285651202))
        #expect(SignificanceTestTests.close(test.corrected.statistic, 2.556347690940396))
        #expect(SignificanceTestTests.close(test.corrected.pValue, 0.030871557671414803))
        #expect(test.corrected.degreesOfFreedom == 9)
        let ci = try #require(test.corrected.interval)
        #expect(SignificanceTestTests.close(ci.lower, 0.0023246636948224195))
        #expect(SignificanceTestTests.close(ci.upper, 0.03807533630517758))
        #expect(ci.level == 0.95)
        #expect(SignificanceTestTests.close(test.uncorrected.statistic, 4.782488610484821))
        #expect(SignificanceTestTests.close(test.uncorrected.pValue, 0.000997801482426413))
        let plain = try #require(test.uncorrected.interval)
        #expect(SignificanceTestTests.close(plain.lower, 0.010645230838951985))
        #expect(SignificanceTestTests.close(plain.upper, 0.029754769161048016))
        // The correction widens the interval and raises p.
        #expect(test.corrected.pValue > test.uncorrected.pValue)
        #expect(try #require(test.corrected.standardError) > (try #require(test.uncorrected.standardError)))
    }

    @Test func pairedScoresGiveTheirDifferences() throws {
        let b = [0.80, 0.82, 0.85, 0.79, 0.81, 0.84, 0.80, 0.83, 0.82, 0.78]
        let a = zip(b, SignificanceTestTests.differences).map { $0 + $1 }
        let test = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 0.25, confidenceLevel: 0.9)
        #expect(SignificanceTestTests.close(test.corrected.pValue, 0.030871557671414803, 1e-9))
        // B − A at 90%.
        let reverse = try SignificanceTest(scoresA: b, scoresB: a, testToTrainRatio: 0.25, confidenceLevel: 0.9)
        let ci = try #require(reverse.corrected.interval)
        #expect(SignificanceTestTests.close(ci.lower, -0.034685072343987086, 1e-9))
        #expect(SignificanceTestTests.close(ci.upper, -0.0057149276560129105, 1e-9))
        #expect(reverse.corrected.statistic < 0)
    }

    @Test func ratioZeroIsThePlainTestAndFoldsGiveOneOverKMinusOne() throws {
        let test = try SignificanceTest(differences: SignificanceTestTests.differences, testToTrainRatio: 0)
        #expect(test.corrected == test.uncorrected)
        #expect(SignificanceTest.foldRatio(folds: 5) == 0.25)
        #expect(SignificanceTest.foldRatio(folds: 2) == 1)
    }

    @Test func identicalConfigurationsShowNoDifference() throws {
        // 200 comparisons of two configurations drawn from the same distribution: each pair
        // shares a resample effect (the split), and each score adds its own seed noise.
        var rng = SeededGenerator(seed: 2024)
        var corrected = [Double](), rejected = 0
        for _ in 0..<200 {
            var a = [Double](), b = [Double]()
            for _ in 0..<10 {
                let split = 0.85 + 0.02 * rng.nextGaussian()
                a.append(split + 0.01 * rng.nextGaussian())
                b.append(split + 0.01 * rng.nextGaussian())
            }
            let test = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 0.25)
            #expect(test.corrected.pValue >= test.uncorrected.pValue)
            if test.corrected.pValue < 0.05 { rejected += 1 }
            corrected.append(test.corrected.pValue)
        }
        corrected.sort()
        #expect(corrected[100] >= 0.5)          // the median p-value
        #expect(rejected <= 10)                 // at most 5% false alarms
    }

    @Test func aClearlyBetterConfigurationIsFound() throws {
        var rng = SeededGenerator(seed: 7)
        var a = [Double](), b = [Double]()
        for _ in 0..<10 {
            let split = 0.80 + 0.02 * rng.nextGaussian()
            a.append(split + 0.10 + 0.01 * rng.nextGaussian())
            b.append(split + 0.01 * rng.nextGaussian())
        }
        let test = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 0.25)
        #expect(test.corrected.pValue < 0.01)
        #expect(abs(test.meanDifference - 0.1) < 0.01)
        #expect(test.verdict() == "A is better by 0.099 (95% CI 0.083 to 0.114, p < 0.001)")
        #expect(test.verdict("lr 1e-3", "lr 1e-6", direction: .minimize)
                == "lr 1e-6 is better by 0.099 (95% CI 0.083 to 0.114, p < 0.001)")
    }

    @Test func degenerateCasesGiveNumbersNotNaN() throws {
        let one = try SignificanceTest(differences: [0.03], testToTrainRatio: 0.25)
        #expect(one.status == .tooFewPairs)
        #expect(one.corrected.pValue == 1 && one.corrected.statistic == 0)
        #expect(one.corrected.interval == nil && one.corrected.standardError == nil)
        #expect(one.corrected.degreesOfFreedom == 0 && one.standardDeviation == 0)
        #expect(one.note?.contains("at least 2") == true)

        let same = try SignificanceTest(differences: [0, 0, 0, 0], testToTrainRatio: 0.25)
        #expect(same.status == .noSpread && same.corrected.pValue == 1 && same.corrected.statistic == 0)
        #expect(same.corrected.interval == SignificanceTest.Interval(lower: 0, upper: 0, level: 0.95))
        #expect(same.note == "every pair scored the same, so there is no difference to test")

        let constant = try SignificanceTest(differences: [-0.02, -0.02, -0.02], testToTrainRatio: 0.25)
        #expect(constant.status == .noSpread)
        #expect(constant.corrected.pValue == 0 && constant.corrected.statistic == -.infinity)
        #expect(constant.uncorrected.pValue == 0)
        #expect(constant.note?.contains("no spread") == true)

        // Equal differences that rounding made unequal count as equal too.
        let a = [0.3, 0.7, 0.9, 0.1], b = [0.2, 0.6, 0.8, 0.0]
        let rounded = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 0.25)
        #expect(rounded.status == .noSpread && rounded.corrected.pValue == 0)

        // A spread far below 1 still gives finite numbers.
        // Spreads far below 1 or far above it still give finite numbers, the same as at scale 1.
        let unit = try SignificanceTest(differences: [1, -1, 2], testToTrainRatio: 0.25)
        let tiny = try SignificanceTest(differences: [1e-170, -1e-170, 2e-170], testToTrainRatio: 0.25)
        let huge = try SignificanceTest(differences: [1e200, -1e200, 2e200], testToTrainRatio: 0.25)
        #expect(tiny.status == .tested && huge.status == .tested)
        #expect(SignificanceTestTests.close(tiny.corrected.pValue, unit.corrected.pValue))
        #expect(SignificanceTestTests.close(huge.corrected.statistic, unit.corrected.statistic))
        for test in [one, same, constant, rounded, tiny, huge] {
            for outcome in [test.corrected, test.uncorrected] {
                #expect(!outcome.pValue.isNaN && !outcome.statistic.isNaN)
                #expect(outcome.interval.map { !$0.lower.isNaN && !$0.upper.isNaN } ?? true)
            }
        }
    }

    @Test func badInputIsATypedError() {
        func error(_ make: () throws(SignificanceError) -> SignificanceTest) -> SignificanceError? {
            do { _ = try make(); return nil } catch { return error }
        }
        #expect(error { () throws(SignificanceError) in try SignificanceTest(differences: [], testToTrainRatio: 0.25) } == .noPairs)
        #expect(error { () throws(SignificanceError) in try SignificanceTest(scoresA: [1, 2], scoresB: [1], testToTrainRatio: 0.25) }
                == .mismatchedCounts(a: 2, b: 1))
        #expect(error { () throws(SignificanceError) in try SignificanceTest(scoresA: [1, .nan], scoresB: [1, 2], testToTrainRatio: 0.25) }
                == .nonFiniteScore(pair: 1))
        #expect(error { () throws(SignificanceError) in try SignificanceTest(differences: [1, 2], testToTrainRatio: -1) } == .invalidRatio(-1))
        #expect(error { () throws(SignificanceError) in try SignificanceTest(differences: [1, 2], testToTrainRatio: 0.2, confidenceLevel: 1) }
                == .invalidConfidence(1))
        #expect(SignificanceError.nonFiniteScore(pair: 1).message == "the scores of pair 2 are not finite numbers")
        #expect(SignificanceError.noPairs.hint != nil)
        #expect(SignificanceError.noPairs.description.hasSuffix(")"))
    }

    @Test func verdictsInPlainWords() throws {
        let test = try SignificanceTest(differences: SignificanceTestTests.differences, testToTrainRatio: 0.25)
        #expect(test.verdict() == "A is better by 0.020 (95% CI 0.002 to 0.038, p = 0.031)")
        #expect(test.verdict("trial 3", "current") == "trial 3 is better by 0.020 (95% CI 0.002 to 0.038, p = 0.031)")
        // For a loss, a higher score is worse: B wins by the same amount, the interval stays positive.
        #expect(test.verdict(direction: .minimize) == "B is better by 0.020 (95% CI 0.002 to 0.038, p = 0.031)")
        let negated = try SignificanceTest(differences: SignificanceTestTests.differences.map { -$0 }, testToTrainRatio: 0.25)
        #expect(negated.verdict() == "B is better by 0.020 (95% CI 0.002 to 0.038, p = 0.031)")
        #expect(negated.verdict(direction: .minimize) == "A is better by 0.020 (95% CI 0.002 to 0.038, p = 0.031)")
        // The plain test is far more confident: the verdict uses the corrected one.
        let plain = try SignificanceTest(differences: SignificanceTestTests.differences, testToTrainRatio: 0, confidenceLevel: 0.99)
        #expect(plain.verdict() == "A is better by 0.020 (99% CI 0.006 to 0.034, p < 0.001)")

        let null = try SignificanceTest(differences: [0.012, -0.02, 0.015, -0.004, 0.006], testToTrainRatio: 0.25)
        #expect(null.verdict() == "no evidence of a difference (p = 0.86)")

        #expect(try SignificanceTest(differences: [0.03], testToTrainRatio: 0.2).verdict()
                == "too few pairs to tell: 1 pair, and a test needs at least 2")
        #expect(try SignificanceTest(differences: [0, 0], testToTrainRatio: 0.2).verdict("x", "y")
                == "no difference: x and y scored the same in every pair (p = 1)")
        #expect(try SignificanceTest(differences: [-0.25, -0.25], testToTrainRatio: 0.2).verdict()
                == "B is better by 0.25 in every pair (no spread to judge, so p = 0 is a formality)")
        // Large and small differences keep two significant digits.
        let rmse = try SignificanceTest(differences: [12.1, 14.3, 13.2, 12.8, 13.9, 12.5], testToTrainRatio: 0.25)
        #expect(rmse.verdict(direction: .minimize).hasPrefix("B is better by 13 (95% CI "))
        #expect(rmse.verdict(direction: .minimize).hasSuffix("p < 0.001)"))
    }

    @Test func theIntervalExcludesZeroExactlyWhenTheVerdictIsADifference() throws {
        var rng = SeededGenerator(seed: 99)
        for shift in [0.0, 0.005, 0.01, 0.02, 0.04] {
            for _ in 0..<20 {
                let d = (0..<8).map { _ in shift + 0.01 * rng.nextGaussian() }
                let test = try SignificanceTest(differences: d, testToTrainRatio: 1.0 / 7.0)
                let ci = try #require(test.corrected.interval)
                #expect((test.corrected.pValue < 0.05) == !ci.contains(0))
                #expect(test.verdict().hasPrefix("no evidence") == ci.contains(0))
            }
        }
    }

    @Test func formattingHelpers() {
        #expect(SignificanceTest.pText(0.62) == "p = 0.62")
        #expect(SignificanceTest.pText(0.0043) == "p = 0.004")
        #expect(SignificanceTest.pText(0.0496) == "p = 0.050")
        #expect(SignificanceTest.pText(0.00049) == "p < 0.001")
        #expect(SignificanceTest.pText(1) == "p = 1")
        #expect(SignificanceTest.percent(0.95) == "95%" && SignificanceTest.percent(0.999) == "99.9%")
        #expect(SignificanceTest.fixed(-0.0001, 3) == "0.000")
        #expect(SignificanceTest.fixed(-0.0201, 3) == "-0.020")
        #expect(SignificanceTest.decimals(for: 0.031) == 3 && SignificanceTest.decimals(for: 12.5) == 0)
        #expect(SignificanceTest.decimals(for: 0.0009) == 5)
    }
}
