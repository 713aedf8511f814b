import HyperLabKit

/// `show confusion [part=dev|test]`: the last run's predictions against the true classes.
extension Shell {
    /// Prints the confusion matrix of the last run's model on dev, or on test (a counted look).
    func showConfusion(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let part = try lastRunPart(command, on: &bench, classesOnly: true)
        guard case .classes(let labels, let classes) = part.partition.targets, let names = bench.dataset?.classNames else {
            return CommandOutput()
        }
        let predicted = part.record.run.model.predictedClasses(part.partition.features)
        let matrix = ConfusionMatrix(labels: labels.map(Int.init), predicted: predicted, classes: classes)
        let rows = names.indices.map { t in
            [names[t]] + matrix.counts[t].map(String.init)
                + [matrix.recall(t).map { NumberFormat.fixed($0, decimals: 3, trimZeros: false) } ?? "—"]
        }
        let columns = [TextTable.Column("true \\ predicted", alignment: .left)] + names.map { TextTable.Column($0) } + [.init("recall")]
        var output = CommandOutput.line("run \(part.number) on \(part.name) (\(NumberFormat.count(matrix.total, "row"))): rows are the true classes, columns the predictions")
        output.table(TextTable(columns: columns, rows: rows))
        let correct = names.indices.reduce(0) { $0 + matrix.counts[$1][$1] }
        countLook(part, kind: .confusion, metric: "test_acc", score: Double(correct) / Double(max(matrix.total, 1)), bench: bench,
                  into: &output)
        return output
    }
}
