/// What a pruner sees when trial `number` reports its metric at `step` (an epoch).
///
/// Peers are the trials numbered below `number − Study.lag`; the study waits until
/// each of them has reported `step` or finished, so a decision depends only on the trial
/// numbers and the values, never on timing or `parallel=`.
public struct PruningContext: Sendable {
    /// The reporting trial.
    public var number: Int
    /// The step just reported.
    public var step: Int
    /// The trial's own values up to and including `step`.
    public var values: [Int: Double]
    /// The peers' values at `step`, keyed by trial number (peers that did not reach it are
    /// absent), so a pruner can choose among them (Hyperband's brackets).
    public var peerValues: [Int: Double]
    /// The number of peers (every trial numbered below `number − Study.lag`).
    public var peerCount: Int
    /// Whether the metric is maximized or minimized.
    public var direction: MetricDirection

    /// A context for one decision.
    public init(number: Int, step: Int, values: [Int: Double], peerValues: [Int: Double],
                peerCount: Int, direction: MetricDirection) {
        self.number = number
        self.step = step
        self.values = values
        self.peerValues = peerValues
        self.peerCount = peerCount
        self.direction = direction
    }
}

/// Decides whether to stop a trial early from its intermediate values and its peers'.
/// Following Optuna's pruner design: one decision method, no state.
public protocol Pruner: Sendable {
    /// Whether the pruner may decide at `step`; the study waits for peers only at these steps.
    func isDecisionStep(_ step: Int) -> Bool
    /// Whether to stop the trial now.
    func shouldPrune(_ context: PruningContext) -> Bool
}

/// Never prunes (`prune=none`).
public struct NoPruner: RegisteredPruner {
    /// `prune=none` is no method: help names the others.
    public static let summary: String? = nil
    /// A pruner that never prunes.
    public init() {}
    /// A pruner that never prunes (it reads no settings).
    public init(settings: [String: Int]) {}
    /// Never: the study never waits.
    public func isDecisionStep(_ step: Int) -> Bool { false }
    /// Never prunes.
    public func shouldPrune(_ context: PruningContext) -> Bool { false }
}
