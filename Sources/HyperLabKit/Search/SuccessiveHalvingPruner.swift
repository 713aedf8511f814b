/// Asynchronous successive halving (`prune=asha`): at each rung (steps r·η^k: 1, 3, 9, 27, ...
/// epochs for r = 1, η = 3) a trial continues only if its value is among the top 1/η of the
/// values recorded at that rung.
///
/// Li et al. (2020), "A system for massively parallel hyperparameter tuning" (ASHA), with
/// the promotion rule of Optuna's `SuccessiveHalvingPruner`: among n values at a rung
/// (the trial's own included) the trial continues if it ranks within the best ⌊n/η⌋, or is
/// the best when ⌊n/η⌋ = 0. The rung's population is the trial's peers (see
/// `PruningContext`), so decisions are reproducible.
public struct SuccessiveHalvingPruner: Pruner {
    /// The first rung, in steps (epochs).
    public var minimumResource: Int
    /// η: the fraction 1/η of trials continues at each rung.
    public var reductionFactor: Int
    /// Skips the first rungs: rungs start at r·η^s for this s.
    public var minimumEarlyStoppingRate: Int

    /// An ASHA pruner (defaults: rungs at 1, 3, 9, 27, ...).
    public init(minimumResource: Int = 1, reductionFactor: Int = 3, minimumEarlyStoppingRate: Int = 0) {
        self.minimumResource = max(minimumResource, 1)
        self.reductionFactor = max(reductionFactor, 2)
        self.minimumEarlyStoppingRate = max(minimumEarlyStoppingRate, 0)
    }

    /// The rung steps up to `limit`.
    public func rungs(upTo limit: Int) -> [Int] {
        var result: [Int] = []
        var step = minimumResource
        for _ in 0..<minimumEarlyStoppingRate {
            let (next, overflow) = step.multipliedReportingOverflow(by: reductionFactor)
            if overflow { return result }
            step = next
        }
        while step <= limit {
            result.append(step)
            let (next, overflow) = step.multipliedReportingOverflow(by: reductionFactor)
            if overflow { break }
            step = next
        }
        return result
    }

    /// Whether `step` is a rung.
    public func isDecisionStep(_ step: Int) -> Bool {
        step >= 1 && rungs(upTo: step).last == step
    }

    /// Whether the trial's value at this rung falls outside the top 1/η.
    public func shouldPrune(_ context: PruningContext) -> Bool {
        guard isDecisionStep(context.step), let value = context.values[context.step] else { return false }
        if value.isNaN { return true }
        let competing = (context.peerValues.values.filter { !$0.isNaN } + [value]).sorted()
        let promotable = max(competing.count / reductionFactor - 1, 0)
        switch context.direction {
        case .maximize: return value < competing[competing.count - 1 - promotable]
        case .minimize: return value > competing[promotable]
        }
    }
}

extension SuccessiveHalvingPruner: RegisteredPruner {
    /// What `prune=`'s help says of it.
    public static let summary: String? = "asha (successive halving)"
    /// Rungs at 1, 3, 9, 27, ... epochs (it reads no settings).
    public init(settings: [String: Int]) { self.init() }
}
