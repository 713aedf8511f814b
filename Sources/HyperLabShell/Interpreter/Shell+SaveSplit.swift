import Foundation
import HyperLabKit

/// `save split "FILE.csv"`: which part every loaded row is in, for checking a split elsewhere.
extension Shell {
    /// `save split "FILE.csv" [force=yes]`: one line `row,part` per data row of the loaded file.
    func saveSplit(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> CommandOutput {
        let scoring = try requireScoring(bench, command)
        let span = command.span(ofArgument: 0)
        guard let path = command.argumentString(0) else { return CommandOutput() }
        guard resolve(path).pathExtension.lowercased() == "csv" else {
            throw InputError("save split writes a .csv file, not '\(path.excerpt)'", at: span, hint: "save split \"split.csv\"")
        }
        let parts: [SplitPart]
        let sizes: String
        switch bench.partitioning {
        case .holdout(let split)?:
            parts = split.rowParts
            sizes = split.sizes.description
        case .crossValidation(let cv)?:
            parts = cv.rowParts
            sizes = cv.sizesDescription
        case nil:
            return CommandOutput()
        }
        try writeUserFile(Shell.splitCSV(parts), to: path, command: command, span: span)
        return .line("saved the part of each of \(scoring.datasetName)'s \(NumberFormat.count(parts.count, "row")) to \(path) (\(sizes))")
    }

    /// "row,part" then "1,train", "2,test", ...: rows 1-based, in the order of the loaded file.
    static func splitCSV(_ parts: [SplitPart]) -> String {
        (["row,part"] + parts.enumerated().map { "\($0.offset + 1),\($0.element)" }).joined(separator: "\n") + "\n"
    }
}
