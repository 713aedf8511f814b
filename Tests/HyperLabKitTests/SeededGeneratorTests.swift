import Testing
@testable import HyperLabKit

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameStream() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test func differentSeedsDiffer() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 2)
        #expect((0..<10).map { _ in a.next() } != (0..<10).map { _ in b.next() })
    }

    @Test func derivedStreamsDoNotDependOnDraws() {
        var a = SeededGenerator(seed: 7)
        let before = a.derived("shuffle")
        _ = a.next()
        #expect(a.derived("shuffle") == before)
        #expect(a.derived("shuffle") != a.derived("init"))
        #expect(a.derived(3) != a.derived(4))
    }

    @Test func unitDrawsAreInRange() {
        var g = SeededGenerator(seed: 9)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = g.nextUnit()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }
}
