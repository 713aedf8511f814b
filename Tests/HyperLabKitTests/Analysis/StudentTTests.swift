import Testing
@testable import HyperLabKit

/// Reference values from SciPy 1.17.1, computed once with this script:
///
/// ```python
/// from scipy import stats, special
/// for df in [1, 2, 3, 4, 9, 29, 100, 1000]:
///     for t in [0.0, 0.5, 1.0, 1.96, 3.0, 10.0, 50.0]:
///         print(f"({df}, {t!r}, {stats.t.sf(t, df)!r}),")
/// for df in [1, 2, 4, 9, 29, 99]:
///     for p in [0.6, 0.9, 0.975, 0.995, 0.9999]:
///         print(f"({df}, {p!r}, {stats.t.ppf(p, df)!r}),")
/// for a, b, x in [(0.5,0.5,0.3), (2,3,0.4), (10,0.5,0.9), (0.5,10,0.01), (50,50,0.55), (1,1,0.25), (3.5,0.5,0.999)]:
///     print(f"({a!r}, {b!r}, {x!r}, {special.betainc(a, b, x)!r}),")
/// ```
@Suite struct StudentTTests {
    /// (degrees of freedom, t, P(T > t)).
    static let survival: [(Double, Double, Double)] = [
        (1, 0.0, 0.5), (1, 0.5, 0.35241638234956674), (1, 1.0, 0.25000000000000006),
        (1, 1.96, 0.15017144588801656), (1, 3.0, 0.10241638234956672), (1, 10.0, 0.03172551743055357),
        (1, 50.0, 0.006365349100972797),
        (2, 0.0, 0.5), (2, 0.5, 0.33333333333333337), (2, 1.0, 0.2113248654051871),
        (2, 1.96, 0.09452865480086614), (2, 3.0, 0.04773298313335456), (2, 10.0, 0.004926228511662845),
        (2, 50.0, 0.00019988007994404028),
        (3, 0.0, 0.5), (3, 0.5, 0.3257239824240755), (3, 1.0, 0.19550110947788524),
        (3, 1.96, 0.07242610428242682), (3, 3.0, 0.02883444281121865), (3, 10.0, 0.0010641995292070751),
        (3, 50.0, 8.808576020635984e-06),
        (4, 0.0, 0.5), (4, 0.5, 0.32166498159093165), (4, 1.0, 0.18695048315002943),
        (4, 1.96, 0.06077731992509179), (4, 3.0, 0.019970984035859413), (4, 10.0, 0.0002810018113579955),
        (4, 50.0, 4.787226828484845e-07),
        (9, 0.0, 0.5), (9, 0.5, 0.31453564991301314), (9, 1.0, 0.1717181980689568),
        (9, 1.96, 0.04082220273020832), (9, 3.0, 0.007478181955207111), (9, 10.0, 1.789118715962368e-06),
        (9, 50.0, 1.2844764554373988e-12),
        (29, 0.0, 0.5), (29, 0.5, 0.3104240420968906), (29, 1.0, 0.16279099400809682),
        (29, 1.96, 0.029833897759795665), (29, 3.0, 0.002749596066951706), (29, 10.0, 3.2999312882167624e-11),
        (29, 50.0, 5.374311992786222e-30),
        (100, 0.0, 0.5), (100, 0.5, 0.3090867829154433), (100, 1.0, 0.15986207789206167),
        (100, 1.96, 0.02638945068311483), (100, 3.0, 0.0017039576716647233), (100, 10.0, 4.950844492297065e-17),
        (100, 50.0, 7.236081839880732e-73),
        (1000, 0.0, 0.5), (1000, 0.5, 0.30859254041693734), (1000, 1.0, 0.15877620904233627),
        (1000, 1.96, 0.025136592477874368), (1000, 3.0, 0.0013833545221190963), (1000, 10.0, 8.335351479300069e-23),
        (1000, 50.0, 1.379336206162586e-274),
    ]

