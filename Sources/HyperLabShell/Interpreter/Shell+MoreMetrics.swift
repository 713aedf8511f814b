import HyperLabKit

/// The metrics beside the headline ones (issue 13): balanced accuracy, macro F1, AUC and log loss
/// for classes, MAE for numbers, printed on a second line by `train` and `evaluate test`.
extension Shell {
    /// "  dev_balanced_acc 0.95 · dev_f1 0.948 · dev_auc 0.996 · dev_logloss 0.131", or nil when
    /// none of them was scored.
    static func moreMetricsLine(_ metrics: [String: Double], part: String, task: LearningTask) -> String? {
        let shown = MetricName.furtherMetrics(for: task).compactMap { name -> String? in
            metrics["\(part)_\(name)"].map { "\(part)_\(name) \(NumberFormat.metric($0))" }
        }
        return shown.isEmpty ? nil : "  " + shown.joined(separator: " · ")
    }
}
