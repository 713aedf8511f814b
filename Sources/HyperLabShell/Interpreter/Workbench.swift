import HyperLabKit

/// Everything the user has built in this session: the data, the split, the configuration.
///
/// A value type: a command runs on a copy, and the copy replaces the workbench only if the
/// command succeeds, so an error never changes the state.
public struct Workbench: Sendable {
    /// The loaded dataset.
    public var dataset: Dataset?
    /// The current split of the dataset.
    public var split: DataSplit?
    /// The current hyperparameters.
    public var configuration = Configuration()
    /// The training runs so far: `run N` is `runs[N - 1]`.
    public var runs: [RunRecord] = []
    /// The sweeps so far; the last is the one `results`, `best` and the plots read.
    public var sweeps: [SweepRecord] = []

    /// An empty workbench.
    public init() {}
}

/// A training run with what it was trained on, so its model can be drawn later.
public struct RunRecord: Sendable {
    /// The run: curves, outcome, model.
    public let run: TrainingRun
    /// The dataset it was trained on.
    public let datasetName: String
    /// The standardization its inputs went through (from its split's train part).
    public let standardizer: Standardizer
}
