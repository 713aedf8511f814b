import HyperLabKit

/// The trivial baseline beside a model's score (`train`, `evaluate test`, sweeps).
extension Shell {
    /// "  trivial baseline (always 'benign'): dev_acc 0.632", and a warning line when `score`
    /// does not beat it. Over several parts (cross-validation folds) the baseline is fitted on
    /// each part's training rows and its score is the mean over the parts.
    /// - Parameters:
    ///   - parts: the rows trained on and the rows scored, per part.
    ///   - partName: the scored part's name ("dev", "test").
    ///   - score: the model's primary score (accuracy, or RMSE), if it has one.
    ///   - subject: what is compared ("run 3", "the best trial").
    func baselineLines(parts: [(fitted: Partition, scored: Partition)], partName: String, score: Double?,
                       classNames: [String]?, subject: String) -> [String] {
        let usable = parts.filter { $0.fitted.count > 0 && $0.scored.count > 0 && $0.fitted.task == $0.scored.task }
        guard let first = usable.first else { return [] }
        let baselines = usable.map { Baseline(fitting: $0.fitted) }
        let value = zip(baselines, usable).map { $0.score(on: $1.scored) }.reduce(0, +) / Double(usable.count)
        let metric: String, what: String
        switch baselines[0].prediction {
        case .majorityClass(let k):
            metric = "\(partName)_acc"
            let same = baselines.allSatisfy { $0.prediction == baselines[0].prediction }
            what = same ? "always '\(classNames.flatMap { k < $0.count ? $0[k] : nil } ?? String(k))'" : "always the majority class"
        case .mean(let m):
            metric = "\(partName)_rmse"
            what = usable.count == 1 ? "always the train mean \(NumberFormat.metric(m))" : "always the train mean"
        }
        var lines = ["  trivial baseline (\(what)): \(metric) \(NumberFormat.metric(value))"]
        let beaten = score.map { first.fitted.task == .classification ? $0 > value : $0 < value }
        if beaten == false, let score {
            lines.append(console.paint("warning:", .yellow) + " \(subject) does not beat the trivial baseline: \(metric) "
                         + "\(NumberFormat.metric(score)) against \(NumberFormat.metric(value))")
        }
        return lines
    }
}
