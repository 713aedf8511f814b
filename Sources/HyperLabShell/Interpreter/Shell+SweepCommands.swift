import Foundation
import HyperLabKit

/// `sweep KIND` (a `SamplerKind`): the plan of a sweep (its space, sampler, metric,
/// objective and options) from the command; `runSweep` (Shell+SweepRun) runs it.
extension Shell {
    /// Everything a sweep needs besides the data: what to search, how, and how to score.
    struct SweepPlan {
        var name: String
        var kind: SamplerKind
        var space: SearchSpace
        var base: Configuration
        var metric: String
        var direction: MetricDirection
        var seed: Int
        var total: Int
        var repeats: Int
        var prune: PrunerKind
        /// The pruner's settings as the store keeps them (`eta`, `min_epochs`, `max_epochs`).
        var pruneSettings: [String: String] = [:]
        var baseline: Bool
        var parallel: Int
        /// The study's lag (`lag=`): fixed at creation and stored, never taken from the machine.
        var lag: Int
        /// The metrics of a multi-objective sweep (`metric=[dev_acc, parameters]`), the first being
        /// `metric`; empty for one metric.
        var objectives: [StudyObjective] = []
    }

    /// What a sweep's trials run: the built-in engine on the current parts, or an external command.
    enum SweepTarget {
        case builtin(ScoringParts)
        case external(ExternalObjectiveSetting)
    }

