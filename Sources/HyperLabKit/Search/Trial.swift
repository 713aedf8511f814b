/// Where a trial stands.
public enum TrialState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being trained.
    case running
    /// Finished with a value.
    case complete
    /// Stopped early by the pruner; its intermediate values are kept.
    case pruned
    /// Ended by an error (diverged, invalid combination, interrupted); `failure` says why.
    case failed

    /// Whether the trial has ended (complete, pruned or failed).
    public var isFinished: Bool { self != .running }
}

/// One evaluated configuration of a study.
///
/// ```swift
/// trial.number              // 7
/// trial.parameters["lr"]    // .real(0.0031)
/// trial.value               // 0.968 (the metric; nil unless complete)
/// trial.intermediateValues  // [1: 0.81, 2: 0.9, ...] (the metric per epoch)
/// ```
public struct Trial: Sendable, Hashable, Codable {
    /// The trial number, from 0 in the order trials were started.
    public var number: Int
    /// The swept parameters.
    public var parameters: TrialParameters
    /// Where it stands.
    public var state: TrialState
    /// Why it failed (failed trials only).
    public var failure: String?
    /// The metric reported at each step (epoch).
    public var intermediateValues: [Int: Double]
    /// The final metric (complete trials only).
    public var value: Double?
    /// All metrics by name (`dev_acc`, `train_loss`, `dev_acc_sd`, ...), as the objective gave them.
    public var metrics: [String: Double]
    /// The trial's own seed, derived from the sweep seed and the number (see `Study.trialSeed`).
    public var seed: Int
    /// Wall-clock seconds it ran.
    public var seconds: Double

    /// A trial record.
    public init(number: Int, parameters: TrialParameters, state: TrialState, failure: String? = nil,
                intermediateValues: [Int: Double] = [:], value: Double? = nil,
                metrics: [String: Double] = [:], seed: Int = 0, seconds: Double = 0) {
        self.number = number
        self.parameters = parameters
        self.state = state
        self.failure = failure
        self.intermediateValues = intermediateValues
        self.value = value
        self.metrics = metrics
        self.seed = seed
        self.seconds = seconds
    }

    /// Whether Ctrl-C (or a process that died) stopped it: failed with `Study.interruptedReason`,
    /// or left running. Every listing calls such a trial "interrupted", not "failed".
    public var wasInterrupted: Bool {
        state == .running || (state == .failed && failure == Study.interruptedReason)
    }

    /// The word listings use for where it stands: its state, or "interrupted" (`wasInterrupted`).
    public var stateWord: String { wasInterrupted ? Study.interruptedReason : state.rawValue }

    /// The intermediate values in step order.
    public var curve: [(step: Int, value: Double)] {
        intermediateValues.sorted { $0.key < $1.key }.map { (step: $0.key, value: $0.value) }
    }

    /// The last reported step, if any.
    public var lastStep: Int? { intermediateValues.keys.max() }
}

extension Array where Element == Trial {
    /// The best complete trial for `direction` (the lowest number among equals); nil if none.
    public func best(for direction: MetricDirection) -> Trial? {
        var best: Trial?
        for trial in self where trial.state == .complete && trial.value != nil {
            if best.map({ Self.ranks(trial, before: $0, for: direction) }) ?? true { best = trial }
        }
        return best
    }

    /// The complete trials, best first for `direction` (the lower number first among equals).
    public func ranked(for direction: MetricDirection) -> [Trial] {
        filter { $0.state == .complete && $0.value != nil }.sorted { Self.ranks($0, before: $1, for: direction) }
    }

    /// Whether `a` ranks before `b`: a better value, or the same value and a lower number.
    private static func ranks(_ a: Trial, before b: Trial, for direction: MetricDirection) -> Bool {
        let x = a.value ?? 0, y = b.value ?? 0
        return x != y ? direction.isBetter(x, than: y) : a.number < b.number
    }
}
