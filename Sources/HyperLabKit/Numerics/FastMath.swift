/// Branch-free Float32 elementary functions that the compiler can vectorize in loops over
/// contiguous buffers (libm's `expf`/`tanhf` are opaque calls, 3–12 ns each).
///
/// `exp` is Cephes' `expf` (range reduction by `n = round(x·log₂e)`, a degree-6 polynomial on
/// |r| ≤ ln2/2, scaling by 2ⁿ through the exponent bits); relative error below 2·10⁻⁷ on
/// [-87, 88]. Inputs are clamped to that range (so `exp(-200)` returns about 1.6·10⁻³⁸, not 0);
/// NaN stays NaN.
///
/// `squareRoot` exists because `Float.squareRoot()` on Linux is C's `sqrtf` with its errno
/// branch, which keeps loops scalar.
enum FastMath {
    /// √x for x ≥ 0: an inverse square root from the exponent bits refined by three Newton steps,
    /// times x. Relative error below 2·10⁻⁷ for normal x; exactly 0 at 0; about 10 % off for
    /// subnormal x (below 1.2·10⁻³⁸), where callers add an ε far larger anyway.
    @inline(__always)
    static func squareRoot(_ x: Float) -> Float {
        var y = Float(bitPattern: 0x5F37_59DF &- (x.bitPattern >> 1))
        let half = 0.5 * x
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return x * y
    }

    /// eˣ for x in [-87.3, 88.3], clamped outside.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        var x = x
        x = x < -87.3 ? -87.3 : x
        x = x > 88.3 ? 88.3 : x
        let magic: Float = 12_582_912 // 1.5·2²³: adding it rounds to an integer kept in the low mantissa bits
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        let r = x - n * 0.693_359_375 - n * -2.121_944_4e-4
        let r2 = r * r
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let e = p * r2 + r + 1
        let exponentBits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23
        return e * Float(bitPattern: exponentBits)
    }

    /// tanh(x): its Taylor polynomial to x¹¹ for |x| < 0.25 (truncation error below 10⁻⁹ relative),
    /// else (1 − e)/(1 + e) with e = e^(−2|x|); relative error about 3·10⁻⁷.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let ax = Float(bitPattern: x.bitPattern & 0x7FFF_FFFF)
        let e = exp(-2 * ax)
        let large = (1 - e) / (1 + e)
        let x2 = ax * ax
        var poly: Float = -1382.0 / 155_925
        poly = poly * x2 + 62.0 / 2835
        poly = poly * x2 - 17.0 / 315
        poly = poly * x2 + 2.0 / 15
        poly = poly * x2 - 1.0 / 3
        let small = ax + ax * x2 * poly
        let magnitude = ax < 0.25 ? small : large
        return Float(bitPattern: magnitude.bitPattern | (x.bitPattern & 0x8000_0000))
    }

    /// The logistic function 1 / (1 + e⁻ˣ).
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
