/// A partition copied into run-owned buffers: features, and class labels or standardized
/// regression targets, ready for the allocation-free training and scoring loops.
final class PreparedPartition {
    /// Number of rows.
    let rows: Int
    /// Number of feature columns.
    let columns: Int
    /// Row-major features.
    let features: FloatBuffer
    /// Class labels (classification; empty otherwise).
    let labels: RunBuffer<Int32>
    /// Targets standardized by the run's `TargetScaling` (regression; empty otherwise).
    let targets: FloatBuffer
    /// Σ(y − ȳ)² in the target's units, ȳ this partition's own mean (for R²).
    let totalSquares: Double

    /// Copies `partition`, checking it against the task, width and class count of the run.
    /// - Throws: `TrainingError.invalidData` when it does not fit.
    init(_ partition: Partition, name: String, columns: Int, task: LearningTask, classes: Int,
         scaling: TargetScaling, ledger: BufferLedger) throws(TrainingError) {
        guard partition.count > 0 else { throw .invalidData("the \(name) part has no rows") }
        guard partition.featureCount == columns else {
            throw .invalidData("the \(name) part has \(partition.featureCount) feature columns, expected \(columns)")
        }
        guard partition.task == task else {
            throw .invalidData("the \(name) part is for \(partition.task.rawValue), the run for \(task.rawValue)")
        }
        rows = partition.count
        self.columns = columns
        features = FloatBuffer(count: rows * columns, ledger: ledger)
        let destination = features.pointer
        partition.features.storage.withUnsafeBufferPointer { source in
            for i in source.indices { destination[i] = source[i] }
        }
        switch partition.targets {
        case .classes(let values, _):
            if let bad = values.first(where: { $0 < 0 || Int($0) >= classes }) {
                throw .invalidData("the \(name) part has class index \(bad), outside 0..<\(classes)")
            }
            labels = RunBuffer(count: rows, filledWith: 0, ledger: ledger)
            for (i, v) in values.enumerated() { labels.pointer[i] = v }
            targets = FloatBuffer(count: 0, ledger: ledger)
            totalSquares = 0
        case .values(let values):
            labels = RunBuffer(count: 0, filledWith: 0, ledger: ledger)
            targets = FloatBuffer(count: rows, ledger: ledger)
            var sum = 0.0
            for (i, v) in values.enumerated() {
                targets.pointer[i] = Float((Double(v) - scaling.mean) / scaling.scale)
                sum += Double(v)
            }
            let mean = sum / Double(rows)
            totalSquares = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        }
    }
}