    /// (degrees of freedom, p, t with P(T ≤ t) = p).
    static let quantiles: [(Double, Double, Double)] = [
        (1, 0.6, 0.32491969623290634), (1, 0.9, 3.0776835371752544), (1, 0.975, 12.706204736174694),
        (1, 0.995, 63.656741162871526), (1, 0.9999, 3183.098757118502),
        (2, 0.6, 0.2886751345948128), (2, 0.9, 1.8856180831641272), (2, 0.975, 4.302652729749462),
        (2, 0.995, 9.924843200918287), (2, 0.9999, 70.70007107496818),
        (4, 0.6, 0.2707222947075976), (4, 0.9, 1.533206274058944), (4, 0.975, 2.7764451051977934),
        (4, 0.995, 4.604094871349992), (4, 0.9999, 13.033671720896821),
        (9, 0.6, 0.260955336473911), (9, 0.9, 1.3830287383966329), (9, 0.975, 2.262157162798205),
        (9, 0.995, 3.249835541592126), (9, 0.9999, 6.010132129081531),
        (29, 0.6, 0.25568363457125604), (29, 0.9, 1.311433647301551), (29, 0.975, 2.045229642132703),
        (29, 0.995, 2.756385903670605), (29, 0.9999, 4.253894118432321),
        (99, 0.6, 0.25402901215180673), (99, 0.9, 1.2901614420344854), (99, 0.975, 1.9842169515864174),
        (99, 0.995, 2.626405457280827), (99, 0.9999, 3.8630891071273092),
    ]

    /// (a, b, x, I_x(a, b)).
    static let incompleteBeta: [(Double, Double, Double, Double)] = [
        (0.5, 0.5, 0.3, 0.36901011956554536), (2, 3, 0.4, 0.5247999999999999),
        (10, 0.5, 0.9, 0.15164090963470994), (0.5, 10, 0.01, 0.3420718248432154),
        (50, 50, 0.55, 0.8413478010629014), (1, 1, 0.25, 0.25), (3.5, 0.5, 0.999, 0.9356322688440224),
    ]

    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / Swift.max(abs(b), 1e-300) }

    @Test func tailsMatchSciPyToTenDigits() {
        for (df, t, expected) in StudentTTests.survival {
            let upper = StudentT.survival(t, degreesOfFreedom: df)
            #expect(StudentTTests.relativeError(upper, expected) < 1e-10, "sf(\(t), \(df)) = \(upper), want \(expected)")
            // Symmetry: the lower tail of −t is the upper tail of t.
            #expect(StudentTTests.relativeError(StudentT.cdf(-t, degreesOfFreedom: df), expected) < 1e-10)
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - (1 - expected)) < 1e-12)
            #expect(StudentTTests.relativeError(StudentT.twoSidedPValue(-t, degreesOfFreedom: df), 2 * expected) < 1e-10)
        }
    }

    @Test func edgesOfTheDistribution() {
        #expect(StudentT.survival(.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.survival(-.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.twoSidedPValue(0, degreesOfFreedom: 5) == 1)
        #expect(StudentT.survival(1e200, degreesOfFreedom: 2) >= 0)
        #expect(StudentT.survival(.nan, degreesOfFreedom: 2).isNaN)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
        #expect(StudentT.quantile(1, degreesOfFreedom: 7) == .infinity)
        #expect(StudentT.quantile(0, degreesOfFreedom: 7) == -.infinity)
        // Many degrees of freedom approach the normal (SciPy: stats.t.sf(1.959963984540054, 1e6)).
        #expect(StudentTTests.relativeError(StudentT.survival(1.959963984540054, degreesOfFreedom: 1e6), 0.02500013864761085) < 1e-8)
    }

    @Test func quantilesMatchSciPyAndInvertTheCDF() {
        for (df, p, expected) in StudentTTests.quantiles {
            let t = StudentT.quantile(p, degreesOfFreedom: df)
            #expect(StudentTTests.relativeError(t, expected) < 1e-10, "ppf(\(p), \(df)) = \(t), want \(expected)")
            #expect(StudentTTests.relativeError(StudentT.quantile(1 - p, degreesOfFreedom: df), -expected) < 1e-9)
        }
        for df in [1.0, 3, 12] {
            for p in [0.001, 0.2, 0.7, 0.999999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) < 1e-13)
            }
        }
    }

    @Test func incompleteBetaAndLogGammaMatchReferences() {
        for (a, b, x, expected) in StudentTTests.incompleteBeta {
            let value = StudentT.regularizedIncompleteBeta(a: a, b: b, x: x, complement: 1 - x)
            #expect(StudentTTests.relativeError(value, expected) < 1e-10, "I(\(x); \(a), \(b)) = \(value)")
        }
        #expect(StudentTTests.relativeError(StudentT.logGamma(0.5), 0.5723649429247001) < 1e-14)   // log √π
        #expect(StudentTTests.relativeError(StudentT.logGamma(10), 12.801827480081469) < 1e-14)    // log 9!
        #expect(StudentTTests.relativeError(StudentT.logGamma(0.1), 2.252712651734206) < 1e-13)
        #expect(abs(StudentT.logGamma(1)) < 1e-15 && abs(StudentT.logGamma(2)) < 1e-15)
    }
}
