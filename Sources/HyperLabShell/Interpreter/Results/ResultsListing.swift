import HyperLabKit

/// What `results` found: the trials of the last sweep that pass its filters, in the order shown,
/// and the columns they are shown with.
struct ResultsListing: CommandResult {
    /// The sweep listed.
    let sweep: SweepRecord
    /// The trials shown, in order (after `state=`, `where`, `sort=` and `top=`).
    let trials: [Trial]
    /// The swept keys, one column each.
    let keys: [String]
    /// The metric columns, the sweep's metric first.
    let metrics: [String]
    /// How many trials passed the filters before `top=` cut them.
    let matched: Int
    /// The key asked for with `sort=`, if any.
    let sortKey: String?

    /// The table for `width` columns; `timings` adds the seconds column (see help results).
    func table(width: Int, timings: Bool) -> TextTable {
        var columns: [TextTable.Column] = [.init("trial")]
        columns += keys.map { TextTable.Column($0) }
        columns += metrics.map { TextTable.Column($0) }
        columns += [.init("epochs"), .init("state", alignment: .left)]
        let timeColumn = timings && !metrics.contains("seconds")
        if timeColumn { columns.append(.init("seconds")) }
        let rows = trials.map { trial -> [String] in
            var row = [String(trial.number)]
            row += keys.map { trial.parameters[$0].map(Shell.valueText) ?? "—" }
            row += metrics.map { Shell.metricCell(trial, $0) }
            row.append(trial.metrics["epochs"].map { NumberFormat.metric($0) } ?? trial.lastStep.map(String.init) ?? "0")
            row.append(Shell.stateCell(trial))
            if timeColumn { row.append(NumberFormat.fixed(trial.seconds, decimals: 2, trimZeros: false)) }
            return row
        }
        let front = Set(sweep.paretoFront.map(\.number))
        let marked = sweep.isMultiObjective ? nil : sweep.best.flatMap { best in trials.firstIndex { $0.number == best.number } }
        var notes: [String] = []
        if trials.count < sweep.trials.count {
            notes.append("\(trials.count) of \(sweep.trials.count) trials shown"
                         + (matched > trials.count ? " (the best \(trials.count) by \(sortKey ?? sweep.metric))" : ""))
        }
        var table = TextTable(title: "\(sweep.name) (\(sweep.sampler)) on \(sweep.datasetName)", columns: columns, rows: rows,
                              markedRow: marked, markerNote: marked == nil ? nil : "best \(sweep.metric)", notes: notes)
        if sweep.isMultiObjective {
            table.markedRows = Set(trials.indices.filter { front.contains(trials[$0].number) })
            table.markerNote = "on the Pareto front of " + sweep.objectives.map(\.name).joined(separator: " and ")
                + ": no other trial is as good on every metric and better on one"
        }
        Shell.makeRoom(in: &table, width: width, keep: ["trial", sweep.metric] + sweep.objectives.map(\.name) + keys,
                       dropFirst: metrics.filter { $0 != sweep.metric }.reversed() + ["seconds", "epochs"],
                       rowsName: "trial", leftOutHint: "a wider terminal shows them; save results writes every column")
        return table
    }

    /// The table, laid out for the console and with wall times where they are shown.
    var output: CommandOutput {
        var output = CommandOutput()
        output.presentTable { width, timings in table(width: width, timings: timings) }
        return output
    }
}
