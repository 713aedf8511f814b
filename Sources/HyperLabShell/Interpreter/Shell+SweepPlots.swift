import Foundation
import HyperLabKit

/// The plots of a sweep: `plot KEY METRIC`, `plot heatmap`, `plot history`, `plot importance`,
/// `plot parallel`, and trial curves for `plot curve trial N ...`.
extension Shell {
    private static let categories: [PointCategory] = [.complete, .pruned, .failed]

    private static func category(_ trial: Trial) -> Int {
        switch trial.state {
        case .complete: 0
        case .pruned: 1
        default: 2
        }
    }

    /// The value a trial shows for `metric`: its final value, or for a pruned trial the last it reported.
    private static func shownValue(_ trial: Trial, _ metric: String, sweep: SweepRecord) -> Double? {
        if let v = trial.metrics[metric] { return v }
        if metric == sweep.metric, let step = trial.lastStep { return trial.intermediateValues[step] }
        return nil
    }

    /// A swept key named in a plot command, or an error with the closest one.
    private func sweptKey(_ command: BoundCommand, _ index: Int, _ sweep: SweepRecord) throws(InputError) -> String {
        guard let key = command.argumentString(index) else {
            throw InputError("name a swept key", at: command.syntax.span, hint: "swept: " + sweep.space.names.joined(separator: ", "))
        }
        guard sweep.space.names.contains(key) else {
            let plots = CommandCatalog.specs(named: "plot").compactMap(\.subcommand)
            let hint: String
            if index == 0, let plot = ClosestMatch.suggestion(for: key, among: plots) {
                hint = "did you mean plot \(plot)?"
            } else if let swept = ClosestMatch.suggestion(for: key, among: sweep.space.names) {
                hint = "did you mean \(swept)?"
            } else {
                hint = "swept: " + sweep.space.names.joined(separator: ", ") + "; plots: " + plots.joined(separator: ", ")
            }
            throw InputError("\(key.excerpt) was not swept in \(sweep.name)", at: command.span(ofArgument: index), hint: hint)
        }
        return key
    }

    /// The metric named at `index`, or the sweep's metric.
    private func plotMetric(_ command: BoundCommand, _ index: Int, _ sweep: SweepRecord) throws(InputError) -> String {
        guard let metric = command.argumentString(index) else { return sweep.metric }
        let known = Shell.shownMetrics(sweep) + ["train_loss", "train_acc", "train_rmse"] + Shell.furtherMetrics(sweep)
        guard known.contains(metric), sweep.trials.contains(where: { $0.metrics[metric] != nil }) || metric == sweep.metric else {
            throw InputError("\(sweep.name) has no metric '\(metric.excerpt)'", at: command.span(ofArgument: index),
                             hint: ClosestMatch.suggestion(for: metric, among: Shell.shownMetrics(sweep)).map { "did you mean \($0)?" }
                                ?? "metrics: " + Shell.shownMetrics(sweep).joined(separator: ", "))
        }
        return metric
    }

    /// `plot KEY [METRIC]`: one point per trial; log axis for log-scaled keys.
    func plotScatter(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        let key = try sweptKey(command, 0, sweep)
        let metric = try plotMetric(command, 1, sweep)
        guard let distribution = sweep.space.distribution(key) else {
            throw InputError("\(sweep.name) did not sweep \(key.excerpt)", at: command.span(ofArgument: 0))
        }
        let choices = distribution.choices
        var points: [ScatterPlot.Point] = []
        var best: Int?
        for trial in sweep.trials {
            guard let value = trial.parameters[key] else { continue }
            let x: Double
            if let choices, !distribution.isNumericChoice {
                x = Double(choices.firstIndex(of: value) ?? 0)
            } else {
                x = value.asReal ?? .nan
            }
            if trial.number == sweep.best?.number { best = points.count }
            points.append(.init(x: x, y: Shell.shownValue(trial, metric, sweep: sweep) ?? .nan, category: Shell.category(trial)))
        }
        var title = "\(metric) against \(key) · \(sweep.name), \(sweep.trials.count) trials"
        if let choices, !distribution.isNumericChoice {
            title += "\n" + key + ": " + choices.enumerated().map { "\($0.offset) = \($0.element)" }.joined(separator: ", ")
        }
        let plot = ScatterPlot(title: title, xLabel: key, yLabel: metric, categories: Shell.categories, points: points,
                               xScale: distribution.isLogScale || distribution.spansDecades ? .log : .linear, best: best,
                               bottomEdgeCategory: Shell.categories.firstIndex(of: .failed))
        return PlotResult(text: { plot.render(traits: $0) }, svg: plot.svg())
    }

