import Foundation

extension Network {
    /// The loss totals of the current weights on all of `data`, in passes of up to `capacity`
    /// rows without dropout; `collect` sees each pass's outputs (rows × outputWidth).
    func totals(on data: PreparedPartition, collect: (UnsafePointer<Float>, Int) -> Void = { _, _ in }) -> Loss.Totals {
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
            collect(UnsafePointer(output), rows)
            sum.loss += part.loss
            sum.correct += part.correct
            sum.finite = sum.finite && part.finite
            start += rows
        }
        return sum
    }

    /// Scores of the current weights on `data` (see `Scores`), with the metrics that need every
    /// row's output: balanced accuracy, F1, AUC and log loss, or MAE. Scoring a part builds one
    /// array of its outputs (at the end of an epoch, not in a training step).
    func scores(on data: PreparedPartition, scaling: TargetScaling) -> Scores {
        let width = outputWidth
        var outputs = [Double]()
        outputs.reserveCapacity(data.rows * width)
        let totals = totals(on: data) { pointer, rows in
            for i in 0..<(rows * width) { outputs.append(Double(pointer[i])) }
        }
        var scores = Scores(totals: totals, rows: data.rows, task: architecture.task, scaling: scaling,
                            totalSquares: data.totalSquares)
        guard totals.finite, outputs.allSatisfy(\.isFinite) else { return scores }
        switch architecture.task {
        case .classification:
            // Softmax in place, row by row, with PortableMath's exp (the same bits on every machine);
            // indices, not a slice of `outputs`, so no row copies the whole array on write.
            for r in 0..<data.rows {
                let rows = (r * width)..<((r + 1) * width)
                var top = -Double.infinity
                for i in rows { top = max(top, outputs[i]) }
                var sum = 0.0
                for i in rows { outputs[i] = PortableMath.exp(outputs[i] - top); sum += outputs[i] }
                for i in rows { outputs[i] /= sum }
            }
            let labels = (0..<data.rows).map { Int(data.labels.pointer[$0]) }
            scores.add(ClassificationMetrics(labels: labels, probabilities: outputs, classes: width))
        case .regression:
            let targets = (0..<data.rows).map { Double(data.targets.pointer[$0]) * scaling.scale + scaling.mean }
            scores.add(RegressionMetrics(targets: targets, predictions: outputs.map { $0 * scaling.scale + scaling.mean }))
        }
        return scores
    }
}
