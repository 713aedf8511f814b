import Testing
@testable import HyperLabShell

@Suite struct AxisTests {
    @Test func linearTicksAreNiceNumbersCoveringTheData() {
        let axis = Axis.linear(low: 0.903, high: 0.968, targetTicks: 5)
        #expect(axis.tickLabels == ["0.90", "0.92", "0.94", "0.96", "0.98"])
        #expect(axis.intervals == 4)
        #expect(abs((axis.fraction(0.94) ?? 0) - 0.5) < 1e-9)
    }

    @Test func integerAxesTickAtWholeNumbers() {
        let axis = Axis.linear(low: 1, high: 3, targetTicks: 6, integers: true)
        #expect(axis.tickLabels == ["1", "2", "3"])
    }

    @Test func aConstantSeriesStillGetsARange() {
        let axis = Axis.linear(low: 0.5, high: 0.5, targetTicks: 4)
        #expect(axis.low < 0.5 && axis.high > 0.5)
    }

    @Test func wideLogAxesTickAtPowersOfTen() {
        let axis = Axis.logarithmic(low: 2e-5, high: 0.08, targetTicks: 6)
        #expect(axis.tickLabels == ["1e-05", "1e-04", "0.001", "0.01", "0.1"])
        #expect(axis.tickPositions == [0, 0.25, 0.5, 0.75, 1])
        #expect(axis.fraction(0) == nil)
        #expect(axis.fraction(-1) == nil)
    }

    @Test func manyDecadesAreLabelledEveryFewDecades() {
        let axis = Axis.logarithmic(low: 1e-8, high: 1, targetTicks: 4)
        #expect(axis.tickLabels == ["1e-08", "1e-06", "1e-04", "0.01", "1"])
    }

    @Test func narrowLogAxesTickAtOneTwoFive() {
        let axis = Axis.logarithmic(low: 0.05, high: 1.2, targetTicks: 5)
        #expect(axis.tickLabels == ["0.05", "0.1", "0.2", "0.5", "1"])
    }

    @Test func anExactRangeHasTicksInside() {
        let axis = Axis.inside(low: -1.3, high: 2.4, targetTicks: 4)
        #expect(axis.tickLabels == ["-1", "0", "1", "2"])
        #expect(axis.low == -1.3 && axis.high == 2.4)
    }
}
