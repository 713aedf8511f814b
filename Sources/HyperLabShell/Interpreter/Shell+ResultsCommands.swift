import Foundation
import HyperLabKit

/// Reading a sweep: `results`, `best`, `use best`, `use trial N`, `save results`.
extension Shell {
    /// The last sweep, or an error that says to run one.
    func requireSweep(_ bench: Workbench, _ command: BoundCommand) throws(InputError) -> SweepRecord {
        guard let sweep = bench.sweeps.last else {
            throw InputError("no sweep yet", at: command.syntax.nameSpan,
                             hint: "run one first, e.g. sweep random n=20 lr=log(1e-4, 1e-1)")
        }
        return sweep
    }

    /// The metrics a results table shows for a sweep: its metric first (each of its metrics, in
    /// order, for a multi-objective sweep), then the task's other dev metrics.
    static func shownMetrics(_ sweep: SweepRecord) -> [String] {
        let all = ["dev_acc", "dev_loss", "dev_rmse", "dev_r2"].filter { name in sweep.trials.contains { $0.metrics[name] != nil } }
        let lead = sweep.isMultiObjective ? sweep.objectives.map(\.name) : [sweep.metric]
        return lead + all.filter { !lead.contains($0) }
    }

    /// The further metrics the sweep's trials have beyond `shownMetrics` (dev_f1, dev_auc, …,
    /// then train_f1, …): sorted and filtered by, shown when asked for or under `metrics=all`.
    static func furtherMetrics(_ sweep: SweepRecord) -> [String] {
        let shown = shownMetrics(sweep)
        return (MetricName.allDevMetricNames + MetricName.furtherTrainMetricNames).filter { name in
            !shown.contains(name) && sweep.trials.contains { $0.metrics[name] != nil }
        }
    }

    /// A metric cell: "0.953", or "0.953 ± 0.012" under repeats; "—" when missing.
    static func metricCell(_ trial: Trial, _ name: String) -> String {
        guard let value = trial.metrics[name] else { return "—" }
        var text = NumberFormat.metric(value)
        if let sd = trial.metrics[name + "_sd"] { text += " ± " + NumberFormat.metric(sd) }
        return text
    }

    /// "complete", "pruned (epoch 3)", "failed: diverged at epoch 2", "interrupted" (stopped by
    /// Ctrl-C or left running by a process that died: the one word every listing uses).
    static func stateCell(_ trial: Trial) -> String {
        if trial.wasInterrupted { return trial.stateWord }
        switch trial.state {
        case .complete: return "complete"
        case .pruned: return "pruned (epoch \(trial.lastStep ?? 0))"
        case .failed, .running: return "failed: " + (trial.failure ?? "?")
        }
    }

