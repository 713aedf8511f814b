import HyperLabKit

/// `save predictions "FILE.csv" [part=dev|test]`: every row's true value, prediction and class probabilities.
extension Shell {
    /// Writes the last run's predictions on dev (or test: a counted look) to a CSV file.
    func savePredictions(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let span = command.span(ofArgument: 0)
        guard let path = command.argumentString(0) else { return CommandOutput() }
        guard resolve(path).pathExtension.lowercased() == "csv" else {
            throw InputError("save predictions writes a .csv file, not '\(path.excerpt)'", at: span, hint: "save predictions \"predictions.csv\"")
        }
        var scratch = bench
        let part = try lastRunPart(command, on: &scratch, classesOnly: false)
        let text = Shell.predictionsCSV(part, classNames: bench.dataset?.classNames)
        try writeUserFile(text, to: path, command: command, span: span)
        bench = scratch
        var output = CommandOutput.line("saved run \(part.number)'s predictions on \(NumberFormat.count(part.rows.count, "\(part.name) row")) to \(path)")
        countLook(part, kind: .predictions, metric: part.partition.task == .classification ? "test_acc" : "test_rmse",
                  score: nil, bench: bench, into: &output)
        return output
    }

    /// "row,true,predicted,p_A,p_B" (classification) or "row,true,predicted": rows 1-based in
    /// the loaded file's order, as `save split` numbers them; model outputs in full (shortest
    /// Float32 text that reads back the same value).
    static func predictionsCSV(_ part: RunPart, classNames: [String]?) -> String {
        let model = part.record.run.model
        var lines: [String]
        switch part.partition.targets {
        case .classes(let labels, let classes):
            let names = classNames ?? (0..<classes).map(String.init)
            let p = model.probabilities(part.partition.features)
            lines = [(["row", "true", "predicted"] + names.map { "p_" + $0 }).map(csvCell).joined(separator: ",")]
            for (i, row) in part.rows.enumerated() {
                let probabilities = (0..<classes).map { p.storage[i * classes + $0] }
                let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 > $1) } ?? 0
                lines.append(([String(row + 1), csvCell(names[Int(labels[i])]), csvCell(names[best])]
                              + probabilities.map { String($0) }).joined(separator: ","))
            }
        case .values(let values):
            let predictions = model.outputs(part.partition.features)
            lines = ["row,true,predicted"]
            for (i, row) in part.rows.enumerated() {
                lines.append("\(row + 1),\(NumberText.canonical(Double(values[i]))),\(String(predictions.storage[i]))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    static func csvCell(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
