import Testing
@testable import HyperLabKit

/// Each schedule, with and without warm-up, against rates worked out by hand.
@Suite struct LearningRateScheduleTests {
    static func rates(_ kind: LearningRateSchedule.Kind, warmup: Int = 0, step: Int = 3, gamma: Double = 0.5,
                      epochs: Int = 10) -> [Double] {
        let s = LearningRateSchedule(kind: kind, baseRate: 1, warmup: warmup, stepSize: step, gamma: gamma, epochs: epochs)
        return (0..<epochs).map { s.rate(epoch: $0) }
    }

    static func expectClose(_ got: [Double], _ expected: [Double]) {
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(abs(g - e) < 1e-12, "got \(g), expected \(e)") }
    }

    @Test func constant() {
        LearningRateScheduleTests.expectClose(LearningRateScheduleTests.rates(.constant, epochs: 3), [1, 1, 1])
    }

    @Test func stepDecay() {
        LearningRateScheduleTests.expectClose(LearningRateScheduleTests.rates(.step, epochs: 8),
                                              [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25])
    }

    @Test func exponential() {
        LearningRateScheduleTests.expectClose(LearningRateScheduleTests.rates(.exponential, epochs: 4), [1, 0.5, 0.25, 0.125])
    }

    @Test func cosineFallsTowardsZero() {
        // ½(1 + cos(πk/4)) for k = 0...3: 1, 0.853553, 0.5, 0.146447.
        LearningRateScheduleTests.expectClose(LearningRateScheduleTests.rates(.cosine, epochs: 4),
                                              [1, 0.5 * (1 + 0.5.squareRoot()), 0.5, 0.5 * (1 - 0.5.squareRoot())])
    }

    @Test func linearWarmupThenDecay() {
        // warm-up 2: 1/3, 2/3, then step decay counted from the end of warm-up.
        LearningRateScheduleTests.expectClose(LearningRateScheduleTests.rates(.step, warmup: 2, epochs: 10),
                                              [1.0 / 3, 2.0 / 3, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25])
        // cosine over the 8 epochs after warm-up: k = 4 gives 0.5.
        let cosine = LearningRateScheduleTests.rates(.cosine, warmup: 2, epochs: 10)
        #expect(abs(cosine[6] - 0.5) < 1e-12 && abs(cosine[2] - 1) < 1e-12)
    }

    @Test func fromConfiguration() throws {
        let c = LearningFixtures.configuration(["schedule": .word("exponential"), "gamma": .real(0.9), "lr": .real(0.1),
                                                "warmup": .integer(1)])
        let s = try LearningRateSchedule(configuration: c)
        #expect(abs(s.rate(epoch: 0) - 0.05) < 1e-12)
        #expect(abs(s.rate(epoch: 2) - 0.09) < 1e-12)
    }
}