    /// The rows of one heatmap axis: distinct values for a grid or choice, else 5 bins (log bins for log keys).
    ///
    /// A value with no place on a log axis (0, as `baseline=yes` gives a log-swept key whose
    /// current value is 0) is in no bin: its trial is left out of the map, not binned at -∞.
    private static func axis(_ distribution: Distribution, _ values: [ParameterValue]) -> (labels: [String], index: (ParameterValue) -> Int?) {
        if let choices = distribution.choices {
            return (choices.map(Shell.valueText), { value in choices.firstIndex(of: value) })
        }
        let log = distribution.isLogScale
        func t(_ x: Double) -> Double { log ? Foundation.log10(x) : x }
        let numbers = values.compactMap(\.asReal).filter { t($0).isFinite }
        guard let lo = numbers.map(t).min(), let hi = numbers.map(t).max(), hi > lo else {
            return ([numbers.first.map { NumberFormat.metric($0) } ?? "—"], { value in
                value.asReal.map(t)?.isFinite == true ? 0 : nil
            })
        }
        let bins = 5
        let width = (hi - lo) / Double(bins)
        let labels = (0..<bins).map { i -> String in
            let center = lo + (Double(i) + 0.5) * width
            return "~" + NumberFormat.metric(log ? Foundation.pow(10, center) : center)
        }
        return (labels, { value in
            guard let x = value.asReal, case let position = (t(x) - lo) / width, position.isFinite else { return nil }
            return Int(min(Double(bins - 1), max(0, position)))
        })
    }

    /// `plot heatmap KEY1 KEY2 [METRIC]`: the mean metric in each cell of two swept keys.
    func plotHeatmap(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        let rowKey = try sweptKey(command, 0, sweep)
        let columnKey = try sweptKey(command, 1, sweep)
        guard rowKey != columnKey else {
            throw InputError("plot heatmap needs two different keys", at: command.span(ofArgument: 1), hint: "plot heatmap lr weight_decay")
        }
        let metric = try plotMetric(command, 2, sweep)
        guard let rowDist = sweep.space.distribution(rowKey), let columnDist = sweep.space.distribution(columnKey) else {
            throw InputError("\(sweep.name) did not sweep \(rowKey.excerpt) and \(columnKey.excerpt)", at: command.syntax.nameSpan)
        }
        let complete = sweep.trials.filter { $0.state == .complete }
        let rows = Shell.axis(rowDist, complete.compactMap { $0.parameters[rowKey] })
        let columns = Shell.axis(columnDist, complete.compactMap { $0.parameters[columnKey] })
        var sums = [[Double]](repeating: [Double](repeating: 0, count: columns.labels.count), count: rows.labels.count)
        var counts = sums
        for trial in complete {
            guard let a = trial.parameters[rowKey].flatMap(rows.index), let b = trial.parameters[columnKey].flatMap(columns.index),
                  let v = trial.metrics[metric], v.isFinite else { continue }
            sums[a][b] += v
            counts[a][b] += 1
        }
        let values = zip(sums, counts).map { zip($0, $1).map { $1 > 0 ? $0 / $1 : nil } }
        let binned = rowDist.choices == nil || columnDist.choices == nil
        let map = Heatmap(title: "\(binned ? "mean " : "")\(metric) over \(rowKey) × \(columnKey) · \(sweep.name)",
                          rowName: rowKey, columnName: columnKey, rowLabels: rows.labels, columnLabels: columns.labels,
                          values: values, higherIsBetter: MetricName.isHigherBetter(metric))
        return PlotResult(text: { map.render(traits: $0) }, svg: map.svg(),
                          notes: binned ? ["continuous keys are binned (5 bins); each cell is the mean of its trials"] : [])
    }

