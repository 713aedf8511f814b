import HyperLabKit

/// The two training workloads of the performance issue, each with its data, network and settings.
///
/// - `digits`: the bundled digits table (1797×64), split 1437/360 by a seeded permutation and
///   standardized with the training rows' statistics; MLP 64-128-64-10 ReLU, Adam lr 1e-3,
///   batch 32, 20 epochs, softmax cross-entropy.
/// - `synthetic`: 20,000 training and 4,000 dev rows of 256 features in 10 classes
///   (`SyntheticClasses`, seed 7); MLP 256-512-512-10 ReLU, Adam lr 1e-3, batch 128, 5 epochs.
///
/// The Python peers (`benchmarks/peers/*.py`) read the same data from the files `prepare` writes
/// and use the same numbers.
enum Workload: String, CaseIterable {
    /// The digits table, 64-128-64-10.
    case digits
    /// The Gaussian mixture, 256-512-512-10.
    case synthetic

    /// Hidden layer widths.
    var hidden: [Int] {
        switch self {
        case .digits: [128, 64]
        case .synthetic: [512, 512]
        }
    }

    /// Mini-batch size.
    var batch: Int {
        switch self {
        case .digits: 32
        case .synthetic: 128
        }
    }

    /// Passes over the training rows.
    var epochs: Int {
        switch self {
        case .digits: 20
        case .synthetic: 5
        }
    }

    /// Timed repetitions whose median is reported (after one untimed warm-up run).
    var defaultRepeats: Int {
        switch self {
        case .digits: 15
        case .synthetic: 5
        }
    }

    /// The HyperLab configuration of this workload with training seed `seed` and weight
    /// initialization `initialization` (`he`, `glorot` or `torch`).
    /// - Throws: `BenchError.training` if the configuration schema rejects a value.
    func configuration(seed: Int, initialization: String = "he") throws(BenchError) -> Configuration {
        var config = Configuration()
        let settings: [(String, ParameterValue)] = [
            ("model", .word("mlp")), ("hidden", .integers(hidden)), ("activation", .word("relu")),
            ("dropout", .real(0)), ("optimizer", .word("adam")), ("lr", .real(1e-3)),
            ("beta1", .real(0.9)), ("beta2", .real(0.999)), ("eps", .real(1e-8)),
            ("weight_decay", .real(0)), ("schedule", .word("constant")), ("warmup", .integer(0)),
            ("epochs", .integer(epochs)), ("batch", .integer(batch)), ("seed", .integer(seed)),
            ("patience", .integer(0)), ("init", .word(initialization)),
        ]
        for (key, value) in settings {
            do {
                try config.set(key, value, origin: .command("benchmark"))
            } catch {
                throw .training("\(key)=\(value): \(error.message)")
            }
        }
        return config
    }

    /// Builds this workload's data in memory (deterministic).
    /// - Throws: `BenchError.dataset` when the bundled digits table cannot be loaded.
    func makeData() throws(BenchError) -> WorkloadData {
        switch self {
        case .digits:
            return try Workload.digitsData()
        case .synthetic:
            let all = SyntheticClasses.make(rows: 24_000, columns: 256, classes: 10, seed: 7)
            return WorkloadData(train: all.subset(Array(0..<20_000)), dev: all.subset(Array(20_000..<24_000)),
                                classCount: 10)
        }
    }

    private static func digitsData() throws(BenchError) -> WorkloadData {
        let dataset: Dataset
        do {
            dataset = try BuiltinDatasets.load(name: "digits")
        } catch {
            throw .dataset(error.description)
        }
        guard case .classes(_, let names) = dataset.target else { throw .dataset("digits has no class labels") }
        var generator = SeededGenerator(seed: 0).derived("benchmark-split")
        var order = Array(0..<dataset.rowCount)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, SyntheticClasses.below(i + 1, &generator))
        }
        let devCount = (dataset.rowCount + 4) / 5   // 20 %, rounded up as scikit-learn's train_test_split does
        let trainRows = Array(order[devCount...])
        let devRows = Array(order[..<devCount])
        let standardizer = Standardizer(fitting: dataset, rows: trainRows)
        func part(_ rows: [Int]) -> Partition {
            Partition(features: standardizer.standardized(dataset, rows: rows),
                      targets: dataset.target.partitionTargets(rows))
        }
        return WorkloadData(train: part(trainRows), dev: part(devRows), classCount: names.count)
    }
}
