import HyperLabKit

/// Honest evaluation: `compare A B` (paired seeds or folds, corrected resampled t-test) and
/// `recheck` (the optimism of the selected dev score).
extension Shell {
    /// Trains every job on the machine's cores (`ConfigurationObjective.scores`) with a live
    /// progress line, and returns the objective's metric per job (NaN for a run that diverged).
    /// A run that cannot start is the command's error, with the engine's reason.
    func score(_ jobs: [ConfigurationObjective.Job], on objective: ConfigurationObjective, label: String,
               command: BoundCommand) throws(InputError) -> [Double] {
        let console = self.console
        defer { console.clearStatus() }
        do {
            return try objective.scores(jobs, interruption: options.interruption) { finished in
                console.status(ProgressLine(label: label, done: finished, total: jobs.count).render(traits: console.traits))
            }
        } catch {
            throw InputError("\(label) cannot train: \(error.message)", at: command.syntax.nameSpan, hint: error.hint)
        }
    }

    /// The seed of pair `r` for a comparison or recheck: from the configuration's seed and a purpose.
    static func pairSeed(_ base: Int, _ purpose: String, _ r: Int) -> Int {
        Int(truncatingIfNeeded: SeededGenerator(seed: base).derived(purpose).derived(r).seed >> 1)
    }