    /// `plot history`: each trial's metric in order, with the best so far.
    func plotHistory(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        let trials = sweep.trials.compactMap { trial -> HistoryPlot.Trial? in
            guard let value = Shell.shownValue(trial, sweep.metric, sweep: sweep) else { return nil }
            return HistoryPlot.Trial(number: trial.number, value: value, category: Shell.category(trial),
                                     countsForBest: trial.state == .complete)
        }
        guard !trials.isEmpty else {
            throw InputError("no trial of \(sweep.name) reported \(sweep.metric)", at: command.syntax.nameSpan, hint: "results shows why")
        }
        let plot = HistoryPlot(title: "\(sweep.metric) per trial · \(sweep.name) (\(sweep.sampler))", metric: sweep.metric,
                               higherIsBetter: sweep.direction == .maximize, trials: trials)
        return PlotResult(text: { plot.render(traits: $0) }, svg: plot.svg())
    }

    /// `plot importance`: fANOVA main effects of the swept keys on the metric.
    func plotImportance(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        let complete = sweep.trials.filter { $0.state == .complete && ($0.value?.isFinite ?? false) }
        let parameters = sweep.space.parameters
        let kinds = parameters.map { p -> ImportanceInputKind in
            if let choices = p.distribution.choices, !p.distribution.isNumericChoice { return .categorical(count: choices.count) }
            return .continuous
        }
        let inputs = complete.map { trial in
            parameters.map { p -> Double in
                guard let value = trial.parameters[p.name] else { return 0 }
                if case .categorical = kinds[parameters.firstIndex { $0.name == p.name } ?? 0] {
                    return Double(p.distribution.choices?.firstIndex(of: value) ?? 0)
                }
                return p.distribution.unit(of: value) ?? 0
            }
        }
        let entries: [ImportanceEntry]
        do {
            entries = try ParameterImportance.fanova(inputs: inputs, kinds: kinds, values: complete.compactMap(\.value),
                                                     names: parameters.map(\.name), seed: sweep.seed)
        } catch {
            throw Shell.importanceError(error, sweep: sweep, complete: complete, at: command.syntax.nameSpan)
        }
        let chart = BarChart(title: "importance for \(sweep.metric) · \(sweep.name), \(complete.count) complete trials (fANOVA)",
                             bars: entries.map { .init($0.name, $0.importance) })
        let explained = entries.map(\.fraction).reduce(0, +)
        return PlotResult(text: { chart.render(traits: $0) }, svg: chart.svg(),
                          notes: ["main effects explain \(NumberFormat.metric(explained)) of the surrogate's variance; the rest is interactions"])
    }

    /// Why importance cannot be rated, naming the pruned trials it leaves out: they stopped early,
    /// so their scores are not comparable, and "every trial scored the same" would be untrue.
    static func importanceError(_ error: AnalysisError, sweep: SweepRecord, complete: [Trial], at span: SourceSpan) -> InputError {
        let pruned = sweep.trials.filter { $0.state == .pruned }.compactMap(\.value).filter(\.isFinite)
        guard case .constantMetric = error, let value = complete.first?.value, !pruned.isEmpty,
              let low = pruned.min(), let high = pruned.max() else {
            return InputError("cannot rate importance: \(error.message)", at: span, hint: error.hint)
        }
        let range = low == high ? NumberFormat.metric(low) : "\(NumberFormat.metric(low)) to \(NumberFormat.metric(high))"
        return InputError("cannot rate importance: every complete trial scored \(sweep.metric) \(NumberFormat.metric(value));"
                          + " the \(NumberFormat.count(pruned.count, "pruned trial")) (\(range)) \(pruned.count == 1 ? "is" : "are") left out, stopped too early to compare",
                          at: span, hint: "sweep again without prune=, or over wider ranges, so complete trials differ")
    }

