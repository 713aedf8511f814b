/// The training loss, chosen by the task: softmax cross-entropy for classification, mean
/// squared error for regression. Both are means over the rows of a mini-batch, as PyTorch's
/// `CrossEntropyLoss()` and `MSELoss()` with their default `reduction="mean"`.
enum Loss {
    /// Sums over some rows, in Double: the loss, the correct predictions (classification),
    /// and a guard that is non-finite when any output was.
    struct Totals {
        var loss = 0.0
        var correct = 0
        var finite = true
    }

    /// Softmax cross-entropy of `rows` rows of `classes` logits against `labels`.
    ///
    /// Per row: ℓ = log Σⱼ e^(zⱼ − m) + m − z_y with m = maxⱼ zⱼ (no overflow, never infinite
    /// for finite logits). When `delta` is given it receives ∂(mean ℓ)/∂z = (softmax(z) − onehot(y)) / `scale`.
    static func softmaxCrossEntropy(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>,
                                    rows: Int, classes: Int, delta: UnsafeMutablePointer<Float>?,
                                    scale: Int) -> Totals {
        var totals = Totals()
        var guardSum: Float = 0
        let inverse = 1 / Float(scale)
        for r in 0..<rows {
            let z = logits + r * classes
            let y = Int(labels[r])
            var m = z[0]
            var best = 0
            for j in 0..<classes {
                guardSum += z[j]
                if z[j] > m { m = z[j]; best = j }
            }
            if best == y { totals.correct += 1 }
            var sum: Float = 0
            if let d = delta {
                let dr = d + r * classes
                for j in 0..<classes { let e = FastMath.exp(z[j] - m); dr[j] = e; sum += e }
                let k = inverse / sum
                for j in 0..<classes { dr[j] *= k }
                dr[y] -= inverse
            } else {
                for j in 0..<classes { sum += FastMath.exp(z[j] - m) }
            }
            totals.loss += Double(Float(PortableMath.log(Double(sum))) + m - z[y])
        }
        totals.finite = guardSum.isFinite && totals.loss.isFinite
        return totals
    }

    /// Squared error of `rows` single predictions against `targets`: the loss total is Σ(ŷ − y)².
    /// When `delta` is given it receives ∂(mean)/∂ŷ = 2(ŷ − y) / `scale`.
    static func squaredError(predictions: UnsafePointer<Float>, targets: UnsafePointer<Float>,
                             rows: Int, delta: UnsafeMutablePointer<Float>?, scale: Int) -> Totals {
        var totals = Totals()
        var sum: Float = 0
        let factor = 2 / Float(scale)
        if let d = delta {
            for r in 0..<rows {
                let e = predictions[r] - targets[r]
                d[r] = factor * e
                sum += e * e
            }
        } else {
            for r in 0..<rows {
                let e = predictions[r] - targets[r]
                sum += e * e
            }
        }
        totals.loss = Double(sum)
        totals.finite = sum.isFinite
        return totals
    }
}
