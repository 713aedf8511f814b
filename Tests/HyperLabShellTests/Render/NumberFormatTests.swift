import Testing
@testable import HyperLabShell

@Suite struct NumberFormatTests {
    @Test func metricsKeepThreeSignificantDigits() {
        #expect(NumberFormat.metric(0.97222) == "0.972")
        #expect(NumberFormat.metric(0.0345) == "0.0345")
        #expect(NumberFormat.metric(12.5) == "12.5")
        #expect(NumberFormat.metric(100) == "100")
        #expect(NumberFormat.metric(123456) == "123456")
        #expect(NumberFormat.metric(0.9996) == "1")
        #expect(NumberFormat.metric(0.001) == "0.001")
        #expect(NumberFormat.metric(0) == "0")
        #expect(NumberFormat.metric(-0.0) == "0")
    }

    @Test func smallAndLargeValuesAreScientific() {
        #expect(NumberFormat.metric(1e-4) == "1e-04")
        #expect(NumberFormat.metric(0.0003) == "3e-04")
        #expect(NumberFormat.metric(2.5e-5) == "2.5e-05")
        #expect(NumberFormat.metric(-1e-5) == "-1e-05")
        #expect(NumberFormat.metric(3e6) == "3e+06")
        #expect(NumberFormat.scientific(0.000123456, significant: 4) == "1.235e-04")
    }

    @Test func scientificTextReadsBackAsTheNumber() {
        for value in [1e-4, 3e-4, 2.5e-5, 3e6, 1.23e-7] {
            #expect(Double(NumberFormat.metric(value)) == value)
        }
    }

    @Test func nonFiniteValuesHaveNames() {
        #expect(NumberFormat.metric(.nan) == "nan")
        #expect(NumberFormat.metric(.infinity) == "inf")
        #expect(NumberFormat.metric(-.infinity) == "-inf")
    }

    @Test func durationsReadLikeAClock() {
        #expect(NumberFormat.duration(seconds: 0.35) == "350 ms")
        #expect(NumberFormat.duration(seconds: 1.23) == "1.2 s")
        #expect(NumberFormat.duration(seconds: 9.96) == "10 s")
        #expect(NumberFormat.duration(seconds: 42.4) == "42 s")
        #expect(NumberFormat.duration(seconds: 59.6) == "1 m 00 s")
        #expect(NumberFormat.duration(seconds: 184) == "3 m 04 s")
        #expect(NumberFormat.duration(seconds: 3725) == "1 h 02 m")
        #expect(NumberFormat.duration(seconds: -1) == "0 ms")
        #expect(NumberFormat.duration(seconds: .nan) == "0 ms")
    }

    @Test func ticksShareTheirDecimals() {
        #expect(NumberFormat.ticks([0, 0.5, 1, 1.5], step: 0.5) == ["0.0", "0.5", "1.0", "1.5"])
        #expect(NumberFormat.ticks([0.9, 0.92, 0.94], step: 0.02) == ["0.90", "0.92", "0.94"])
        #expect(NumberFormat.ticks([0, 10, 20], step: 10) == ["0", "10", "20"])
        #expect(NumberFormat.ticks([0, 2e6, 4e6], step: 2e6) == ["0", "2e+06", "4e+06"])
    }

    @Test func percentagesAreWholeAndClamped() {
        #expect(NumberFormat.percent(0.35) == "35%")
        #expect(NumberFormat.percent(1.2) == "100%")
        #expect(NumberFormat.percent(-1) == "0%")
    }
}
