import Foundation
import HyperLabKit

/// Multi-objective sweeps (`metric=[dev_acc, parameters]`): which metrics, which samplers may
/// search for them, and the objective that reports the model's size and the trial's time beside
/// the dev metrics.
extension Shell {
    /// The metrics a multi-objective sweep may list beside the dev metrics: the model's trainable
    /// weight count, and a trial's wall time in seconds (which differs from run to run).
    static let sweepCostMetrics = ["parameters", "seconds"]

    /// Every metric `metric=` of a sweep may name (completion, help and the binder's check).
    static let sweepMetricNames = MetricName.allDevMetricNames + sweepCostMetrics

    /// The objectives of `metric=[a, b]`, each with its direction; empty for one metric. For the
    /// built-in trainer (`task`) the names are its dev metrics and the costs, each direction
    /// implied; for an objective command (`external`) any metrics it reports, each direction
    /// implied by the name or, for the command's own metric, its `direction=`.
    /// - Throws: `InputError` at the metric that is unknown, does not fit the task or has no
    ///   direction; at `metric=` for a sampler that models one metric; at `prune=`.
    func sweepObjectives(_ command: BoundCommand, kind: SamplerKind, task: LearningTask?,
                         external: ExternalObjectiveSetting? = nil) throws(InputError) -> [StudyObjective] {
        guard case .names(let names)? = command.option("metric") else { return [] }
        let span = command.span(ofOption: "metric")
        var itemSpans: [SourceSpan?] = names.map { _ in span }
        if case .list(let items)? = command.syntax.options.last(where: { $0.key == "metric" })?.value.value {
            itemSpans = items.map(\.span)
        }
        var objectives: [StudyObjective] = []
        for (index, name) in names.enumerated() {
            let at = index < itemSpans.count ? itemSpans[index] : span
            if let task {
                if name.hasPrefix("train_") { try Shell.checkScoredOnDev(name, at: at, task: task) }
                guard Shell.sweepMetricNames.contains(name) else {
                    throw InputError("no metric '\(name.excerpt)'", at: at,
                                     hint: ClosestMatch.suggestion(for: name, among: Shell.sweepMetricNames).map { "did you mean \($0)?" }
                                        ?? "metrics: " + Shell.sweepMetricNames.joined(separator: ", "))
                }
                let allowed = MetricName.allDevMetrics(for: task) + Shell.sweepCostMetrics
                guard allowed.contains(name) else {
                    throw InputError("\(name.excerpt) is not a metric of a \(task.rawValue) task", at: at,
                                     hint: "use two or three of: " + allowed.joined(separator: ", "))
                }
                objectives.append(StudyObjective(name, MetricName.direction(of: name) ?? .maximize))
            } else {
                guard let direction = name == external?.metric ? external?.direction : MetricName.direction(of: name) else {
                    throw InputError("HyperLab does not know whether a higher or a lower \(name.excerpt) is better", at: at,
                                     hint: "make it the command's metric with its direction (objective command … metric=\(name.excerpt) direction=min), "
                                        + "or report it under a name that says which: NAME_loss, NAME_error, NAME_seconds are lower-is-better, NAME_acc, NAME_score higher")
                }
                objectives.append(StudyObjective(name, direction))
            }
        }
        if let task, objectives.allSatisfy({ Shell.sweepCostMetrics.contains($0.name) }) {
            throw InputError("\(names.joined(separator: " and ")) are costs: the front needs a score that training changes",
                             at: span, hint: "add a dev metric: metric=[\(MetricName.primaryDevMetric(for: task)), \(names.joined(separator: ", "))]")
        }
        guard kind.supportsMultipleObjectives else {
            let kinds = SamplerKind.allCases.filter(\.supportsMultipleObjectives).map(\.rawValue)
            throw InputError("sweep \(kind.rawValue) models one metric and cannot search for several", at: span,
                             hint: "use \(kinds.joined(separator: ", ")) for several metrics (tpe runs MOTPE), or give one metric")
        }
        if let prune = command.string("prune"), prune != PrunerKind.none.rawValue {
            throw InputError("pruning compares one metric between trials, and this sweep has \(names.count)",
                             at: command.span(ofOption: "prune"), hint: "leave out prune= when you list several metrics")
        }
        return objectives
    }

    /// Refuses a metric a sweep cannot score a configuration by: a cost alone (`parameters`,
    /// `seconds`) or a train-part metric (choices are made on dev).
    static func checkScoredOnDev(_ name: String, at span: SourceSpan?, task: LearningTask) throws(InputError) {
        let primary = MetricName.primaryDevMetric(for: task)
        if sweepCostMetrics.contains(name) {
            throw InputError("\(name.excerpt) is a cost, not a score: a sweep optimizes it beside a dev metric", at: span,
                             hint: "list both: metric=[\(primary), \(name.excerpt)]")
        }
        if name.hasPrefix("train_") {
            throw InputError("sweeps score on dev, not on the train part", at: span,
                             hint: "a model that fits train best is not the one that generalizes: use \(primary)")
        }
    }