    /// `results [sort=KEY] [top=N] [state=S] [where KEY<VALUE ...]`.
    func results(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> ResultsListing {
        let sweep = try requireSweep(bench, command)
        var trials = sweep.trials
        let keys = sweep.space.names
        var metrics = Shell.shownMetrics(sweep)
        // The further metrics (dev_f1, dev_auc, …, train_f1, …) may be sorted and filtered by, and
        // are then shown; metrics=all shows them all.
        let further = Shell.furtherMetrics(sweep)
        let asked = [command.string("sort")].compactMap { $0 } + command.arguments.compactMap { argument -> String? in
            if case .comparison(let key, _, _) = argument { return key } else { return nil }
        }
        metrics += further.filter { command.word("metrics") == "all" || asked.contains($0) }
        func value(_ trial: Trial, _ name: String) -> Double? {
            if let p = trial.parameters[name] { return p.asReal }
            if name == "trial" { return Double(trial.number) }
            if name == "seconds" { return trial.seconds }
            return trial.metrics[name]
        }
        let known = ["trial", "seconds"] + keys + metrics + further.filter { !metrics.contains($0) } + ["epochs"]
        if let state = command.string("state") { trials = trials.filter { $0.stateWord == state } }
        for (i, argument) in command.arguments.enumerated() {
            guard case .comparison(let key, let op, let limit) = argument else { continue }
            guard known.contains(key) else {
                throw InputError("the sweep has no column '\(key.excerpt)'", at: command.span(ofArgument: i),
                                 hint: ClosestMatch.suggestion(for: key, among: known).map { "did you mean \($0)?" }
                                    ?? "columns: " + known.joined(separator: ", "))
            }
            trials = trials.filter { trial in
                guard let v = value(trial, key) else { return false }
                switch op {
                case "<": return v < limit
                case "<=": return v <= limit
                case ">": return v > limit
                default: return v >= limit
                }
            }
        }
        if let sort = command.string("sort") ?? (command.option("top") != nil ? sweep.metric : nil) {
            guard known.contains(sort) else {
                throw InputError("cannot sort by '\(sort.excerpt)'", at: command.span(ofOption: "sort"),
                                 hint: ClosestMatch.suggestion(for: sort, among: known).map { "did you mean \($0)?" }
                                    ?? "sort by one of: " + known.joined(separator: ", "))
            }
            let descending = metrics.contains(sort) && MetricName.isHigherBetter(sort)
            trials.sort { a, b in
                switch (value(a, sort), value(b, sort)) {
                case let (x?, y?): return x != y ? (descending ? x > y : x < y) : a.number < b.number
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.number < b.number
                }
            }
        }
        let shownCount = trials.count
        if let top = command.option("top"), case .integer(let n) = top { trials = Array(trials.prefix(n)) }
        return ResultsListing(sweep: sweep, trials: trials, keys: keys, metrics: metrics, matched: shownCount,
                              sortKey: command.string("sort"))
    }

    /// Narrows a table that does not fit `width` by leaving out whole columns rather than
    /// cutting every header to "dev_…": first the columns whose cells are all the same (said
    /// once in a note: "every trial shown: epochs 20, state complete", `rowsName` naming the
    /// rows), then the columns of `dropFirst` in its order (named in a note, followed by
    /// `leftOutHint` in parentheses). The columns in `keep` always stay; what is still too wide
    /// is narrowed by the table itself.
    static func makeRoom(in table: inout TextTable, width: Int, keep: [String], dropFirst: [String],
                         rowsName: String, leftOutHint: String) {
        guard table.naturalWidth > width, !table.rows.isEmpty else { return }
        var same: [String] = []
        for index in table.columns.indices.reversed() where table.naturalWidth > width {
            let header = table.columns[index].header
            guard !keep.contains(header), let first = table.rows.first?[index],
                  table.rows.allSatisfy({ $0[index] == first }) else { continue }
            same.insert("\(header) \(first)", at: 0)
            table.removeColumn(at: index)
        }
        var left: [String] = []
        for header in dropFirst where table.naturalWidth > width && !keep.contains(header) {
            guard let index = table.columns.firstIndex(where: { $0.header == header }) else { continue }
            left.append(header)
            table.removeColumn(at: index)
        }
        if !same.isEmpty { table.notes.insert("every \(rowsName) shown: " + same.joined(separator: ", "), at: 0) }
        if !left.isEmpty {
            table.notes.append("left out to fit \(width) columns: " + left.joined(separator: ", "))
            table.notes.append("(\(leftOutHint))")
        }
    }

    /// `best`: the best trial, its parameters against the current values, and how to use it.
    func best(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> BestReport {
        let sweep = try requireSweep(bench, command)
        guard let best = sweep.best, let value = best.value else {
            throw InputError("no trial of \(sweep.name) completed", at: command.syntax.nameSpan,
                             hint: "results shows why (failed or pruned trials)")
        }
        let parameters = best.parameters.map { name, value in
            BestReport.Parameter(key: name, trial: Shell.valueText(value),
                                 current: bench.configuration.value(name).map(Shell.valueText) ?? "—")
        }
        let others = Shell.shownMetrics(sweep).dropFirst().compactMap { name in best.metrics[name].map { (name, $0) } }
        return BestReport(sweep: sweep, trial: best, value: value, parameters: parameters, otherMetrics: others)
    }

    /// `use best` / `use trial N`: the trial's whole configuration becomes the current one.
    func use(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let sweep = try requireSweep(bench, command)
        let trial: Trial
        if command.spec.subcommand == "best" {
            guard let best = sweep.best else {
                throw InputError("no trial of \(sweep.name) completed", at: command.syntax.nameSpan, hint: "results shows why")
            }
            trial = best
        } else {
            guard case .integer(let n)? = command.arguments.first, let found = sweep.trial(n) else {
                throw InputError("\(sweep.name) has no such trial", at: command.span(ofArgument: 0),
                                 hint: "its trials are numbered 0 to \(max(sweep.trials.count - 1, 0))")
            }
            trial = found
        }
        // A trial an objective command or a program ran: its parameters are copied when they are
        // configuration keys, but train (the built-in trainer) does not run what scored it.
        let ranElsewhere = sweep.logFolder != nil || sweep.askedAndTold
        var config: Configuration
        do {
            config = try sweep.configuration(of: trial)
            try config.set("seed", .integer(trial.seed), origin: .trial(trial.number))
        } catch {
            if ranElsewhere {
                throw InputError("trial \(trial.number) of \(sweep.name) ran \(sweep.askedAndTold ? "in a program (ask and tell)" : "the objective command"), "
                                    + "so its parameters are not the built-in trainer's configuration",
                                 at: command.syntax.nameSpan, hint: "show trial \(trial.number) lists them")
            }
            throw InputError("trial \(trial.number) cannot be used: \(error.message)", at: command.syntax.nameSpan, hint: error.hint)
        }
        let changed = ParameterCatalog.all.filter { !$0.isShorthand && bench.configuration.value($0.name) != config.value($0.name) }
        bench.configuration = config
        var output = CommandOutput.line("using trial \(trial.number) of \(sweep.name)" + (changed.isEmpty ? ": nothing changes" : ":"))
        for spec in changed {
            output.line("  \(spec.name) = \(config.value(spec.name).map(Shell.valueText) ?? "")")
        }
        // Every metric train reproduces, a multi-objective trial's each (a wall time differs from
        // run to run, so it is never promised).
        let reproduced = sweep.isMultiObjective
            ? sweep.objectives.filter { $0.name != MetricName.seconds }.map { "\($0.name) \(Shell.metricCell(trial, $0.name))" }
            : ["\(sweep.metric) \(NumberFormat.metric(trial.value ?? .nan))"]
        if sweep.repeats == 1, trial.state == .complete, !reproduced.isEmpty, !ranElsewhere {
            // Only on the trial's data: a study opened with no data loaded says how to get it.
            if bench.scoring != nil {
                output.line("train now reproduces the trial's " + reproduced.joined(separator: " · "))
            } else if let data = sweep.dataCommands {
                output.line("train reproduces the trial's " + reproduced.joined(separator: " · ") + " on the study's data: \(data)")
            }
        }
        return output
    }

    /// `save results "FILE.csv"|"FILE.json" [force=yes]`.
    func saveResults(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> CommandOutput {
        let sweep = try requireSweep(bench, command)
        let span = command.span(ofArgument: 0)
        guard let path = command.argumentString(0) else { return CommandOutput() }
        let url = resolve(path)
        let format = url.pathExtension.lowercased()
        guard format == "csv" || format == "json" else {
            throw InputError("save results writes .csv or .json, not '\(url.pathExtension.excerpt)'", at: span,
                             hint: "save results \"sweep.csv\" or save results \"sweep.json\"")
        }
        guard let text = format == "csv" ? ResultsFile.csv(sweep) : ResultsFile.json(sweep) else {
            throw InputError("the results of \(sweep.name) cannot be written as JSON", at: span,
                             hint: "save results \"\((path as NSString).deletingPathExtension).csv\" writes them as CSV")
        }
        try writeUserFile(text, to: path, command: command, span: span)
        return .line("saved \(sweep.trials.count) trials of \(sweep.name) to \(path)")
    }
}
