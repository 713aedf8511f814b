import Testing
@testable import HyperLabKit

@Suite struct RegressionMetricsTests {
    @Test func matchesHandComputedValues() {
        let m = RegressionMetrics(targets: [3, -0.5, 2, 7], predictions: [2.5, 0, 2, 8])
        // squared errors 0.25 0.25 0 1: MSE 0.375
        #expect(abs(m.rmse - 0.375.squareRoot()) < 1e-12)
        #expect(m.mae == 0.5)
        // mean 2.875, SS_tot 29.1875, SS_res 1.5
        #expect(abs(m.r2 - (1 - 1.5 / 29.1875)) < 1e-12)
    }

    /// scikit-learn 1.9.1: `sqrt(mean_squared_error)`, `mean_absolute_error`, `r2_score`.
    @Test func matchesScikitLearn() {
        let m = RegressionMetrics(targets: [3.0, -0.5, 2.0, 7.0, 4.2, 1.1, 0.0, 5.5, 2.2, 3.3],
                                  predictions: [2.5, 0.0, 2.0, 8.0, 3.9, 1.5, -0.4, 5.0, 2.9, 3.0])
        #expect(abs(m.rmse - 0.523450093132096) < 1e-12)
        #expect(abs(m.mae - 0.45999999999999996) < 1e-12)
        #expect(abs(m.r2 - 0.9449755000401638) < 1e-12)
    }

    @Test func constantTargetsGiveZeroR2() {
        #expect(RegressionMetrics(targets: [2, 2], predictions: [1, 3]).r2 == 0)
    }
}
