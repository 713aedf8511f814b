import HyperLabKit

/// Every command of the language, one case each.
///
/// The catalogue declares each command under its `CommandID`, and the shell dispatches on it with
/// an exhaustive switch: a command declared without a handler does not compile. A sampler added
/// to `SamplerKind` is a new `sweep` command with no change here or in the dispatch.
public enum CommandID: Hashable, Sendable, CaseIterable {
    case datasets, load, split, train, model, optimizer, schedule, set
    case showData, showLooks, showConfig, showConfusion, showTrial
    case savePredictions, saveSplit, saveResults, saveSession, saveNotebook
    /// `sweep KIND`, one command per sampler kind.
    case sweep(SamplerKind)
    case objectiveCommand, objectiveBuiltin
    case studies, openStudy, resume, recheck, compare
    case results, best, useBest, useTrial, runs, evaluateTest
    /// `plot` on its own: a scatter of two keys or metrics.
    case plotScatter
    case plotCurve, plotHeatmap, plotHistory, plotImportance, plotParallel, plotPareto, plotBoundary
    case help, history, tutorials, replay, say, pause, reset, quit, exit

    /// Every command: the fixed ones and one `sweep` per sampler kind.
    public static var allCases: [CommandID] {
        [.datasets, .load, .split, .train, .model, .optimizer, .schedule, .set,
         .showData, .showLooks, .showConfig, .showConfusion, .showTrial,
         .savePredictions, .saveSplit, .saveResults, .saveSession, .saveNotebook]
            + SamplerKind.allCases.map(CommandID.sweep)
            + [.objectiveCommand, .objectiveBuiltin, .studies, .openStudy, .resume, .recheck, .compare,
               .results, .best, .useBest, .useTrial, .runs, .evaluateTest,
               .plotScatter, .plotCurve, .plotHeatmap, .plotHistory, .plotImportance, .plotParallel, .plotPareto, .plotBoundary,
               .help, .history, .tutorials, .replay, .say, .pause, .reset, .quit, .exit]
    }

    /// The command word and the fixed second word, if any: ("show", "data").
    public var words: (name: String, subcommand: String?) {
        switch self {
        case .datasets: ("datasets", nil)
        case .load: ("load", nil)
        case .split: ("split", nil)
        case .train: ("train", nil)
        case .model: ("model", nil)
        case .optimizer: ("optimizer", nil)
        case .schedule: ("schedule", nil)
        case .set: ("set", nil)
        case .showData: ("show", "data")
        case .showLooks: ("show", "looks")
        case .showConfig: ("show", "config")
        case .showConfusion: ("show", "confusion")
        case .showTrial: ("show", "trial")
        case .savePredictions: ("save", "predictions")
        case .saveSplit: ("save", "split")
        case .saveResults: ("save", "results")
        case .saveSession: ("save", "session")
        case .saveNotebook: ("save", "notebook")
        case .sweep(let kind): ("sweep", kind.rawValue)
        case .objectiveCommand: ("objective", "command")
        case .objectiveBuiltin: ("objective", "builtin")
        case .studies: ("studies", nil)
        case .openStudy: ("open", "study")
        case .resume: ("resume", nil)
        case .recheck: ("recheck", nil)
        case .compare: ("compare", nil)
        case .results: ("results", nil)
        case .best: ("best", nil)
        case .useBest: ("use", "best")
        case .useTrial: ("use", "trial")
        case .runs: ("runs", nil)
        case .evaluateTest: ("evaluate", "test")
        case .plotScatter: ("plot", nil)
        case .plotCurve: ("plot", "curve")
        case .plotHeatmap: ("plot", "heatmap")
        case .plotHistory: ("plot", "history")
        case .plotImportance: ("plot", "importance")
        case .plotParallel: ("plot", "parallel")
        case .plotPareto: ("plot", "pareto")
        case .plotBoundary: ("plot", "boundary")
        case .help: ("help", nil)
        case .history: ("history", nil)
        case .tutorials: ("tutorials", nil)
        case .replay: ("replay", nil)
        case .say: ("say", nil)
        case .pause: ("pause", nil)
        case .reset: ("reset", nil)
        case .quit: ("quit", nil)
        case .exit: ("exit", nil)
        }
    }
}