    /// Runs a sweep on the current split (or of the objective command).
    func sweep(_ command: BoundCommand, kind: SamplerKind, on bench: inout Workbench) throws(InputError) {
        let target: SweepTarget
        var metric: String
        let base: Configuration
        var objectives: [StudyObjective] = []
        if let external = bench.objective {
            objectives = try sweepObjectives(command, kind: kind, task: nil, external: external)
            target = .external(external)
            metric = objectives.first?.name ?? external.metric
            base = bench.configuration
        } else {
            for option in command.syntax.options where ParameterCatalog.spec(option.key) == nil
                && !command.spec.options.contains(where: { $0.key == option.key }) {
                if ParameterCatalog.aliases[option.key] == "seed" {
                    throw InputError("a sweep sets each trial's \(option.key.excerpt) from seed= and the trial number",
                                     at: option.keySpan,
                                     hint: "seed=N changes the sweep's seeds; repeats=N trains each configuration on N seeds")
                }
                let keys = command.spec.optionKeys
                throw InputError("\(command.spec.title) has no option '\(option.key.excerpt)'", at: option.keySpan,
                                 hint: ClosestMatch.suggestion(for: option.key, among: keys).map { "did you mean \($0)?" }
                                    ?? "free names are for an objective command's placeholders (help objective)")
            }
            let scoring = try requireScoring(bench, command)
            target = .builtin(scoring)
            objectives = try sweepObjectives(command, kind: kind, task: scoring.task)
            if let first = objectives.first { metric = first.name } else { metric = try sweepMetric(command, task: scoring.task) }
            base = try applyingParameterOptions(of: command, to: bench.configuration, origin: .command("sweep"))
        }
        let space = try sweepSpace(command, kind: kind, base: base, external: bench.objective != nil)
        var total = command.integer("n", default: 20)
        if kind == .grid {
            let points: Int
            do { points = try GridSampler(space).count } catch {
                throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint ?? "a grid takes lists: lr=[1e-3, 1e-2]")
            }
            if points > Shell.maximumTrials, command.option("n") == nil {
                throw InputError("the grid has \(points) points, more than a sweep's \(Shell.maximumTrials) trials",
                                 at: command.syntax.nameSpan,
                                 hint: "cap it with n= (n=\(Shell.maximumTrials) runs the first \(Shell.maximumTrials)), or use sweep random, which covers many dimensions better")
            }
            if points > 1_000, !command.boolean("force"), command.option("n") == nil {
                throw InputError("the grid has \(points) points", at: command.syntax.nameSpan,
                                 hint: "add force=yes to run them all, cap it with n=, or use sweep random (better in many dimensions)")
            }
            total = min(points, command.integer("n", default: points))
            console.line("grid: " + space.parameters.map { "\($0.distribution.choices?.count ?? 0)" }.joined(separator: " × ")
                         + " = \(points) point\(points == 1 ? "" : "s")" + (total < points ? ", running the first \(total)" : ""))
        }
        let baseline = command.boolean("baseline") || kind == .around
        if baseline, kind == .grid { total += 1 }
        let prune = command.string("prune").flatMap(PrunerKind.init(rawValue:)) ?? .none
        let pruneSettings = try Shell.pruneSettings(command, prune: prune, space: space, base: base)
        var plan = SweepPlan(name: command.string("name") ?? "sweep \(bench.sweeps.count + 1)", kind: kind, space: space,
                             base: base, metric: metric,
                             direction: objectives.first?.direction ?? bench.objective?.direction
                                ?? (MetricName.isHigherBetter(metric) ? .maximize : .minimize),
                             seed: command.integer("seed"), total: total,
                             repeats: command.integer("repeats"),
                             prune: prune, baseline: baseline,
                             parallel: command.integer("parallel", default: ProcessInfo.processInfo.activeProcessorCount),
                             lag: Shell.lag(command))
        plan.pruneSettings = pruneSettings
        plan.objectives = objectives
        try checkMemory(plan, target: target, command: command)
        emit(try runSweep(plan, target: target, bench: &bench, resuming: nil, command: command))
    }

    /// Refuses a plan whose estimated peak memory exceeds the machine's (`SweepMemoryEstimate`).
    private func checkMemory(_ plan: SweepPlan, target: SweepTarget, command: BoundCommand) throws(InputError) {
        let parts: [ScoringParts.Part] = if case .builtin(let scoring) = target { scoring.parts } else { [] }
        let estimate = SweepMemoryEstimate(plan: plan, parts: parts)
        guard estimate.bytes > options.machineMemory else { return }
        let running = min(plan.parallel, plan.total)
        throw InputError("this sweep needs about \(SweepMemoryEstimate.text(estimate.bytes)) of memory, more than this machine's \(SweepMemoryEstimate.text(options.machineMemory))",
                         at: command.syntax.nameSpan,
                         hint: "\(plan.total) trials keep about \(SweepMemoryEstimate.text(plan.total * SweepMemoryEstimate.bytesPerTrialRecord))"
                            + (estimate.bytesPerTraining > 0 ? " and \(running) trainings at once about \(SweepMemoryEstimate.text(running * estimate.bytesPerTraining)) at the largest sizes" : "")
                            + "; lower n= or parallel=, or narrow the swept sizes")
    }

    /// The study of a plan: its space, sampler and pruner by kind (trial 0 the base
    /// configuration where the plan says so), direction, seed, trial count and lag.
    static func study(for plan: SweepPlan) throws(InputError) -> Study {
        let current = TrialParameters(plan.space.names.compactMap { name in plan.base.value(name).map { (name, $0) } })
        let sampler: any Sampler
        do {
            sampler = try plan.kind.sampler(space: plan.space, baseline: plan.baseline ? current : nil)
        } catch {
            throw InputError(error.message, at: nil, hint: error.hint ?? "a grid takes lists: lr=[1e-3, 1e-2]")
        }
        let pruner: any Pruner
        do { pruner = try plan.prune.pruner(settings: plan.pruneSettings) } catch {
            throw InputError(error.message, at: nil, hint: error.hint)
        }
        var study = Study(space: plan.space, sampler: plan.prune.sampler(sampler, of: plan.kind, with: pruner), pruner: pruner,
                          direction: plan.direction,
                          seed: UInt64(plan.seed), trials: plan.total, lag: plan.lag)
        study.objectives = plan.objectives
        return study
    }

    /// A new sweep's lag: `lag=N`; `lag=auto` raises the default to the `parallel=` the command
    /// names, so that many trials can run at once; otherwise the fixed default. Never from the
    /// machine's core count, and never from parallel= unless asked, so a script replays the same
    /// everywhere and changing parallel= alone never changes results.
    static func lag(_ command: BoundCommand) -> Int {
        switch command.option("lag") {
        case .integer(let lag)?: return lag
        case .word("auto")?:
            guard case .integer(let parallel)? = command.option("parallel") else { return Study.defaultLag }
            return max(Study.defaultLag, parallel)
        default: return Study.defaultLag
        }
    }

    /// The trials with only the parameters each actually used: a swept key that the trial's own
    /// configuration does not use (momentum under sgd, dropout under a linear model) is dropped.
    static func usedParameters(_ trials: [Trial], base: Configuration) -> [Trial] {
        trials.map { trial in
            var config = base
            for (name, value) in trial.parameters { try? config.set(name, value, origin: .trial(trial.number)) }
            var used = trial
            // A name that is no configuration key (a parameter of a program's own study) is kept.
            used.parameters = TrialParameters(trial.parameters.filter { name, _ in
                ParameterCatalog.spec(name) == nil || config.isActive(name)
            }.map { ($0, $1) })
            return used
        }
    }

    /// The metric to optimize: `metric=` or the task's primary dev metric, checked against the task.
    private func sweepMetric(_ command: BoundCommand, task: LearningTask) throws(InputError) -> String {
        let allowed = MetricName.allDevMetrics(for: task)
        guard let metric = command.string("metric") else { return allowed[0] }
        if metric.hasPrefix("test_") {
            throw InputError("sweeps cannot score on the test part", at: command.span(ofOption: "metric"),
                             hint: "the test part is locked so choices are made on dev: use \(allowed.joined(separator: " or ")); evaluate test opens it once at the end")
        }
        try Shell.checkScoredOnDev(metric, at: command.span(ofOption: "metric"), task: task)
        guard allowed.contains(metric) else {
            throw InputError("\(metric.excerpt) is not a metric of a \(task.rawValue) task", at: command.span(ofOption: "metric"),
                             hint: "use one of: " + allowed.joined(separator: ", "))
        }
        return metric
    }

    /// The search space of the swept keys; lists become choices except in a grid. For an objective
    /// command, fixed values (`epochs=20`) are one-value choices, so they reach its placeholders.
    private func sweepSpace(_ command: BoundCommand, kind: SamplerKind, base: Configuration,
                            external: Bool = false) throws(InputError) -> SearchSpace {
        var pairs: [(String, Distribution)] = []
        if external {
            for (key, value) in command.freeValueOptions + command.parameterOptions {
                if let fixed = try? Distribution.choice([value]) { pairs.append((key, fixed)) }
            }
        }
        for (key, distribution) in command.distributionOptions {
            let span = command.span(ofOption: key)
            if kind == .around, !distribution.isNear {
                throw InputError("sweep around takes near(F) for each swept key", at: span, hint: "write \(key)=near(3)")
            }
            if kind != .around, distribution.isNear {
                throw InputError("near(F) belongs to sweep around", at: span, hint: "sweep around n=12 \(key)=near(3)")
            }
            if kind == .grid, !distribution.isEnumerable {
                throw InputError("a grid needs a list of values for \(key), not \(distribution)", at: span,
                                 hint: "write \(key)=[a, b, c], or use sweep random for distributions")
            }
            pairs.append((key, distribution))
        }
        guard !pairs.isEmpty else {
            throw InputError("nothing to sweep", at: command.syntax.nameSpan,
                             hint: "give at least one key a list or a distribution, e.g. \(command.spec.example)")
        }
        if kind.needsNumericRange, let first = command.distributionOptions.first,
           command.distributionOptions.allSatisfy({ $0.1.isCategorical }) {
            throw InputError("sweep \(kind.rawValue) needs a numeric range to search: every swept key here is a list",
                             at: command.span(ofOption: first.0),
                             hint: "it draws lists at random and searches ranges: add one, e.g. lr=log(1e-4, 1e-1); for lists only, use sweep tpe or sweep grid")
        }
        var center: [String: ParameterValue] = [:]
        var bounds: [String: ClosedRange<Double>] = [:]
        for (key, _) in pairs {
            center[key] = base.value(key)
            if let spec = ParameterCatalog.spec(key) { bounds[key] = spec.kind.searchBounds }
        }
        do {
            return try SearchSpace(pairs, center: center, bounds: bounds)
        } catch {
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
    }

    /// "sweep 1 done: 30 trials · 28 complete · 2 failed · best trial 17: dev_acc 0.967 (lr=0.0031 ...)".
    static func sweepSummary(_ sweep: SweepRecord, baselineUsed: Bool, interruptedPhrase: String = ShellOptions.ctrlCPhrase) -> String {
        let counts = Dictionary(grouping: sweep.trials, by: \.state).mapValues(\.count)
        // Trials a worker still runs after the shell stopped waiting are running, not interrupted.
        let onWorkers = if case .stoppedWaiting = sweep.stopCause { true } else { false }
        let stillRunning = onWorkers ? counts[.running] ?? 0 : 0
        let interrupted = sweep.trials.filter(\.wasInterrupted).count - stillRunning
        let failedInterrupted = sweep.trials.filter { $0.state == .failed && $0.wasInterrupted }.count
        var parts = ["\(sweep.name) done: \(sweep.trials.count) trial\(sweep.trials.count == 1 ? "" : "s")"]
        for state in [TrialState.complete, .pruned, .failed] {
            let count = (counts[state] ?? 0) - (state == .failed ? failedInterrupted : 0)
            if count > 0 { parts.append("\(count) \(state.rawValue)") }
        }
        if interrupted > 0 { parts.append("\(interrupted) interrupted") }
        if stillRunning > 0 { parts.append("\(stillRunning) still running") }
        let epochs = sweep.epochsTrained
        if epochs > 0 { parts.append("\(epochs) epochs trained") }
        var text = parts.joined(separator: " · ")
        if sweep.isMultiObjective {
            text += "\n" + Shell.paretoSummary(sweep)
        } else if let best = sweep.best, let value = best.value {
            text += "\nbest: trial \(best.number) · \(sweep.metric) \(NumberFormat.metric(value)) · \(Shell.parameterText(best.parameters))"
            if baselineUsed, let zero = sweep.trial(0), let zeroValue = zero.value, best.number != 0 {
                let gain = value - zeroValue
                text += "\nbaseline (trial 0, the current configuration): \(sweep.metric) \(NumberFormat.metric(zeroValue)); the best differs by \(gain >= 0 ? "+" : "")\(NumberFormat.metric(gain))"
            } else if baselineUsed, best.number == 0 {
                text += "\nthe baseline (trial 0, the current configuration) was not beaten"
            }
        } else {
            text += "\nno trial completed"
        }
        if sweep.stoppedEarly { text += "\n" + sweep.stopCause.summaryLine(interrupted: interruptedPhrase) }
        return text
    }

    /// "lr=0.00312 units=64" with numbers at 3 significant digits.
    static func parameterText(_ parameters: TrialParameters) -> String {
        parameters.map { "\($0)=\(Shell.valueText($1))" }.joined(separator: " ")
    }

    /// A distribution for display: real bounds at 3 significant digits (`log(3.33e-04, 0.003)`).
    static func distributionText(_ d: Distribution) -> String {
        switch d.kind {
        case let .uniform(a, b): "uniform(\(NumberFormat.metric(a, significant: 6)), \(NumberFormat.metric(b, significant: 6)))"
        case let .log(a, b): "log(\(NumberFormat.metric(a, significant: 6)), \(NumberFormat.metric(b, significant: 6)))"
        default: d.description
        }
    }

    /// A parameter value for display: reals at 3 significant digits.
    static func valueText(_ value: ParameterValue) -> String {
        if case .real(let x) = value { return NumberFormat.metric(x) }
        return value.description
    }
}

extension Shell.SweepTarget {
    /// How many folds each configuration is trained on (1 for a fixed split or a command).
    var foldCount: Int {
        if case .builtin(let scoring) = self { return scoring.parts.count }
        return 1
    }
}

extension Distribution {
    /// Whether this is `near(F)`.
    var isNear: Bool {
        if case .near = kind { return true }
        return false
    }

    /// Whether the values can be listed (a grid axis or a choice).
    var isEnumerable: Bool { choices != nil }

}

extension ParameterKind {
    /// The range a numeric key's sampled values must stay in (open ends pulled slightly inside).
    var searchBounds: ClosedRange<Double>? {
        switch self {
        case let .real(lo, hi, loOpen, hiOpen, _):
            let low = loOpen ? (lo == 0 ? Double.leastNormalMagnitude : lo.nextUp) : lo
            let high = hiOpen ? hi.nextDown : hi
            return low...high
        case .integer(let r):
            return Double(r.lowerBound)...Double(min(r.upperBound, 1 << 52))
        default:
            return nil
        }
    }
}
