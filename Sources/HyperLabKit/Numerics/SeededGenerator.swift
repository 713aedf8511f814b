/// The one seeded random generator of HyperLab: xoshiro256** seeded through SplitMix64.
///
/// Every random stream (splits, initialization, shuffling, dropout, samplers) is a
/// `SeededGenerator` made from an explicit seed, so the same script prints the same
/// numbers on every run. Independent streams come from `derived(_:)`.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let shuffle = rng.derived("shuffle")   // independent of `rng`'s own draws
/// let x = Double.random(in: 0..<1, using: &rng)
/// ```
///
/// Algorithm: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (2021).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The seed this generator was created from.
    public let seed: UInt64

    /// Creates a generator whose whole state is expanded from `seed` with SplitMix64.
    public init(seed: UInt64) {
        self.seed = seed
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// Creates a generator from a signed seed (as typed by a user).
    public init(seed: Int) { self.init(seed: UInt64(bitPattern: Int64(seed))) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// An independent stream for `purpose`, derived from this generator's seed only
    /// (not from how many numbers were drawn), so adding draws elsewhere never shifts it.
    public func derived(_ purpose: String) -> SeededGenerator {
        SeededGenerator(seed: SeededGenerator.mix(seed, SeededGenerator.hash(purpose)))
    }

    /// An independent stream numbered `index` (trial n, fold k, repeat r).
    public func derived(_ index: Int) -> SeededGenerator {
        SeededGenerator(seed: SeededGenerator.mix(seed, UInt64(bitPattern: Int64(index)) &+ 0x5851_F42D_4C95_7F2D))
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal draw (Box–Muller through `PortableMath`; one value per call, the same bits on every machine).
    public mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= .leastNonzeroMagnitude { u = nextUnit() }
        let v = nextUnit()
        return (-2 * PortableMath.log(u)).squareRoot() * PortableMath.cos(2 * .pi * v)
    }

    /// A seed mixed from two values (SplitMix64 finalizer over both).
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var sm = SplitMix64(state: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
        _ = sm.next()
        return sm.next()
    }

    /// A stable 64-bit FNV-1a hash of a string (Swift's `hashValue` is randomized per process).
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}

@inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// SplitMix64 (Steele, Lea & Flood 2014): expands one 64-bit seed into well-mixed words.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
