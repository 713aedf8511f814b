import Foundation
@testable import HyperLabKit

/// Data and configurations for the learning-engine tests, built here (not through the data
/// layer) so these tests depend on the engine alone: a tiny CSV parse of the bundled datasets,
/// a seeded split, train-statistics standardization, and generated moons and XOR.
enum LearningFixtures {
    /// A bundled dataset: rows of features and the last column as target text.
    static func bundledRows(_ name: String) -> (features: [[Double]], targets: [String]) {
        let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "datasets")
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/HyperLabKit/Resources/datasets/\(name).csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ([], []) }
        var features: [[Double]] = []
        var targets: [String] = []
        for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            features.append(cells.dropLast().map { Double($0) ?? .nan })
            targets.append(cells.last ?? "")
        }
        return (features, targets)
    }

    /// Classification data: features and class indices (classes numbered in sorted name order).
    static func classification(_ name: String) -> (features: [[Double]], labels: [Int], classes: Int) {
        let (x, t) = bundledRows(name)
        let names = Array(Set(t)).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return (x, t.map { index[$0] ?? 0 }, names.count)
    }

    /// A seeded permutation of 0..<n (Fisher–Yates).
    static func permutation(_ n: Int, seed: Int) -> [Int] {
        var g = SeededGenerator(seed: seed)
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(g.next() % UInt64(i + 1))
            p.swapAt(i, j)
        }
        return p
    }

    /// Train and dev partitions: a seeded shuffle, the first `trainFraction` for training,
    /// features standardized with the train part's mean and standard deviation.
    static func split(features: [[Double]], targets: Targets, trainFraction: Double, seed: Int = 1)
        -> (train: Partition, dev: Partition) {
        let n = features.count
        let order = permutation(n, seed: seed)
        let cut = Int((Double(n) * trainFraction).rounded())
        let trainIdx = Array(order[..<cut]), devIdx = Array(order[cut...])
        let d = features.first?.count ?? 0
        var mean = [Double](repeating: 0, count: d), std = [Double](repeating: 0, count: d)
        for i in trainIdx { for j in 0..<d { mean[j] += features[i][j] } }
        for j in 0..<d { mean[j] /= Double(trainIdx.count) }
        for i in trainIdx { for j in 0..<d { std[j] += (features[i][j] - mean[j]) * (features[i][j] - mean[j]) } }
        for j in 0..<d { std[j] = (std[j] / Double(trainIdx.count)).squareRoot(); if std[j] == 0 { std[j] = 1 } }
        func matrix(_ idx: [Int]) -> Matrix {
            Matrix(rows: idx.count, columns: d,
                   storage: idx.flatMap { i in (0..<d).map { Float((features[i][$0] - mean[$0]) / std[$0]) } })
        }
        return (Partition(features: matrix(trainIdx), targets: targets.gathering(trainIdx)),
                Partition(features: matrix(devIdx), targets: targets.gathering(devIdx)))
    }

    /// Iris as `split train=0.6 dev=0.2 test=0.2` would cut it: 90 train rows, the next 30 as dev.
    static func iris() -> (train: Partition, dev: Partition) {
        let (x, y, k) = classification("iris")
        let (train, rest) = split(features: x, targets: .classes(y.map(Int32.init), classCount: k), trainFraction: 0.6)
        return (train, rest.subset(Array(0..<30)))
    }

    /// Digits, 80 % train / 20 % dev.
    static func digits() -> (train: Partition, dev: Partition) {
        let (x, y, _) = classification("digits")
        return split(features: x, targets: .classes(y.map(Int32.init), classCount: 10), trainFraction: 0.8)
    }

    /// Diabetes (regression), 80 % train / 20 % dev.
    static func diabetes() -> (train: Partition, dev: Partition) {
        let (x, t) = bundledRows("diabetes")
        return split(features: x, targets: .values(t.map { Float($0) ?? .nan }), trainFraction: 0.8)
    }

    /// Two interleaved half-circles (as scikit-learn's `make_moons`) with Gaussian noise.
    static func moons(count: Int, noise: Double, seed: Int) -> (features: [[Double]], labels: [Int]) {
        var g = SeededGenerator(seed: seed)
        var x: [[Double]] = [], y: [Int] = []
        for i in 0..<count {
            let upper = i % 2 == 0
            let t = Double.pi * g.nextUnit()
            let p = upper ? [cos(t), sin(t)] : [1 - cos(t), 0.5 - sin(t)]
            x.append([p[0] + noise * g.nextGaussian(), p[1] + noise * g.nextGaussian()])
            y.append(upper ? 0 : 1)
        }
        return (x, y)
    }

    /// Points uniform in [-1, 1]², labelled 1 when x·y > 0 (the XOR pattern).
    static func xor(count: Int, seed: Int) -> (features: [[Double]], labels: [Int]) {
        var g = SeededGenerator(seed: seed)
        var x: [[Double]] = [], y: [Int] = []
        for _ in 0..<count {
            let a = 2 * g.nextUnit() - 1, b = 2 * g.nextUnit() - 1
            x.append([a, b])
            y.append(a * b > 0 ? 1 : 0)
        }
        return (x, y)
    }

    /// The default configuration with some keys set.
    static func configuration(_ settings: [String: ParameterValue] = [:]) -> Configuration {
        var c = Configuration()
        for key in settings.keys.sorted() {
            guard let value = settings[key] else { continue }
            do { try c.set(key, value, origin: .command("test")) } catch { preconditionFailure("bad test setting \(key): \(error.message)") }
        }
        return c
    }
}
