/// How a training run ended.
public enum TrainingOutcome: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every epoch ran.
    case completed
    /// `patience` epochs passed without a better dev metric; the model holds `bestEpoch`'s weights.
    case stoppedEarly(bestEpoch: Int)
    /// The loss became NaN or infinite during `epoch`; the run failed.
    case diverged(epoch: Int)
    /// An interruption (Ctrl-C) stopped the run; `afterEpoch` epochs were completed and kept.
    case interrupted(afterEpoch: Int)

    /// Whether the run failed (diverged): sweeps record it as a failed trial.
    public var isFailed: Bool {
        if case .diverged = self { return true }
        return false
    }

    /// "completed", "stopped early at best epoch 12", "diverged at epoch 3", "interrupted after epoch 4".
    public var description: String {
        switch self {
        case .completed: "completed"
        case .stoppedEarly(let e): "stopped early at best epoch \(e)"
        case .diverged(let e): "diverged at epoch \(e)"
        case .interrupted(let e): "interrupted after epoch \(e)"
        }
    }
}
