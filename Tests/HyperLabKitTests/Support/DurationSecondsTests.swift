import Testing
import HyperLabKit

@Suite struct DurationSecondsTests {
    @Test func secondsIncludeTheFraction() {
        #expect(Duration.milliseconds(1500).inSeconds == 1.5)
        #expect(Duration.seconds(60).inSeconds == 60)
        #expect(Duration.zero.inSeconds == 0)
        #expect(abs(Duration.microseconds(250).inSeconds - 0.00025) < 1e-15)
    }
}
