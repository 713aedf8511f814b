/// The Sobol low-discrepancy sequence in up to 32 dimensions, Owen-scrambled.
///
/// Direction numbers: Joe & Kuo (2008), "Constructing Sobol sequences with better
/// two-dimensional projections" (the `new-joe-kuo-6.21201` set, dimensions 1–32).
/// Scrambling: nested uniform (Owen) scrambling by the hash of Laine & Karras as improved by
/// Burley (2020), "Practical hash-based Owen scrambling", one independent seed per dimension.
/// Owen scrambling keeps the net property: for every m, the first 2^m points put exactly one
/// point in each interval [k/2^m, (k+1)/2^m) of every coordinate.
///
/// ```swift
/// let sobol = SobolSequence(dimensions: 3, seed: 42)
/// let p = sobol.point(5)   // three numbers in [0, 1)
/// ```
public struct SobolSequence: Sendable, Hashable {
    /// The largest supported dimension.
    public static let maxDimensions = 32

    /// The number of coordinates of each point.
    public let dimensions: Int
    private let directions: [[UInt32]]   // [dimension][bit 0..<32]
    private let seeds: [UInt32]

    /// A scrambled sequence; `dimensions` is capped at `maxDimensions`.
    public init(dimensions: Int, seed: UInt64) {
        let d = min(max(dimensions, 0), SobolSequence.maxDimensions)
        self.dimensions = d
        directions = (0..<d).map(SobolSequence.directionNumbers)
        let base = SeededGenerator(seed: seed).derived("sobol")
        seeds = (0..<d).map { i in
            var g = base.derived(i)
            return UInt32(truncatingIfNeeded: g.next() >> 32)
        }
    }

    /// Point `index` (from 0), each coordinate in [0, 1).
    public func point(_ index: Int) -> [Double] {
        let n = UInt32(truncatingIfNeeded: index)
        return (0..<dimensions).map { d in
            var x: UInt32 = 0
            var bits = n
            var k = 0
            while bits != 0 {
                if bits & 1 != 0 { x ^= directions[d][k] }
                bits >>= 1
                k += 1
            }
            let scrambled = SobolSequence.nestedUniformScramble(x, seed: seeds[d])
            return Double(scrambled) * 0x1.0p-32
        }
    }

    /// The unscrambled point `index` (for tests of the direction numbers).
    static func rawPoint(_ index: Int, dimensions: Int) -> [UInt32] {
        let n = UInt32(truncatingIfNeeded: index)
        return (0..<min(dimensions, maxDimensions)).map { d in
            let v = directionNumbers(d)
            var x: UInt32 = 0
            for k in 0..<32 where (n >> UInt32(k)) & 1 != 0 { x ^= v[k] }
            return x
        }
    }

    /// Owen scrambling of the bits of `x`, most significant first (Burley 2020).
    static func nestedUniformScramble(_ x: UInt32, seed: UInt32) -> UInt32 {
        var v = x.bitReversed
        v = v &+ seed
        v ^= v &* 0x6c50_b47c
        v ^= v &* 0xb82f_1e52
        v ^= v &* 0xc7af_e638
        v ^= v &* 0x8d22_f6e6
        return v.bitReversed
    }

    /// The 32 direction numbers of dimension `d` (0-based), scaled to 32 bits.
    static func directionNumbers(_ d: Int) -> [UInt32] {
        var v = [UInt32](repeating: 0, count: 32)
        if d == 0 {
            for k in 0..<32 { v[k] = 1 << UInt32(31 - k) }
            return v
        }
        let (s, a, m) = joeKuo[d - 1]
        for k in 0..<min(s, 32) { v[k] = m[k] << UInt32(31 - k) }
        if s < 32 {
            for k in s..<32 {
                var value = v[k - s] ^ (v[k - s] >> UInt32(s))
                for j in 1..<s where (a >> (s - 1 - j)) & 1 != 0 { value ^= v[k - j] }
                v[k] = value
            }
        }
        return v
    }

    /// (degree s, coefficients a, initial m_1...m_s) for dimensions 2–32.
    private static let joeKuo: [(Int, Int, [UInt32])] = [
        (1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]), (4, 4, [1, 3, 5, 13]), (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]), (5, 7, [1, 1, 7, 11, 19]), (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]), (5, 14, [1, 3, 5, 5, 31]), (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]), (6, 16, [1, 3, 1, 13, 27, 49]), (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]), (6, 25, [1, 1, 5, 5, 19, 61]),
        (7, 1, [1, 3, 7, 11, 23, 15, 103]), (7, 4, [1, 3, 7, 13, 13, 15, 69]),
        (7, 7, [1, 1, 3, 13, 7, 35, 63]), (7, 8, [1, 3, 5, 9, 1, 25, 53]),
        (7, 14, [1, 3, 1, 13, 9, 35, 107]), (7, 19, [1, 3, 1, 5, 27, 61, 31]),
        (7, 21, [1, 1, 5, 11, 19, 41, 61]), (7, 28, [1, 3, 5, 3, 3, 13, 69]),
        (7, 31, [1, 1, 7, 13, 1, 19, 1]), (7, 32, [1, 3, 7, 5, 13, 19, 59]),
        (7, 37, [1, 1, 3, 9, 25, 29, 41]), (7, 41, [1, 3, 5, 13, 23, 1, 55]),
        (7, 42, [1, 3, 7, 3, 13, 59, 17]),
    ]
}

extension UInt32 {
    /// The bits in reverse order.
    var bitReversed: UInt32 {
        var x = self
        x = ((x >> 1) & 0x5555_5555) | ((x & 0x5555_5555) << 1)
        x = ((x >> 2) & 0x3333_3333) | ((x & 0x3333_3333) << 2)
        x = ((x >> 4) & 0x0F0F_0F0F) | ((x & 0x0F0F_0F0F) << 4)
        x = ((x >> 8) & 0x00FF_00FF) | ((x & 0x00FF_00FF) << 8)
        return (x >> 16) | (x << 16)
    }
}
