/// Stops a trial whose best value so far is worse than the median of its peers' values at
/// the same step (`prune=median`).
///
/// Semantics of Optuna's `MedianPruner`: no pruning before `startupTrials` peers exist or
/// before `warmupSteps`; decisions every `intervalSteps` steps after warm-up; at least
/// `minimumPeers` peer values at the step; a NaN value is pruned at once. Unlike Optuna, the
/// peers are fixed by trial number (see `PruningContext`), so decisions are reproducible.
public struct MedianPruner: Pruner {
    /// Peers needed before any pruning (Optuna's `n_startup_trials`).
    public var startupTrials: Int
    /// Steps before which the trial is never pruned (Optuna's `n_warmup_steps`).
    public var warmupSteps: Int
    /// Decide every this many steps after warm-up.
    public var intervalSteps: Int
    /// Peer values needed at a step to judge (Optuna's `n_min_trials`).
    public var minimumPeers: Int

    /// A median pruner with Optuna's defaults.
    public init(startupTrials: Int = 5, warmupSteps: Int = 0, intervalSteps: Int = 1, minimumPeers: Int = 1) {
        self.startupTrials = max(startupTrials, 0)
        self.warmupSteps = max(warmupSteps, 0)
        self.intervalSteps = max(intervalSteps, 1)
        self.minimumPeers = max(minimumPeers, 1)
    }

    /// Steps at or after warm-up, on the interval.
    public func isDecisionStep(_ step: Int) -> Bool {
        step >= warmupSteps && (step - warmupSteps) % intervalSteps == 0
    }

    /// Whether the trial's best value so far is worse than the peers' median at this step.
    public func shouldPrune(_ context: PruningContext) -> Bool {
        guard isDecisionStep(context.step), let current = context.values[context.step] else { return false }
        if current.isNaN { return true }
        guard context.peerCount >= startupTrials else { return false }
        let peers = context.peerValues.values.filter { !$0.isNaN }
        guard peers.count >= minimumPeers, !peers.isEmpty else { return false }
        var best = current
        for (step, v) in context.values where step <= context.step && context.direction.isBetter(v, than: best) {
            best = v
        }
        return context.direction.isBetter(Self.median(peers), than: best)
    }

    /// The median (mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

extension MedianPruner: RegisteredPruner {
    /// What `prune=`'s help says of it.
    public static let summary: String? = "median of the earlier trials"
    /// Optuna's defaults (it reads no settings).
    public init(settings: [String: Int]) { self.init() }
}
