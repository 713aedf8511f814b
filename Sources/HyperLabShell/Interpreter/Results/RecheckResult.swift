import HyperLabKit

/// What `recheck` found: the best trials scored again on fresh seeds, against their scores at
/// selection.
struct RecheckResult: CommandResult {
    /// The trials' scores at selection and rechecked, with the gap and its summary.
    let report: RecheckReport

    /// The table of trials and the summary line.
    var output: CommandOutput {
        var output = CommandOutput()
        let rows = report.rows.map { row -> [String] in
            let recheck = row.recheckMean.map { NumberFormat.metric($0) + " ± " + NumberFormat.metric(row.recheckSD ?? 0) } ?? "—"
            let gap = row.gap.map { ($0 > 0 ? "+" : "") + NumberFormat.metric($0) } ?? "—"
            return [String(row.number), NumberFormat.metric(row.selectionScore), recheck, gap,
                    row.failedCount > 0 ? "\(row.failedCount) diverged" : ""]
        }
        output.table(TextTable(columns: [.init("trial"), .init("at selection"), .init("rechecked", alignment: .left),
                                         .init("gap", alignment: .left), .init("note", alignment: .left)], rows: rows,
                               notes: ["gap > 0: the trial looked better when it was selected than it is (optimism)"]))
        output.line(report.summary)
        return output
    }
}
