import HyperLabKit

/// `show confusion [part=dev|test]`: the last run's predictions against the true classes.
extension Shell {
    /// Prints the confusion matrix of the last run's model on dev, or on test (a counted look).
    func showConfusion(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) {
        guard let dataset = bench.dataset else {
            throw InputError("no data loaded", at: command.syntax.nameSpan, hint: "load a dataset first, e.g. load iris")
        }
        guard let names = dataset.classNames else {
            throw InputError("\(dataset.name) is a regression dataset: a confusion matrix needs classes", at: command.syntax.nameSpan,
                             hint: "train shows dev_rmse, dev_mae and dev_r2 for numbers")
        }
        guard var split = bench.split else {
            throw InputError("show confusion needs a train/dev/test split", at: command.syntax.nameSpan,
                             hint: bench.crossValidation == nil ? "split train=0.6 dev=0.2 test=0.2 first"
                                : "under cv= each fold has its own model; split train=0.6 dev=0.2 test=0.2 to see one")
        }
        guard let record = bench.runs.last, record.datasetName == dataset.name, record.devIndices == split.devIndices,
              !record.run.isFailed else {
            throw InputError("no run on this split yet", at: command.syntax.nameSpan, hint: "train first; the matrix shows the last run's model")
        }
        let part = command.string("part") ?? "dev"
        let partition: Partition
        if part == "test" {
            partition = split.openTest()
            bench.split = split
        } else {
            partition = split.dev
        }
        guard case .classes(let labels, let classes) = partition.targets else { return }
        let predicted = record.run.model.predictedClasses(partition.features)
        let matrix = ConfusionMatrix(labels: labels.map(Int.init), predicted: predicted, classes: classes)
        let rows = names.indices.map { t in
            [names[t]] + matrix.counts[t].map(String.init)
                + [matrix.recall(t).map { NumberFormat.fixed($0, decimals: 3, trimZeros: false) } ?? "—"]
        }
        let columns = [TextTable.Column("true \\ predicted", alignment: .left)] + names.map { TextTable.Column($0) } + [.init("recall")]
        console.line("run \(bench.runs.count) on \(part) (\(NumberFormat.count(matrix.total, "row"))): rows are the true classes, columns the predictions")
        console.lines(TextTable(columns: columns, rows: rows).render(traits: console.traits))
        guard part == "test" else { return }
        var looks = 1
        if let arguments = Shell.splitArguments(bench) {
            keep(TestLook(dataset: dataset, date: options.clock(), kind: .confusion, split: arguments,
                          configuration: Shell.configurationShort(record.run.configuration), metric: "test_acc",
                          score: Double(names.indices.reduce(0) { $0 + matrix.counts[$1][$1] }) / Double(max(matrix.total, 1))))
            looks = self.looks(of: dataset).count
        }
        if looks == 1 {
            console.line("test set looks: 1. Report this number; do not tune on it.")
        } else {
            console.line(console.paint("warning:", .yellow) + " this is look \(looks) at the test set of \(dataset.name)."
                         + " Choosing a configuration by its test score overfits the test set.")
        }
    }
}
