/// The fractions of a train/dev/test split: each positive, together 1.
public struct SplitFractions: Sendable, Equatable {
    /// Fraction of the rows for training.
    public let train: Double
    /// Fraction for the development (validation) part, scored while tuning.
    public let dev: Double
    /// Fraction for the test part, locked until `evaluate test`.
    public let test: Double

    /// Allowed distance of the sum from 1.
    public static let tolerance = 1e-9

    /// Checked fractions.
    /// - Throws: `DataError.Kind.invalidFractions` for a fraction that is not a number in (0, 1)
    ///   (naming it in `key`), or fractions whose sum is not 1 (naming the sum).
    public init(train: Double, dev: Double, test: Double) throws(DataError) {
        for (key, value) in [("train", train), ("dev", dev), ("test", test)] where !(value > 0 && value < 1) {
            throw DataError(.invalidFractions, "\(key)=\(NumberText.canonical(value)) is not a fraction between 0 and 1",
                            hint: "every part needs a share of the rows, e.g. train=0.6 dev=0.2 test=0.2", key: key)
        }
        let sum = train + dev + test
        if abs(sum - 1) > SplitFractions.tolerance {
            let shown = [train, dev, test].map { NumberText.canonical($0) }.joined(separator: " + ")
            throw DataError(.invalidFractions, "train + dev + test = \(shown) = \(SplitFractions.rounded(sum)), not 1",
                            hint: "make the three fractions add up to 1, e.g. train=0.6 dev=0.2 test=0.2")
        }
        self.train = train
        self.dev = dev
        self.test = test
    }

    /// The fractions in part order.
    var all: [Double] { [train, dev, test] }

    /// `sum` without floating-point dust (0.30000000000000004 → 0.3).
    private static func rounded(_ sum: Double) -> String {
        NumberText.canonical((sum * 1e9).rounded() / 1e9)
    }

    /// Sizes of parts of `n` rows in proportion to `fractions`, adding up to `n` exactly
    /// (largest remainder; ties go to the earlier part).
    static func apportion(_ n: Int, _ fractions: [Double]) -> [Int] {
        let quotas = fractions.map { Double(n) * $0 }
        var sizes = quotas.map { Int(($0 + 1e-9).rounded(.down)) }
        let order = quotas.indices.sorted { a, b in
            let ra = quotas[a] - Double(sizes[a]), rb = quotas[b] - Double(sizes[b])
            return ra != rb ? ra > rb : a < b
        }
        var left = n - sizes.reduce(0, +)
        for i in order where left > 0 {
            sizes[i] += 1
            left -= 1
        }
        return sizes
    }
}

/// Rows in each part of a split.
public struct SplitSizes: Sendable, Equatable, CustomStringConvertible {
    /// Training rows.
    public let train: Int
    /// Development rows.
    public let dev: Int
    /// Test rows.
    public let test: Int

    /// "train 90 · dev 30 · test 30".
    public var description: String { "train \(train) · dev \(dev) · test \(test)" }
}

/// Rows per class in each part of a split of a classification dataset (class label order).
public struct SplitClassCounts: Sendable, Equatable {
    /// The class names, in label order.
    public let names: [String]
    /// Per class, training rows.
    public let train: [Int]
    /// Per class, development rows.
    public let dev: [Int]
    /// Per class, test rows.
    public let test: [Int]
}
