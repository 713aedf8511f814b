import CKernels
import Testing
@testable import HyperLabKit

/// The C elementwise kernels of a ReLU layer (`hl_bias_relu`, `hl_relu_backward`,
/// `hl_column_sums`) against their definitions written out in Swift, bit for bit, on the
/// fastest, the AVX2 and the portable path, with tails of every length and NaN, ±0, infinities
/// and subnormals among the values.
@Suite struct ElementwiseKernelTests {
    static let paths: [(String, HLPath)] = [("fastest", HL_PATH_FASTEST), ("avx2", HL_PATH_AVX2), ("portable", HL_PATH_PORTABLE)]
    static let shapes = [(1, 1), (3, 7), (2, 8), (4, 9), (3, 17), (2, 33), (32, 91)]

    /// Gaussian values with a special one every seventh place.
    static func values(_ count: Int, seed: Int) -> [Float] {
        let specials: [Float] = [.nan, 0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { i in i % 7 == 5 ? specials[(i / 7) % specials.count] : Float(g.nextGaussian()) }
    }

    @Test func biasReLUIsTheDefinitionBitForBit() {
        for (rows, columns) in Self.shapes {
            let z = Self.values(rows * columns, seed: rows * 100 + columns), bias = Self.values(columns, seed: columns)
            var expected = [Float](repeating: 0, count: rows * columns)
            for r in 0..<rows {
                for c in 0..<columns { let v = z[r * columns + c] + bias[c]; expected[r * columns + c] = v > 0 ? v : 0 }
            }
            for (name, path) in Self.paths {
                var a = [Float](repeating: .nan, count: rows * columns)
                hl_bias_relu(z, bias, &a, rows, columns, path)
                #expect(a.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)×\(columns), \(name)")
            }
        }
    }

    @Test(arguments: [false, true])
    func reluBackwardIsTheDefinitionBitForBit(masked: Bool) {
        for (rows, columns) in Self.shapes {
            let count = rows * columns
            let delta0 = Self.values(count, seed: count + 1), a = Self.values(count, seed: count + 2)
            let mask = (0..<count).map { $0 % 3 == 0 ? Float(0) : Float(2.5) }
            var expected = delta0
            for i in 0..<count {
                let d = masked ? expected[i] * mask[i] : expected[i]
                expected[i] = a[i] > 0 ? d : 0
            }
            for (name, path) in Self.paths {
                var delta = delta0
                if masked {
                    hl_relu_backward(&delta, mask, a, count, path)
                } else {
                    hl_relu_backward(&delta, nil, a, count, path)
                }
                #expect(delta.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)×\(columns), \(name)")
            }
        }
    }

    @Test func columnSumsAreTheRowOrderSumsBitForBit() {
        for (rows, columns) in Self.shapes {
            // Finite values of mixed magnitudes, so that the order of the additions shows in the bits.
            var g = SeededGenerator(seed: rows * 7 + columns)
            let x = (0..<(rows * columns)).map { i in i % 11 == 4 ? Float(-0.0) : Float(g.nextGaussian() * (i % 2 == 0 ? 1e4 : 1e-3)) }
            var expected = [Float](repeating: 0, count: columns)
            for r in 0..<rows {
                for c in 0..<columns { expected[c] += x[r * columns + c] }
            }
            for (name, path) in Self.paths {
                var sums = [Float](repeating: .nan, count: columns)
                hl_column_sums(x, rows, columns, &sums, path)
                #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)×\(columns), \(name)")
            }
        }
    }
}
