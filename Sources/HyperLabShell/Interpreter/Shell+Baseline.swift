import HyperLabKit

/// The trivial baseline beside a model's score (`train`, `evaluate test`).
extension Shell {
    /// "  baseline (always 'benign'): dev_acc 0.632", and a warning line when `score` does not beat it.
    /// - Parameters:
    ///   - fitted: the rows the model trained on (the baseline's majority class or mean).
    ///   - part: the scored rows, named `partName` ("dev", "test").
    ///   - score: the model's primary score on `part` (accuracy, or RMSE), if it has one.
    func baselineLines(fitted: Partition, part: Partition, partName: String, score: Double?,
                       classNames: [String]?, subject: String) -> [String] {
        guard fitted.count > 0, part.count > 0 else { return [] }
        let baseline = Baseline(fitting: fitted)
        let value = baseline.score(on: part)
        let (what, metric): (String, String) = switch baseline.prediction {
        case .majorityClass(let k): ("always '\(classNames.flatMap { k < $0.count ? $0[k] : nil } ?? String(k))'", "\(partName)_acc")
        case .mean(let m): ("always the train mean \(NumberFormat.metric(m))", "\(partName)_rmse")
        }
        var lines = ["  baseline (\(what)): \(metric) \(NumberFormat.metric(value))"]
        if let score, !baseline.isBeaten(by: score, on: part) {
            lines.append(console.paint("warning:", .yellow) + " \(subject) does not beat the baseline: \(metric) "
                         + "\(NumberFormat.metric(score)) against \(NumberFormat.metric(value))")
        }
        return lines
    }
}
