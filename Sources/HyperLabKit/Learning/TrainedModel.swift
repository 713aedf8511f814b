/// A trained network as a value: its architecture, weights and target scaling. Sendable, so the
/// shell can keep it with its run, predict on a grid for `plot boundary`, or score a partition.
///
/// ```swift
/// let model = run.model
/// let p = model.probabilities(grid)     // rows × classes
/// let labels = model.predictedClasses(grid)
/// let s = model.scores(on: dev)          // loss, accuracy or rmse and r2
/// ```
/// Each call builds a scratch network (allocation is fine here: this is not a training step).
public struct TrainedModel: Sendable, Hashable {
    /// The shape.
    public let architecture: Architecture
    /// All weights and biases, layer after layer (each `W` row-major `inputs × outputs`, then `b`).
    public let parameters: [Float]
    /// The standardization of regression targets (identity for classification).
    public let scaling: TargetScaling

    /// A model from its parts.
    /// - Precondition: `parameters.count == architecture.parameterCount`.
    public init(architecture: Architecture, parameters: [Float], scaling: TargetScaling) {
        precondition(parameters.count == architecture.parameterCount, "parameter count does not match the architecture")
        self.architecture = architecture
        self.parameters = parameters
        self.scaling = scaling
    }

    private static let passRows = 512

    private func network(rows: Int, backend: any GEMMBackend) -> Network {
        let net = Network(architecture: architecture, capacity: max(1, min(rows, TrainedModel.passRows)),
                          gemm: backend, ledger: BufferLedger(), initStream: nil,
                          dropoutStream: SeededGenerator(seed: 0))
        let p = net.parameters.pointer
        for (i, v) in parameters.enumerated() { p[i] = v }
        return net
    }

    /// The raw outputs for each row of `features` (standardized like the training data):
    /// logits for classification, predictions in the target's units for regression.
    /// - Precondition: `features.columns == architecture.inputs`.
    public func outputs(_ features: Matrix, backend: any GEMMBackend = DeterministicGEMM()) -> Matrix {
        precondition(features.columns == architecture.inputs, "features have \(features.columns) columns, the model takes \(architecture.inputs)")
        let width = architecture.outputs
        var out = Matrix(rows: features.rows, columns: width)
        guard features.rows > 0 else { return out }
        let net = network(rows: features.rows, backend: backend)
        features.storage.withUnsafeBufferPointer { x in
            out.storage.withUnsafeMutableBufferPointer { y in
                guard let xp = x.baseAddress, let yp = y.baseAddress else { return }
                var start = 0
                while start < features.rows {
                    let rows = min(net.capacity, features.rows - start)
                    let result = net.forward(xp + start * features.columns, rows: rows, training: false)
                    (yp + start * width).update(from: result, count: rows * width)
                    start += rows
                }
            }
        }
        if architecture.task == .regression {
            for i in out.storage.indices {
                out.storage[i] = Float(Double(out.storage[i]) * scaling.scale + scaling.mean)
            }
        }
        return out
    }

    /// Class probabilities (softmax of the logits), `rows × classes`. For a regression model,
    /// the predictions (one column).
    public func probabilities(_ features: Matrix, backend: any GEMMBackend = DeterministicGEMM()) -> Matrix {
        var out = outputs(features, backend: backend)
        guard architecture.task == .classification else { return out }
        let k = out.columns
        for r in 0..<out.rows {
            let row = r * k
            var m = out.storage[row]
            for j in 0..<k { m = max(m, out.storage[row + j]) }
            var sum: Float = 0
            for j in 0..<k {
                let e = FastMath.exp(out.storage[row + j] - m)
                out.storage[row + j] = e
                sum += e
            }
            for j in 0..<k { out.storage[row + j] /= sum }
        }
        return out
    }

    /// The most likely class of each row (classification; ties go to the lower index).
    public func predictedClasses(_ features: Matrix, backend: any GEMMBackend = DeterministicGEMM()) -> [Int] {
        let out = outputs(features, backend: backend)
        let k = out.columns
        return (0..<out.rows).map { r in
            var best = 0
            for j in 1..<max(k, 1) where out.storage[r * k + j] > out.storage[r * k + best] { best = j }
            return best
        }
    }

    /// The predicted value of each row, in the target's units (regression; the first output otherwise).
    public func predictedValues(_ features: Matrix, backend: any GEMMBackend = DeterministicGEMM()) -> [Float] {
        let out = outputs(features, backend: backend)
        return (0..<out.rows).map { out.storage[$0 * out.columns] }
    }

    /// Loss and metrics on `partition`.
    /// - Throws: `TrainingError.invalidData` when the partition does not fit the model.
    public func scores(on partition: Partition, backend: any GEMMBackend = DeterministicGEMM()) throws(TrainingError) -> Scores {
        let ledger = BufferLedger()
        let data = try PreparedPartition(partition, name: "scored", columns: architecture.inputs, task: architecture.task,
                                         classes: architecture.outputs, scaling: scaling, ledger: ledger)
        return network(rows: partition.count, backend: backend).scores(on: data, scaling: scaling)
    }
}
