import Foundation
import Testing
@testable import HyperLabKit

@Suite struct ParzenEstimatorTests {
    private func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 * max(1, abs($1)) }
    }

    @Test func bandwidthsFollowTheNeighbourRuleWithTheClip() {
        // Sorted 1, 2, 4, 8 on [0, 10]: the ends use their one neighbour, the middle ones the
        // larger gap; the floor for n = 4 with exponent 1 is 10/6.
        let widths = ParzenEstimator.bandwidths([4, 1, 8, 2], low: 0, high: 10, clipExponent: 1)
        #expect(close(widths, [4, 10.0 / 6, 4, 2]), "\(widths)")
        // With a steeper clip the floor is 10·max(0.01, 6⁻²) and the raw gaps show.
        let narrow = ParzenEstimator.bandwidths([4, 1, 8, 2], low: 0, high: 10, clipExponent: 2)
        #expect(close(narrow, [4, 1, 4, 2]), "\(narrow)")
        // A lone observation reaches to the farther bound; widths never exceed the range.
        #expect(close(ParzenEstimator.bandwidths([3], low: 0, high: 10, clipExponent: 1), [7]))
        #expect(close(ParzenEstimator.bandwidths([0, 10], low: 0, high: 10, clipExponent: 1), [10, 10]))
        // Ties take consecutive ranks in index order: the first copy measures left, the second right.
        let ties = ParzenEstimator.bandwidths([5, 2, 5, 9], low: 0, high: 10, clipExponent: 3)
        #expect(close(ties, [3, 3, 4, 4]), "\(ties)")
    }

    @Test func clipExponentNarrowsOnlyInFewDimensions() {
        #expect(ParzenEstimator.clipExponent(dimensions: 2) == 2)
        #expect(ParzenEstimator.clipExponent(dimensions: 4) == 1.25)
        #expect(ParzenEstimator.clipExponent(dimensions: 6) == 1)
        #expect(ParzenEstimator.clipExponent(dimensions: 20) == 1)
    }

    @Test func radixSortSortsAnyKeys() {
        var g = SeededGenerator(seed: 3)
        for count in [0, 1, 2, 17, 1000] {
            var keys: [UInt64] = []
            for i in 0..<count {
                let random: UInt64 = g.next() >> UInt64(i % 60)
                keys.append(i % 5 == 0 ? UInt64(i % 3) : random)
            }
            let expected = keys.sorted()
            ParzenEstimator.radixSort(&keys)
            #expect(keys == expected)
        }
    }

    @Test func densityIsNormalizedOnTheAxisAndMatchesTheMixture() {
        let coordinates = [0.2, 0.25, 0.9, 0.5]
        let weights = [1.0, 2, 0.5, 1]
        let estimator = ParzenEstimator(rows: [0, 1, 2, 3], coordinates: coordinates, weights: weights,
                                        axes: [.numeric(low: 0, high: 1)], priorWeight: 1, clipExponent: 1)
        let steps = 4000
        let grid = (0..<steps).map { [(Double($0) + 0.5) / Double(steps)] }
        let density = estimator.logDensities(grid).map(exp)
        let integral = density.reduce(0, +) / Double(steps)
        #expect(abs(integral - 1) < 1e-6)
        // Direct evaluation of the weighted truncated normals at one point.
        let widths = ParzenEstimator.bandwidths(coordinates, low: 0, high: 1, clipExponent: 1)
        let mus = coordinates + [0.5], sigmas = widths + [1], w = weights + [1]
        let x = 0.3
        var direct = 0.0
        for i in mus.indices {
            let mass = NormalMath.cdf((1 - mus[i]) / sigmas[i]) - NormalMath.cdf((0 - mus[i]) / sigmas[i])
            direct += w[i] / w.reduce(0, +) * NormalMath.pdf((x - mus[i]) / sigmas[i]) / (sigmas[i] * mass)
        }
        #expect(abs(exp(estimator.logDensities([[x]])[0]) - direct) < 1e-9 * direct)
    }

    @Test func categoricalKernelFavoursObservedChoices() {
        // Choices observed 0, 0, 2 of 3: each row puts 1 + 1/4 on its own choice, 1/4 on the others.
        let estimator = ParzenEstimator(rows: [0, 1, 2], coordinates: [0, 0, 2], weights: [1, 1, 1],
                                        axes: [.categorical(count: 3)], priorWeight: 1)
        let p = estimator.logDensities([[0], [1], [2]]).map(exp)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        #expect(p[0] > p[2] && p[2] > p[1])
        let own = 1.25 / 1.75, other = 0.25 / 1.75
        #expect(abs(p[1] - (3 * other + 1.0 / 3) / 4) < 1e-12)
        #expect(abs(p[0] - (2 * own + other + 1.0 / 3) / 4) < 1e-12)
    }

    @Test func samplesStayInsideAndFollowTheWeights() {
        func fractionBelowHalf(_ weights: [Double]) -> Double {
            let estimator = ParzenEstimator(rows: [0, 1], coordinates: [0.1, 0.9], weights: weights,
                                            axes: [.numeric(low: 0, high: 1)], priorWeight: 0.001, clipExponent: 1)
            var g = SeededGenerator(seed: 11)
            let draws = (0..<4000).map { _ in estimator.sample(using: &g)[0] }
            #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
            return Double(draws.filter { $0 < 0.5 }.count) / Double(draws.count)
        }
        // Both kernels are 0.8 wide (the gap between them): the mixture leans, not splits.
        #expect(fractionBelowHalf([9, 1]) - fractionBelowHalf([1, 9]) > 0.06)
    }
}
