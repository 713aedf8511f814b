import Testing
@testable import HyperLabKit

@Suite struct SymmetricEigenTests {
    @Test func aTwoByTwoHasItsKnownEigenpairs() {
        let e = SymmetricEigen([2, 1, 1, 2], n: 2)
        #expect(abs(e.values[0] - 1) < 1e-14 && abs(e.values[1] - 3) < 1e-14)
        let v = e.vector(1)
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-14 && abs(v[0] - v[1]) < 1e-14)
    }

    @Test func aRandomSymmetricMatrixIsRebuiltFromItsDecomposition() {
        var g = SeededGenerator(seed: 7)
        let n = 6
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { a[i * n + j] = g.nextGaussian(); a[j * n + i] = a[i * n + j] } }
        let e = SymmetricEigen(a, n: n)
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
        for i in 0..<n {
            for j in 0..<n {
                let rebuilt = (0..<n).reduce(0) { $0 + e.vectors[i * n + $1] * e.values[$1] * e.vectors[j * n + $1] }
                let gram = (0..<n).reduce(0) { $0 + e.vectors[$1 * n + i] * e.vectors[$1 * n + j] }
                #expect(abs(rebuilt - a[i * n + j]) < 1e-12)
                #expect(abs(gram - (i == j ? 1 : 0)) < 1e-12)
            }
        }
    }
}
