import HyperLabKit

/// What `compare` found: each configuration's scores per pair and the paired test between them.
struct ComparisonReport: CommandResult {
    /// The two configurations compared, as named ("run 1", "trial 3", "current").
    let names: (String, String)
    /// The metric compared.
    let metric: String
    /// The first configuration's score on each pair.
    let scoresA: [Double]
    /// The second configuration's score on each pair.
    let scoresB: [Double]
    /// The corrected and uncorrected paired tests of the difference.
    let test: SignificanceTest
    /// Whether higher or lower scores are better.
    let direction: MetricDirection

    /// The table of scores, the difference with its test, a note and the verdict.
    var output: CommandOutput {
        var output = CommandOutput()
        let rows = [(names.0, scoresA), (names.1, scoresB)].map { name, values -> [String] in
            let (mean, sd) = TrialOutcome.meanAndSD(values.filter(\.isFinite))
            return [name, NumberFormat.metric(mean), NumberFormat.metric(sd), values.map { NumberFormat.metric($0) }.joined(separator: " ")]
        }
        output.table(TextTable(columns: [.init("configuration", alignment: .left), .init("mean"), .init("sd"),
                                         .init("\(metric) per pair", alignment: .left)], rows: rows))
        var line = "difference \(NumberFormat.metric(test.meanDifference))"
        if let interval = test.corrected.interval {
            line += " (\(Int((interval.level * 100).rounded()))% CI \(NumberFormat.metric(interval.lower)) to \(NumberFormat.metric(interval.upper)))"
        }
        line += " · corrected resampled t-test p = \(NumberFormat.metric(test.corrected.pValue))"
        line += " (uncorrected p = \(NumberFormat.metric(test.uncorrected.pValue)))"
        output.line(line)
        if let note = test.note { output.line(note) }
        output.line("verdict: " + test.verdict(names.0, names.1, direction: direction))
        return output
    }
}