    /// Reads `A B` from a compare command: `current`, `run N`, `trial N` or a bare trial number.
    private func references(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> [(name: String, config: Configuration)] {
        var out: [(name: String, config: Configuration)] = []
        var i = 0
        let values = command.arguments
        while i < values.count {
            let span = command.span(ofArgument: i)
            switch values[i] {
            case .word("current"):
                out.append(("current", bench.configuration))
                i += 1
            case .word(let kind):
                guard i + 1 < values.count, case .integer(let n) = values[i + 1] else {
                    throw InputError("\(kind) needs a number", at: span, hint: "write \(kind) 3")
                }
                out.append(try reference(kind, n, bench, span: command.span(ofArgument: i + 1)))
                i += 2
            case .integer(let n):
                out.append(try reference("trial", n, bench, span: span))
                i += 1
            default:
                i += 1
            }
        }
        guard out.count == 2 else {
            throw InputError("compare takes two configurations, not \(out.count)", at: command.syntax.span,
                             hint: "compare trial 3 current, or compare run 1 run 2")
        }
        return out
    }

    private func reference(_ kind: String, _ n: Int, _ bench: Workbench, span: SourceSpan?) throws(InputError) -> (name: String, config: Configuration) {
        if kind == "run" {
            guard n >= 1, n <= bench.runs.count else {
                throw InputError("there is no run \(n)", at: span, hint: bench.runs.isEmpty ? "train first" : "runs are numbered 1 to \(bench.runs.count)")
            }
            return ("run \(n)", bench.runs[n - 1].run.configuration)
        }
        guard let sweep = bench.sweeps.last, let trial = sweep.trial(n) else {
            throw InputError("there is no trial \(n)", at: span,
                             hint: bench.sweeps.isEmpty ? "run a sweep first" : "trials of the last sweep are numbered 0 to \(max((bench.sweeps.last?.trials.count ?? 1) - 1, 0))")
        }
        do {
            return ("trial \(n)", try sweep.configuration(of: trial))
        } catch {
            throw InputError("trial \(n) cannot be used: \(error.message)", at: span, hint: error.hint)
        }
    }

    /// `compare A B [repeats=N] [metric=M]`.
    func compare(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> ComparisonReport {
        let scoring = try requireScoring(bench, command)
        let refs = try references(command, bench)
        let metric = command.string("metric") ?? MetricName.primaryDevMetric(for: scoring.task)
        if command.string("metric") == nil, let sweep = bench.sweeps.last, sweep.isMultiObjective {
            console.line("compare works on one metric: \(metric) (metric= names another)")
        }
        try Self.checkDevMetric(metric, of: scoring.task, command, verb: "compare")
        let direction: MetricDirection = MetricName.isHigherBetter(metric) ? .maximize : .minimize
        // Pairs: seeds on the fixed split, or rounds of K folds (new folds each round) under cross-validation.
        var pairParts: [ScoringParts.Part] = []
        var seeds: [Int] = []
        var ratio = scoring.devToTrainRatio
        if scoring.isCrossValidation, let cv = bench.partitioning?.crossValidation {
            let rounds = command.integer("repeats", default: 1)
            for r in 0..<rounds {
                let folds = r == 0 ? cv : cv.refolded(seed: Shell.pairSeed(cv.seed, "compare folds", r))
                for k in 0..<folds.foldCount {
                    pairParts.append(ScoringParts.Part(folds.fold(k)))
                    seeds.append(Shell.pairSeed(bench.configuration.seed, "compare", r * folds.foldCount + k))
                }
            }
            ratio = SignificanceTest.foldRatio(folds: cv.foldCount)
        } else if let part = scoring.parts.first {
            let n = command.integer("repeats", default: 10)
            pairParts = Array(repeating: part, count: n)
            seeds = (0..<n).map { Shell.pairSeed(bench.configuration.seed, "compare", $0) }
        }
        let objective = ConfigurationObjective(parts: pairParts, metric: metric)
        let jobs = refs.flatMap { ref in
            seeds.enumerated().map { k, seed in
                ConfigurationObjective.Job(configuration: ref.config, seed: seed, part: k, origin: .command("compare"))
            }
        }
        let how = scoring.isCrossValidation ? "\(pairParts.count) paired folds" : "\(pairParts.count) paired seeds on the fixed split"
        console.line("compare \(refs[0].name) with \(refs[1].name) on \(metric): \(how)")
        let scores = try score(jobs, on: objective, label: "compare", command: command)
        if options.interruption.isRequested {
            throw InputError("compare was interrupted", at: nil, hint: "run it again; nothing was kept")
        }
        let a = Array(scores.prefix(pairParts.count)), b = Array(scores.suffix(pairParts.count))
        let test: SignificanceTest
        do {
            test = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: ratio)
        } catch {
            throw InputError("cannot compare: \(error.message)", at: command.syntax.nameSpan, hint: error.hint)
        }
        return ComparisonReport(names: (refs[0].name, refs[1].name), metric: metric, scoresA: a, scoresB: b,
                                test: test, direction: direction)
    }

    /// `recheck [top=K] [repeats=N] [fresh=yes] [metric=M]`.
    func recheck(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> RecheckResult {
        let sweep = try requireSweep(bench, command)
        let scoring = try requireScoring(bench, command)
        guard scoring.datasetName == sweep.datasetName else {
            throw InputError("the last sweep ran on \(sweep.datasetName), not on the data loaded now", at: command.syntax.nameSpan,
                             hint: "sweep the current data first")
        }
        let top = command.integer("top")
        let repeats = command.integer("repeats")
        let fresh = command.boolean("fresh")
        // metric= ranks and rechecks on a dev metric the trials recorded; a multi-objective sweep
        // without it is rechecked on its first dev metric.
        let chosen = command.string("metric")
        if let chosen { try Self.checkDevMetric(chosen, of: scoring.task, command, verb: "recheck") }
        let metric = chosen ?? (sweep.isMultiObjective ? Shell.trainerMetric(sweep.objectives, task: scoring.task) : sweep.metric)
        let rescored = chosen != nil || sweep.isMultiObjective
        let direction = rescored ? MetricName.direction(of: metric) ?? .maximize : sweep.direction
        let ranked = (rescored ? Shell.scoredBy(metric, sweep.trials) : sweep.trials).ranked(for: direction).prefix(top)
        guard !ranked.isEmpty else {
            if let chosen, sweep.trials.contains(where: { $0.state == .complete }) {
                throw InputError("no trial of \(sweep.name) recorded \(chosen)", at: command.span(ofOption: "metric"),
                                 hint: "its trials recorded " + Set(sweep.trials.flatMap { $0.metrics.keys }).sorted().joined(separator: ", "))
            }
            throw InputError("no trial of \(sweep.name) completed", at: command.syntax.nameSpan, hint: "results shows why")
        }
        // The parts of repeat r: the current ones, or a fresh deal of the non-test rows.
        func parts(_ r: Int) -> [ScoringParts.Part] {
            guard fresh, let partitioning = bench.partitioning, let dataset = bench.dataset else { return scoring.parts }
            return partitioning.freshParts(of: dataset, seed: Shell.pairSeed(sweep.seed, "recheck split", r))
        }
        let partsPerRepeat = (0..<repeats).map(parts)
        // Repeat r's parts are objective.parts[firstPart[r]...]: one objective over every repeat's parts.
        let firstPart = partsPerRepeat.indices.map { r in partsPerRepeat[..<r].reduce(0) { $0 + $1.count } }
        let objective = ConfigurationObjective(parts: partsPerRepeat.flatMap { $0 }, metric: metric)
        var jobs: [ConfigurationObjective.Job] = []
        var owners: [(trial: Int, repeatIndex: Int)] = []
        for trial in ranked {
            let config: Configuration
            do {
                config = try sweep.configuration(of: trial)
            } catch {
                throw InputError("trial \(trial.number) cannot be rechecked: \(error.message)", at: command.syntax.nameSpan)
            }
            for r in 0..<repeats {
                for k in partsPerRepeat[r].indices {
                    jobs.append(ConfigurationObjective.Job(configuration: config, seed: Shell.pairSeed(trial.seed, "recheck", r),
                                                           part: firstPart[r] + k, origin: .command("recheck")))
                    owners.append((trial.number, r))
                }
            }
        }
        if sweep.isMultiObjective && chosen == nil {
            console.line("recheck works on one metric: \(metric), the first dev metric of \(sweep.name)'s "
                         + sweep.objectives.map(\.name).joined(separator: ", ") + " (metric= names another)")
        }
        console.line("recheck " + (ranked.count == 1 ? "the best trial" : "the \(ranked.count) best trials") + " of \(sweep.name) on \(metric): \(repeats) fresh seeds each"
                     + (fresh ? ", each on a fresh deal of train and dev" : "") + (scoring.isCrossValidation ? ", mean over the folds" : ""))
        let scores = try score(jobs, on: objective, label: "recheck", command: command)
        if options.interruption.isRequested {
            throw InputError("recheck was interrupted", at: nil, hint: "run it again; nothing was kept")
        }
        var perTrial: [Int: [Int: [Double]]] = [:]
        for (owner, value) in zip(owners, scores) { perTrial[owner.trial, default: [:]][owner.repeatIndex, default: []].append(value) }
        let trials = ranked.map { trial in
            RecheckTrial(number: trial.number, selectionScore: trial.value ?? .nan,
                         recheckScores: (0..<repeats).map { r in ConfigurationObjective.mean(perTrial[trial.number]?[r] ?? []) })
        }
        let report: RecheckReport
        do {
            report = try RecheckReport(trials: trials, direction: direction)
        } catch {
            throw InputError("cannot recheck: \(error.message)", at: command.syntax.nameSpan, hint: error.hint)
        }
        return RecheckResult(report: report)
    }

    /// Throws unless `metric` is a dev metric of `task` (`metric=` of compare and recheck, the
    /// command `verb`): a sweep's cost metric gets its own reason.
    static func checkDevMetric(_ metric: String, of task: LearningTask, _ command: BoundCommand, verb: String) throws(InputError) {
        if Shell.sweepCostMetrics.contains(metric) {
            throw InputError("\(verb) retrains on a dev metric, and \(metric) is a cost that fresh seeds do not change",
                             at: command.span(ofOption: "metric"),
                             hint: "\(verb) metric=\(MetricName.primaryDevMetric(for: task)), or another dev metric")
        }
        guard MetricName.allDevMetrics(for: task).contains(metric) else {
            throw InputError("\(metric.excerpt) is not a metric of a \(task.rawValue) task", at: command.span(ofOption: "metric"),
                             hint: "use one of: " + MetricName.allDevMetrics(for: task).joined(separator: ", "))
        }
    }
}
