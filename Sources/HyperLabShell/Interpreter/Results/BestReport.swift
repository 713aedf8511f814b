import HyperLabKit

/// What `best` found: the best trial of the last sweep, its parameters against the current
/// values, and its other metrics.
struct BestReport: CommandResult {
    /// One swept key: the trial's value and the current configuration's.
    struct Parameter: Equatable {
        /// The key.
        let key: String
        /// Its value in the trial, as shown.
        let trial: String
        /// Its value in the current configuration, as shown ("—" when unset).
        let current: String
    }

    /// The sweep.
    let sweep: SweepRecord
    /// Its best trial.
    let trial: Trial
    /// The trial's value of the sweep's metric (NaN: none).
    let value: Double
    /// The trial's parameters, in its order.
    let parameters: [Parameter]
    /// The sweep's other shown metrics the trial has, with their values.
    let otherMetrics: [(name: String, value: Double)]

    /// The head line, the table of parameters, the other metrics and how to use the trial.
    var output: CommandOutput {
        var output = CommandOutput()
        var head = "best of \(sweep.name): trial \(trial.number) · \(sweep.metric) \(Shell.metricCell(trial, sweep.metric))"
        if sweep.repeats > 1 { head += " (mean of \(sweep.repeats) seeds)" }
        if value.isNaN { head += " (no value)" }
        output.line(head)
        output.table(TextTable(columns: [.init("key", alignment: .left), .init("trial", alignment: .left),
                                         .init("current", alignment: .left)],
                               rows: parameters.map { [$0.key, $0.trial, $0.current] }))
        if !otherMetrics.isEmpty {
            output.line(otherMetrics.map { "\($0.name) \(NumberFormat.metric($0.value))" }.joined(separator: " · "))
        }
        output.line("use best copies its configuration (and its seed) into the current one")
        return output
    }
}
