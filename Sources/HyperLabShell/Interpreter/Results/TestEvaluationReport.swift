/// What `evaluate test` found: the test scores of the configuration trained on train+dev, and
/// how many looks at the test set there have been.
struct TestEvaluationReport: CommandResult {
    /// The headline test metrics with their values, in order (test_acc and test_loss, or
    /// test_rmse and test_r2).
    let scores: [(name: String, value: Double)]
    /// The rows trained on (train and dev).
    let trainedRows: Int
    /// The epochs trained.
    let epochs: Int
    /// The wall time of the training, in seconds.
    let seconds: Double
    /// What follows the scores: further metrics, the baseline, notes and store warnings.
    let notes: CommandOutput
    /// The looks at this dataset's test set so far, this one included.
    let looks: Int
    /// The dataset's name.
    let datasetName: String

    /// The score line (with the wall time where shown), the notes, and the count of looks.
    var output: CommandOutput {
        var output = CommandOutput()
        let scoreText = scores.map { "\($0.name) \(NumberFormat.metric($0.value))" }.joined(separator: " · ")
        let rows = trainedRows, epochs = epochs, seconds = seconds
        output.presentLine { timings in
            let time = timings ? ", " + NumberFormat.duration(seconds: seconds) : ""
            return scoreText + "  (trained on train+dev: \(rows) rows, \(epochs) epochs\(time))"
        }
        output.append(notes)
        if looks == 1 {
            output.line("test set looks: 1. Report this number; do not tune on it.")
        } else {
            output.warning("this is look \(looks) at the test set of \(datasetName). Choosing a configuration by its test score")
            output.line("overfits the test set, as tuning on dev overfits dev: this score is now optimistic (show looks lists them).")
        }
        return output
    }
}