    /// What the built-in trainer runs for each trial of `plan`, here or on a worker: its dev metric
    /// over the parts and seeds, and for several metrics the trainer's metric plus the costs.
    static func builtinObjective(_ plan: SweepPlan, scoring: ScoringParts) -> @Sendable (TrialContext) throws -> TrialOutcome {
        guard !plan.objectives.isEmpty else {
            return ConfigurationObjective(parts: scoring.parts, metric: plan.metric, repeats: plan.repeats)
                .trialObjective(base: plan.base)
        }
        let trainer = ConfigurationObjective(parts: scoring.parts, metric: Shell.trainerMetric(plan.objectives, task: scoring.task),
                                             repeats: plan.repeats)
        return Shell.withCostMetrics(trainer.trialObjective(base: plan.base), objectives: plan.objectives,
                                     base: plan.base, parts: scoring.parts)
    }

    /// `objective` with the cost metrics `objectives` name added to each outcome (`parameters`,
    /// the trainable weights of the trial's model on the first part, and `seconds`, the trial's
    /// wall time) and the first objective's value as the outcome's value.
    static func withCostMetrics(_ objective: @escaping @Sendable (TrialContext) throws -> TrialOutcome,
                                objectives: [StudyObjective], base: Configuration,
                                parts: [ScoringParts.Part]) -> @Sendable (TrialContext) throws -> TrialOutcome {
        let names = Set(objectives.map(\.name))
        let first = objectives.first?.name ?? ""
        return { context in
            let start = ContinuousClock.now
            var outcome = try objective(context)
            if names.contains("parameters"), let part = parts.first {
                var configuration = base
                for (name, value) in context.parameters {
                    try configuration.set(name, value, origin: .trial(context.number))
                }
                let classes = if case .classes(_, let count) = part.train.targets { count } else { 1 }
                let architecture = try Architecture(configuration: configuration, inputs: part.train.featureCount,
                                                    task: part.train.task, classes: classes)
                outcome.metrics["parameters"] = Double(architecture.parameterCount)
            }
            if names.contains("seconds") { outcome.metrics["seconds"] = (ContinuousClock.now - start).inSeconds }
            outcome.value = outcome.metrics[first] ?? .nan
            return outcome
        }
    }

    /// The dev metric the trainer scores a multi-objective sweep's trials by: the first listed
    /// that is not a cost, or the task's primary one.
    static func trainerMetric(_ objectives: [StudyObjective], task: LearningTask) -> String {
        objectives.first { !sweepCostMetrics.contains($0.name) }?.name ?? MetricName.primaryDevMetric(for: task)
    }

    /// "the Pareto front of dev_acc (higher is better) and parameters (lower is better)".
    static func objectivesText(_ objectives: [StudyObjective]) -> String {
        let each = objectives.map { "\($0.name) (\($0.direction == .maximize ? "higher" : "lower") is better)" }
        return each.dropLast().joined(separator: ", ") + " and " + (each.last ?? "")
    }

    /// "pareto front of dev_acc and parameters: 4 trials" and one line per front trial, best first
    /// by the first metric: "  trial 7 · dev_acc 0.962 · parameters 2378 · units=36"; or "no trial completed".
    static func paretoSummary(_ sweep: SweepRecord) -> String {
        let front = sweep.paretoFront.sorted { a, b in
            let x = a.metrics[sweep.metric] ?? .nan, y = b.metrics[sweep.metric] ?? .nan
            return x != y ? sweep.direction.isBetter(x, than: y) : a.number < b.number
        }
        guard !front.isEmpty else { return "no trial completed" }
        var lines = ["pareto front of " + sweep.objectives.map(\.name).joined(separator: " and ")
                     + ": \(front.count) trial\(front.count == 1 ? "" : "s")"]
        for trial in front {
            let values = sweep.objectives.map { "\($0.name) \(Shell.metricCell(trial, $0.name))" }
            lines.append("  trial \(trial.number) · " + values.joined(separator: " · ") + " · " + Shell.parameterText(trial.parameters))
        }
        return lines.joined(separator: "\n")
    }

    /// `trials` with each one's value replaced by its `metric` (nil where it has none), so they
    /// rank by that metric alone (`recheck` of a multi-objective sweep).
    static func scoredBy(_ metric: String, _ trials: [Trial]) -> [Trial] {
        trials.map { trial in
            var scored = trial
            scored.value = trial.state == .complete ? trial.metrics[metric] : nil
            return scored
        }
    }
}
