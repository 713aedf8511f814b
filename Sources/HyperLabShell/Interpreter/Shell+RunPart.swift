import HyperLabKit

/// The last run's model on the dev or test part of the current split, for `show confusion` and
/// `save predictions`; opening test counts a look.
extension Shell {
    /// A part of the current split and the run whose model is applied to it.
    struct RunPart {
        /// The last run on this split.
        let record: RunRecord
        /// Its number (`run N`).
        let number: Int
        /// "dev" or "test".
        let name: String
        /// The part's rows, standardized as the run's inputs.
        let partition: Partition
        /// The dataset rows of the part, in the partition's order.
        let rows: [Int]
    }

    /// The `part=` rows of the current split with the last run on it; `part=test` opens the
    /// locked part (the caller counts the look with `countLook`).
    func lastRunPart(_ command: BoundCommand, on bench: inout Workbench, classesOnly: Bool) throws(InputError) -> RunPart {
        let name = command.spec.title
        guard let dataset = bench.dataset else {
            throw InputError("no data loaded", at: command.syntax.nameSpan, hint: "load a dataset first, e.g. load iris")
        }
        if classesOnly, dataset.classNames == nil {
            throw InputError("\(dataset.name) is a regression dataset: a confusion matrix needs classes", at: command.syntax.nameSpan,
                             hint: "train shows dev_rmse, dev_mae and dev_r2 for numbers")
        }
        guard case .holdout(var split)? = bench.partitioning else {
            throw InputError("\(name) needs a train/dev/test split", at: command.syntax.nameSpan,
                             hint: bench.partitioning == nil ? "split train=0.6 dev=0.2 test=0.2 first"
                                : "under cv= each fold has its own model; split train=0.6 dev=0.2 test=0.2 to see one")
        }
        guard let record = bench.runs.last, record.datasetName == dataset.name, record.devIndices == split.devIndices,
              !record.run.isFailed else {
            throw InputError("no run on this split yet", at: command.syntax.nameSpan, hint: "train first; \(name) uses the last run's model")
        }
        let part = command.word("part")
        if part == "test" {
            let partition = split.openTest()
            bench.partitioning = .holdout(split)
            return RunPart(record: record, number: bench.runs.count, name: part, partition: partition, rows: split.testIndices)
        }
        return RunPart(record: record, number: bench.runs.count, name: part, partition: split.dev, rows: split.devIndices)
    }

    /// Counts a look at the test part by `kind` with the run's test score, and says how many there have been.
    func countLook(_ part: RunPart, kind: TestLook.Kind, metric: String, score: Double?, bench: Workbench,
                   into output: inout CommandOutput) {
        guard part.name == "test", let dataset = bench.dataset else { return }
        var looks = 1
        if let arguments = Shell.splitArguments(bench) {
            keep(TestLook(dataset: dataset, date: options.clock(), kind: kind, split: arguments,
                          configuration: Shell.configurationShort(part.record.run.configuration), metric: metric, score: score),
                 warnings: &output)
            looks = self.looks(of: dataset, warnings: &output).count
        }
        if looks == 1 {
            output.line("test set looks: 1. Report this number; do not tune on it.")
        } else {
            output.warning("this is look \(looks) at the test set of \(dataset.name)."
                           + " Choosing a configuration by its test score overfits the test set.")
        }
    }
}
