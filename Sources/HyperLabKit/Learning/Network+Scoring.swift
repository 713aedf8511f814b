extension Network {
    /// The loss totals of the current weights on all of `data`, in passes of up to `capacity`
    /// rows without dropout. Allocates nothing.
    func totals(on data: PreparedPartition) -> Loss.Totals {
        var sum = Loss.Totals()
        var start = 0
        while start < data.rows {
            let rows = min(capacity, data.rows - start)
            let output = forward(data.features.pointer + start * data.columns, rows: rows, training: false)
            let part = architecture.task == .classification
                ? Loss.softmaxCrossEntropy(logits: output, labels: data.labels.pointer + start, rows: rows,
                                           classes: outputWidth, delta: nil, scale: rows)
                : Loss.squaredError(predictions: output, targets: data.targets.pointer + start, rows: rows,
                                    delta: nil, scale: rows)
            sum.loss += part.loss
            sum.correct += part.correct
            sum.finite = sum.finite && part.finite
            start += rows
        }
        return sum
    }

    /// Scores of the current weights on `data` (see `Scores`).
    func scores(on data: PreparedPartition, scaling: TargetScaling) -> Scores {
        Scores(totals: totals(on: data), rows: data.rows, task: architecture.task, scaling: scaling,
               totalSquares: data.totalSquares)
    }
}
