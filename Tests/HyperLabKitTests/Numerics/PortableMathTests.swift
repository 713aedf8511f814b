import Foundation
import Testing
@testable import HyperLabKit

/// `PortableMath` against the C library (within 1 ulp, where both are accurate) and against
/// pinned bits (so a platform whose arithmetic differed would fail here first).
@Suite struct PortableMathTests {
    /// Distance in units in the last place between two finite doubles of the same sign.
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = Int64(bitPattern: a.bitPattern), y = Int64(bitPattern: b.bitPattern)
        return x > y ? UInt64(x - y) : UInt64(y - x)
    }

    static func samples(_ count: Int, seed: Int, in range: ClosedRange<Double>) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * g.nextUnit() }
    }

    @Test func logIsWithinOneUlpOfTheCLibrary() {
        var inputs = Self.samples(20_000, seed: 1, in: 0...1) + Self.samples(20_000, seed: 2, in: 0...1e6)
        inputs += [1, 2, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 0.5, 1.4142135623730951, 0.7071067811865476]
        for x in inputs where x > 0 {
            #expect(Self.ulps(PortableMath.log(x), Foundation.log(x)) <= 1, "log(\(x))")
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN && PortableMath.log(.nan).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
    }

    @Test func expIsWithinOneUlpOfTheCLibrary() {
        let inputs = Self.samples(20_000, seed: 6, in: -1...1) + Self.samples(20_000, seed: 7, in: -745...709)
            + [0, 1e-30, -1e-30, 0.5 * 0.6931471805599453, 709.78, -745]
        for x in inputs {
            let mine = PortableMath.exp(x), theirs = Foundation.exp(x)
            // Subnormal results carry fewer bits: compare them absolutely.
            #expect(Self.ulps(mine, theirs) <= 1 || (theirs < 1e-300 && abs(mine - theirs) <= 2 * Double.leastNonzeroMagnitude), "exp(\(x))")
        }
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(710) == .infinity && PortableMath.exp(-746) == 0)
        #expect(PortableMath.exp(.nan).isNaN)
        #expect(PortableMath.exp(-.infinity) == 0 && PortableMath.exp(.infinity) == .infinity)
    }

    @Test func sinAndCosAreWithinOneUlpOfTheCLibrary() {
        let inputs = Self.samples(20_000, seed: 3, in: -7...7) + Self.samples(5_000, seed: 4, in: -1000...1000)
        for x in inputs {
            let (s, c) = (PortableMath.sin(x), PortableMath.cos(x))
            // Near a zero of the function, compare absolutely: both are within 1e-16 of it there.
            #expect(Self.ulps(s, Foundation.sin(x)) <= 1 || abs(s - Foundation.sin(x)) < 1e-16, "sin(\(x))")
            #expect(Self.ulps(c, Foundation.cos(x)) <= 1 || abs(c - Foundation.cos(x)) < 1e-16, "cos(\(x))")
        }
        #expect(PortableMath.sin(0) == 0 && PortableMath.cos(0) == 1)
        #expect(PortableMath.sin(.infinity).isNaN && PortableMath.cos(.nan).isNaN)
        #expect(PortableMath.cos(PortableMath.trigonometricLimit).isNaN)
    }

    @Test func powerIsRepeatedSquaring() {
        #expect(PortableMath.power(0.9, 0) == 1)
        #expect(PortableMath.power(0.9, 1) == 0.9)
        #expect(PortableMath.power(2, 10) == 1024)
        #expect(PortableMath.power(0.9, 2) == 0.9 * 0.9)
        for t in [3, 17, 1000, 123_456] {
            #expect(abs(PortableMath.power(0.999, t) / Foundation.pow(0.999, Double(t)) - 1) < 1e-11, "t = \(t)")
        }
    }

    /// The bits of a few hundred values, summed: fixed on every machine (a change in an
    /// algorithm or coefficient shows here, and so would a platform that rounds differently).
    @Test func pinnedBits() {
        let inputs = Self.samples(300, seed: 5, in: 1e-3...50)
        var logSum: UInt64 = 0, trigSum: UInt64 = 0, expSum: UInt64 = 0
        for x in inputs {
            logSum &+= PortableMath.log(x).bitPattern
            trigSum &+= PortableMath.sin(x).bitPattern &+ PortableMath.cos(x).bitPattern
            expSum &+= PortableMath.exp(x - 25).bitPattern
        }
        #expect(expSum == 14_792_601_879_996_404_938, "exp checksum")
        #expect(logSum == 9_669_098_651_803_306_658, "log checksum")
        #expect(trigSum == 3_804_000_677_750_427_178, "sin/cos checksum")
    }
}