    /// `plot parallel [top=N]`: parallel coordinates of the best trials, each key scaled to its range.
    func plotParallel(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        let top = command.integer("top")
        let ranked = sweep.trials.ranked(for: sweep.direction).prefix(top)
        guard !ranked.isEmpty else {
            throw InputError("no trial of \(sweep.name) completed", at: command.syntax.nameSpan, hint: "results shows why")
        }
        let parameters = sweep.space.parameters
        let metricValues = ranked.compactMap(\.value)
        let lo = metricValues.min() ?? 0, hi = metricValues.max() ?? 1
        let series = ranked.map { trial -> LineChart.Series in
            var points = parameters.enumerated().map { i, p in
                PlotPoint(x: Double(i + 1), y: trial.parameters[p.name].flatMap { p.distribution.unit(of: $0) } ?? 0)
            }
            let v = trial.value ?? lo
            points.append(PlotPoint(x: Double(parameters.count + 1), y: hi > lo ? (v - lo) / (hi - lo) : 0.5))
            return LineChart.Series("#\(trial.number) \(NumberFormat.metric(v))", points: points)
        }
        let chart = LineChart(title: "parallel coordinates of the \(ranked.count) best trials · \(sweep.name)",
                              xLabel: "axis", yLabel: "position in range", series: series, height: 12)
        var legend = parameters.enumerated().map { i, p in "\(i + 1) \(p.name) \(p.distribution)" }
        legend.append("\(parameters.count + 1) \(sweep.metric) \(NumberFormat.metric(lo))…\(NumberFormat.metric(hi))")
        return PlotResult(text: { chart.render(traits: $0) }, svg: chart.svg(), notes: ["axes: " + legend.joined(separator: " · ")])
    }

    /// `plot curve trial N ...`: the dev metric per epoch of sweep trials, overlaid.
    func plotTrialCurves(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let sweep = try requireSweep(bench, command)
        var numbers: [Int] = []
        for (i, value) in command.arguments.enumerated() {
            guard case .integer(let n) = value else { continue }
            guard sweep.trial(n) != nil else {
                throw InputError("\(sweep.name) has no trial \(n)", at: command.span(ofArgument: i),
                                 hint: "its trials are numbered 0 to \(max(sweep.trials.count - 1, 0))")
            }
            numbers.append(n)
        }
        if numbers.isEmpty, let best = sweep.best { numbers = [best.number] }
        let series = numbers.compactMap(sweep.trial).map { trial in
            LineChart.Series("trial \(trial.number) (\(trial.stateWord))",
                             points: trial.curve.map { PlotPoint(x: Double($0.step), y: $0.value) })
        }
        guard series.contains(where: { !$0.points.isEmpty }) else {
            throw InputError("those trials reported no epoch", at: command.syntax.nameSpan, hint: "results shows their state")
        }
        let chart = LineChart(title: "\(sweep.metric) per epoch · \(sweep.name)", xLabel: "epoch", yLabel: sweep.metric,
                              series: series, height: 12)
        return PlotResult(text: { chart.render(traits: $0) }, svg: chart.svg())
    }
}

extension Distribution {
    /// Whether a choice of positive numbers spans two decades or more (plotted on a log axis).
    var spansDecades: Bool {
        guard let values = choices?.compactMap(\.asReal), values.count == choices?.count,
              let lo = values.min(), let hi = values.max(), lo > 0 else { return false }
        return hi / lo >= 100
    }

    /// Whether a choice lists numbers (plotted on a numeric axis).
    var isNumericChoice: Bool {
        guard let choices else { return false }
        return choices.allSatisfy { $0.asReal != nil }
    }
}
