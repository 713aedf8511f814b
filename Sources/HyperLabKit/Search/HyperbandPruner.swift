/// Hyperband (`prune=hyperband`): brackets of successive halving over epochs, each trial in one
/// bracket, each bracket pruning against its own trials only.
///
/// ```swift
/// let pruner = HyperbandPruner(maximumResource: 81)          // η = 3, min_epochs = 1
/// pruner.brackets.map(\.rungs)   // s = 4: 81 trials for 1 epoch, 27 for 3, ... 1 for 81
/// pruner.bracket(of: 7)          // the bracket trial 7 runs in, from its number alone
/// ```
///
/// Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar (2018), "Hyperband: a novel bandit-based
/// approach to hyperparameter optimization", with the design of Optuna's `HyperbandPruner`:
/// with r = `minimumResource`, R = `maximumResource` and s_max = ⌊log_η(R/r)⌋ there are
/// s_max + 1 brackets; bracket b (0 … s_max, s = s_max − b in the paper) is a
/// `SuccessiveHalvingPruner` with `minimumEarlyStoppingRate` b, so its rungs lie at r·η^(b+k)
/// epochs, and its trials are promoted among its own trials at each rung (the peers of
/// `PruningContext` in that bracket).
///
/// Trials are spread over the brackets in proportion to the paper's n = ⌈(s_max+1)·η^s/(s+1)⌉
/// (Optuna's bracket budget), but by their number, never by a hash or by timing: each cycle of
/// Σn trials holds exactly n of bracket b, interleaved by smooth weighted round-robin, so the
/// assignment, and with it every decision, depends on the trial number alone.
///
/// With `sweep tpe`, `budgetedSampler` makes TPE model one budget at a time, as BOHB does
/// (Falkner, Klein & Hutter 2018, "BOHB: robust and efficient hyperparameter optimization at
/// scale").
public struct HyperbandPruner: Pruner {
    /// One rung of a bracket in the paper's table: n_i trials run r_i epochs.
    public struct Rung: Sendable, Hashable {
        /// n_i = ⌊n·η^(−i)⌋: how many of the bracket's trials reach this rung.
        public var trials: Int
        /// r_i: the epochs at this rung.
        public var epochs: Int
    }

    /// One bracket: how many trials the paper starts it with, and its rungs.
    public struct Bracket: Sendable, Hashable {
        /// The bracket's index b; the paper's s is `brackets.count − 1 − b`.
        public var index: Int
        /// The paper's n: trials the bracket starts with, its share of the trials.
        public var trialCount: Int
        /// The paper's table for this bracket, rung by rung.
        public var rungs: [Rung]
    }

    /// r: the first rung of the most aggressive bracket, in epochs (`min_epochs=`).
    public let minimumResource: Int
    /// R: the most epochs a trial runs (the sweep's `epochs`).
    public let maximumResource: Int
    /// η: 1/η of a bracket's trials continue at each rung (`eta=`).
    public let reductionFactor: Int
    /// The brackets, most aggressive first (b = 0, the paper's s = s_max).
    public let brackets: [Bracket]
    /// One cycle of bracket indices: `brackets[b].trialCount` of each, interleaved.
    private let cycle: [Int]

    /// A Hyperband pruner over trials of up to `maximumResource` epochs.
    public init(minimumResource: Int = 1, maximumResource: Int, reductionFactor: Int = 3) {
        let r = max(minimumResource, 1)
        let eta = max(reductionFactor, 2)
        let big = max(maximumResource, r)
        self.minimumResource = r
        self.maximumResource = big
        self.reductionFactor = eta
        var sMax = 0
        var top = r
        while top <= big / eta {
            top *= eta
            sMax += 1
        }
        var brackets: [Bracket] = []
        for b in 0...sMax {
            let s = sMax - b
            let power = Self.power(eta, s)
            let n = (sMax + 1) * power / (s + 1) + ((sMax + 1) * power % (s + 1) == 0 ? 0 : 1)
            let first = r * Self.power(eta, b)
            let rungs = (0...s).map { i in Rung(trials: n / Self.power(eta, i), epochs: first * Self.power(eta, i)) }
            brackets.append(Bracket(index: b, trialCount: n, rungs: rungs))
        }
        self.brackets = brackets
        cycle = Self.interleave(brackets.map(\.trialCount))
    }

    /// The bracket trial `number` runs in.
    public func bracket(of number: Int) -> Int {
        cycle[((number % cycle.count) + cycle.count) % cycle.count]
    }

    /// The successive-halving pruner of bracket `index`.
    public func halving(_ index: Int) -> SuccessiveHalvingPruner {
        SuccessiveHalvingPruner(minimumResource: minimumResource, reductionFactor: reductionFactor,
                                minimumEarlyStoppingRate: index)
    }

    /// The steps of every bracket's rungs (those of bracket 0) below R: the study waits for
    /// peers there; at R itself a trial has finished.
    public func isDecisionStep(_ step: Int) -> Bool {
        step < maximumResource && halving(0).isDecisionStep(step)
    }

