/// Elementary functions in Double written with IEEE 754 operations only (+, −, ×, ÷, √,
/// comparisons and bit manipulation), so they return the same bits on every CPU and every
/// operating system; the C library's `log` and `cos` differ between libraries (glibc, Apple's,
/// musl) and even between a library's CPU-specific variants.
///
/// The algorithms and coefficients are fdlibm's (Sun Microsystems, 1993, as also used by musl):
/// - `exp`: x = k·ln2 + r with |r| ≤ ln2/2, then a degree-5 minimax rational form in r
///   (Remez), scaled by 2ᵏ; error below 1 ulp.
/// - `log`: x = 2ᵏ·(1 + f) with √2/2 < 1 + f < √2, then log(1 + f) = f − s·(f − R(s²)) with
///   s = f/(2 + f) and a degree-14 minimax polynomial R; error below 1 ulp.
/// - `sin`, `cos`: reduction by π/2 in three parts (Cody–Waite, exact products for |x| < 2²⁰),
///   then degree-13 (sin) and degree-14 (cos) minimax polynomials on |r| ≤ π/4 with the
///   reduction's tail; error below 1 ulp for |x| < 2²⁰ (the whole range HyperLab uses).
///
/// Swift never fuses `a * b + c` into one instruction, so the code below rounds the same way
/// everywhere; the tests compare it with the C library to well under 2 ulp.
public enum PortableMath {
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let lg1 = 6.666666666666735130e-01
    private static let lg2 = 3.999999999940941908e-01
    private static let lg3 = 2.857142874366239149e-01
    private static let lg4 = 2.222219843214978396e-01
    private static let lg5 = 1.818357216161805012e-01
    private static let lg6 = 1.531383769920937332e-01
    private static let lg7 = 1.479819860511658591e-01

    /// The natural logarithm: −∞ at 0, NaN below 0 and for NaN, +∞ at +∞.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var m = x.significand // in [1, 2), exact, subnormals included
        var k = Double(x.exponent)
        if m > 1.4142135623730951 {
            m *= 0.5
            k += 1
        }
        let f = m - 1 // exact (Sterbenz)
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        let halfSquare = 0.5 * f * f
        return k * ln2High - ((halfSquare - (s * (halfSquare + r) + k * ln2Low)) - f)
    }

    private static let inverseLn2 = 1.44269504088896338700e+00
    private static let p1 = 1.66666666666666019037e-01
    private static let p2 = -2.77777777770155933842e-03
    private static let p3 = 6.61375632143793436117e-05
    private static let p4 = -1.65339022054652515390e-06
    private static let p5 = 4.13813679705723846039e-08

    /// eˣ: +∞ above about 709.78, 0 below about −745.13, NaN for NaN.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893383973096 { return .infinity }
        if x < -745.13321910194110842 { return 0 }
        if abs(x) < 0x1p-28 { return 1 + x }
        // x = k·ln2 + r with |r| ≤ ln2/2; r is carried as hi − lo.
        let k = (x * inverseLn2).rounded(.toNearestOrEven)
        let hi = x - k * ln2High // exact: ln2High has 32 significant bits and |k| < 1075
        let lo = k * ln2Low
        let r = hi - lo
        let t = r * r
        let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
        // y·2ᵏ in two steps, so that neither factor over- or underflows on its own.
        let half = Int(k) / 2
        return y * Double(sign: .plus, exponent: half, significand: 1)
                 * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }

    private static let inversePiOverTwo = 6.36619772367581382433e-01
    private static let piOverTwo1 = 1.57079632673412561417e+00
    private static let piOverTwo2 = 6.07710050630396597660e-11
    private static let piOverTwo2Tail = 2.02226624879595063154e-21

    /// x = n·π/2 + (head + tail) with |head| ≤ π/4 (about), for |x| < 2²⁰.
    private static func reduced(_ x: Double) -> (quadrant: Int, head: Double, tail: Double) {
        let n = (x * inversePiOverTwo).rounded(.toNearestOrEven)
        let first = x - n * piOverTwo1 // n·piOverTwo1 is exact: 33 + 20 bits
        let product = n * piOverTwo2 // exact likewise
        let r = first - product
        let w = n * piOverTwo2Tail - ((first - r) - product)
        let head = r - w
        let tail = (r - head) - w
        return (Int(n) & 3, head, tail)
    }

    private static let s1 = -1.66666666666666324348e-01
    private static let s2 = 8.33333333332248946124e-03
    private static let s3 = -1.98412698298579493134e-04
    private static let s4 = 2.75573137070700676789e-06
    private static let s5 = -2.50507602534068634195e-08
    private static let s6 = 1.58969099521155010221e-10

    /// sin(x + y) for |x| ≤ π/4 and a tail |y| ≪ ulp(x).
    private static func sinKernel(_ x: Double, _ y: Double) -> Double {
        let z = x * x
        let v = z * x
        let r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))
        return x - ((z * (0.5 * y - v * r) - y) - v * s1)
    }

    private static let c1 = 4.16666666666666019037e-02
    private static let c2 = -1.38888888888741095749e-03
    private static let c3 = 2.48015872894767294178e-05
    private static let c4 = -2.75573143513906633035e-07
    private static let c5 = 2.08757232129817482790e-09
    private static let c6 = -1.13596475577881948265e-11

    /// cos(x + y) for |x| ≤ π/4 and a tail |y| ≪ ulp(x).
    private static func cosKernel(_ x: Double, _ y: Double) -> Double {
        let z = x * x
        let r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))))
        let halfZ = 0.5 * z
        let w = 1 - halfZ
        return w + (((1 - w) - halfZ) + (z * r - x * y))
    }

    /// The largest magnitude `sin` and `cos` reduce exactly.
    public static let trigonometricLimit = 1_048_576.0

    /// The sine of x (radians). Precondition-free: NaN for NaN, ±∞ or |x| ≥ 2²⁰.
    public static func sin(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < trigonometricLimit else { return .nan }
        if abs(x) <= 0.7853981633974483 { return sinKernel(x, 0) }
        let (q, head, tail) = reduced(x)
        switch q {
        case 0: return sinKernel(head, tail)
        case 1: return cosKernel(head, tail)
        case 2: return -sinKernel(head, tail)
        default: return -cosKernel(head, tail)
        }
    }

    /// The cosine of x (radians). NaN for NaN, ±∞ or |x| ≥ 2²⁰.
    public static func cos(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < trigonometricLimit else { return .nan }
        if abs(x) <= 0.7853981633974483 { return cosKernel(x, 0) }
        let (q, head, tail) = reduced(x)
        switch q {
        case 0: return cosKernel(head, tail)
        case 1: return -sinKernel(head, tail)
        case 2: return -cosKernel(head, tail)
        default: return sinKernel(head, tail)
        }
    }

    /// xⁿ for an integer n ≥ 0 by repeated squaring: at most 2·log₂n + 1 roundings, the same
    /// ones on every machine (the C library's `pow` is correctly rounded on some and not others).
    public static func power(_ x: Double, _ n: Int) -> Double {
        precondition(n >= 0, "power takes a non-negative integer exponent")
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
        }
        return result
    }
}
