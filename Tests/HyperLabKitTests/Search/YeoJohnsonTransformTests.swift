import Foundation
import Testing
@testable import HyperLabKit

/// The power transform the GP sampler warps its scores with: increasing for every λ, the
/// identity at λ = 1, and fitted so a skewed sample comes out closer to symmetric.
@Suite struct YeoJohnsonTransformTests {
    @Test func lambdaOneIsTheIdentityAndZeroAndTwoAreLogs() {
        let identity = YeoJohnsonTransform(lambda: 1)
        for y in [-3.0, -0.5, 0, 0.25, 7] { #expect(abs(identity(y) - y) < 1e-12) }
        #expect(abs(YeoJohnsonTransform(lambda: 0)(3) - log(4)) < 1e-12)
        #expect(abs(YeoJohnsonTransform(lambda: 2)(-3) + log(4)) < 1e-12)
    }

    @Test(arguments: [-3.0, -1, 0, 0.5, 1, 2, 3])
    func everyLambdaKeepsTheOrder(lambda: Double) {
        let warp = YeoJohnsonTransform(lambda: lambda)
        let ys = stride(from: -5.0, through: 5, by: 0.25).map { warp($0) }
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aLongLowTailIsStretchedAtTheTopAndALongHighTailAtTheBottom() {
        // Scores to maximize with a few very bad trials, as a negated Branin gives.
        let lowTail = [-6.0, -3, -1, -0.4, -0.2, -0.1, 0, 0.05, 0.1, 0.12]
        let up = YeoJohnsonTransform(fittedTo: lowTail)
        #expect(up.lambda > 1)
        #expect(abs(Self.skewness(up.standardized(lowTail))) < abs(Self.skewness(lowTail)))
        let highTail = lowTail.map { -$0 }
        let down = YeoJohnsonTransform(fittedTo: highTail)
        #expect(down.lambda < 1)
        #expect(abs(Self.skewness(down.standardized(highTail))) < abs(Self.skewness(highTail)))
    }

    @Test func theBestStaysBestAndTheOutputIsStandardized() {
        let sample = [-40.0, -12, -3, -1.5, -0.9, -0.41, -0.4]
        let warped = YeoJohnsonTransform(fittedTo: sample).standardized(sample)
        #expect(warped.firstIndex(of: warped.max() ?? 0) == sample.firstIndex(of: sample.max() ?? 0))
        let mean = warped.reduce(0, +) / Double(warped.count)
        let variance = warped.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(warped.count)
        #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-9)
    }

    @Test func tooFewDistinctValuesLeaveTheSampleAsItIs() {
        #expect(YeoJohnsonTransform(fittedTo: [1, 1, 2, 2]).lambda == 1)
        #expect(YeoJohnsonTransform(fittedTo: [3, 3, 3]).standardized([3, 3, 3]) == [0, 0, 0])
    }

    private static func skewness(_ x: [Double]) -> Double {
        let n = Double(x.count)
        let m = x.reduce(0, +) / n
        let s2 = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
        return x.reduce(0) { $0 + pow($1 - m, 3) } / n / pow(s2, 1.5)
    }
}