    /// Whether the trial falls outside the top 1/η at a rung of its bracket, among the trials
    /// of its bracket only.
    public func shouldPrune(_ context: PruningContext) -> Bool {
        let own = bracket(of: context.number)
        var inBracket = context
        inBracket.peerValues = context.peerValues.filter { bracket(of: $0.key) == own }
        inBracket.peerCount = inBracket.peerValues.count
        return halving(own).shouldPrune(inBracket)
    }

    /// The budgets BOHB's model may use: every rung below R, then R.
    public var budgets: [Int] {
        halving(0).rungs(upTo: maximumResource).filter { $0 < maximumResource } + [maximumResource]
    }

    /// `sampler` modelling one budget at a time (BOHB), for the samplers that rank by value (TPE).
    public func budgetedSampler(_ sampler: any Sampler) -> any Sampler {
        BudgetedSampler(base: sampler, budgets: budgets)
    }

    /// b^e for small whole numbers.
    private static func power(_ base: Int, _ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<max(exponent, 0) { result *= base }
        return result
    }

    /// Smooth weighted round-robin: a sequence of Σ`weights` indices with `weights[i]` of index
    /// i, each index spread as evenly as the weights allow (ties go to the lower index).
    static func interleave(_ weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        var current = [Int](repeating: 0, count: weights.count)
        var order: [Int] = []
        order.reserveCapacity(total)
        for _ in 0..<total {
            var chosen = 0
            for i in weights.indices {
                current[i] += weights[i]
                if current[i] > current[chosen] { chosen = i }
            }
            current[chosen] -= total
            order.append(chosen)
        }
        return order
    }
}

extension HyperbandPruner: RegisteredPruner {
    /// What `prune=`'s help says of it.
    public static let summary: String? = "hyperband (brackets of it)"
    /// η and r; R is the sweep's epochs (`budgetsEpochs`).
    public static let settings = [
        PrunerSetting("eta", 2...100, default: 3, "1/eta of a bracket's trials go on at each rung"),
        PrunerSetting("min_epochs", 1...100_000, default: 1, countsEpochs: true,
                      "the first rung, in epochs; the last is the sweep's epochs"),
    ]
    /// Hyperband's budget is epochs, up to R = `max_epochs`.
    public static let budgetsEpochs = true

    /// Hyperband with η = `eta`, r = `min_epochs`, R = `max_epochs` (default: the default epochs).
    public init(settings: [String: Int]) {
        self.init(minimumResource: settings["min_epochs"] ?? 1,
                  maximumResource: settings["max_epochs"] ?? Configuration().epochs,
                  reductionFactor: settings["eta"] ?? 3)
    }

    /// "eta 3, epochs 1 to 27".
    public var settingsSummary: String? {
        "eta \(reductionFactor), epochs \(minimumResource) to \(maximumResource)"
    }

    /// TPE models one budget at a time (BOHB, `budgetedSampler`); other samplers as they are.
    public func sampler(_ sampler: any Sampler, of kind: SamplerKind) -> any Sampler {
        kind == .tpe ? budgetedSampler(sampler) : sampler
    }
}

/// A sampler that models one budget at a time (BOHB): its history is the visible trials' values
/// at the largest budget (epochs) that d + 3 of them reached (BOHB's N_min + 2, N_min = d + 1 for
/// d swept parameters), as if those trials had completed there; at the full length a complete
/// trial counts with its value. The visible trials without a value at that budget count as
/// failed (the model's worst). Until some budget has enough values, the base sampler sees the
/// history as it is. Pending trials stay pending, and the history is the study's visible trials
/// (below n − lag), so suggestions stay independent of timing and `parallel=`.
struct BudgetedSampler: Sampler {
    /// The sampler that suggests from the rewritten history.
    var base: any Sampler
    /// The budgets, ascending; the last is the trials' full length.
    var budgets: [Int]

    var usesHistory: Bool { base.usesHistory }

    func suggest(_ context: SamplingContext, using generator: inout SeededGenerator) -> TrialParameters {
        base.suggest(atLargestBudget(context), using: &generator)
    }

    /// The context with the finished trials seen at the largest budget that has enough values.
    func atLargestBudget(_ context: SamplingContext) -> SamplingContext {
        let needed = context.space.count + 3
        for budget in budgets.reversed() {
            let isFull = budget == budgets.last
            func value(_ trial: Trial) -> Double? {
                let v = isFull && trial.state == .complete ? trial.value : trial.intermediateValues[budget]
                return v.flatMap { $0.isFinite ? $0 : nil }
            }
            guard context.finished.lazy.filter({ value($0) != nil }).count >= needed else { continue }
            var seen = context
            seen.finished = context.finished.map { trial in
                var trial = trial
                trial.value = value(trial)
                trial.state = trial.value == nil ? .failed : .complete
                return trial
            }[...]
            return seen
        }
        return context
    }
}
