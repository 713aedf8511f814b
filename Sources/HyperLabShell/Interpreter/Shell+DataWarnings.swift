import HyperLabKit

/// The data warnings (`DataWarning`) as `load`, `split` and `show data` print them.
extension Shell {
    /// One "warning: …" line per warning.
    func warningLines(_ warnings: [DataWarning]) -> [String] {
        warnings.map { console.paint("warning:", .yellow) + " " + $0.description }
    }

    /// The warnings of the loaded dataset and of its current split, if any.
    static func dataWarnings(_ dataset: Dataset, _ bench: Workbench) -> [DataWarning] {
        var warnings = DataWarning.load(dataset)
        switch bench.partitioning {
        case .holdout(let split)?: warnings += DataWarning.split(split, of: dataset)
        case .crossValidation(let cv)?: warnings += DataWarning.split(cv, of: dataset)
        case nil: break
        }
        return warnings
    }
}
