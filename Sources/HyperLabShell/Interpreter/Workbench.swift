import HyperLabKit

/// Everything the user has built in this session: the data, the split, the configuration.
///
/// A value type: a command runs on a copy, and the copy replaces the workbench only if the
/// command succeeds, so an error never changes the state.
public struct Workbench: Sendable {
    /// The loaded dataset.
    public var dataset: Dataset?
    /// How the data is split now: a fixed train/dev/test split or K folds; nil before `split`.
    public var partitioning: Partitioning?
    /// The current hyperparameters.
    public var configuration = Configuration()
    /// The training runs so far: `run N` is `runs[N - 1]`.
    public var runs: [RunRecord] = []
    /// The sweeps so far; the last is the one `results`, `best` and the plots read.
    public var sweeps: [SweepRecord] = []
    /// The external training command sweeps run (`objective command`), nil for the built-in engine.
    public var objective: ExternalObjectiveSetting?

    /// An empty workbench.
    public init() {}

    /// What a configuration is scored on now: the fixed split's train and dev parts, or the K folds.
    public var scoring: ScoringParts? { partitioning?.scoringParts }

    /// How many times the test part has been read, under either kind of split.
    public var testLooks: Int? { partitioning?.testLooks }
}

/// A training run with what it was trained on, so its model can be drawn later.
public struct RunRecord: Sendable {
    /// The run (the first fold's under cross-validation): curves, outcome, model.
    public let run: TrainingRun
    /// The dataset it was trained on.
    public let datasetName: String
    /// The standardization its inputs went through (from its split's train part).
    public let standardizer: Standardizer
    /// The dataset rows it was scored on.
    public let devIndices: [Int]
    /// Under cross-validation, every fold's final metrics (the first is `run`'s); empty otherwise.
    public let foldMetrics: [[String: Double]]
}

/// `objective command "…"`: the command sweeps run, and how its reports are read.
public struct ExternalObjectiveSetting: Sendable {
    /// The command with its `{key}` placeholders, parsed.
    public let template: CommandTemplate
    /// Whether higher or lower is better.
    public let direction: MetricDirection
    /// What a stored study keeps of it: the command text, metric, timeout and folder.
    public let reference: ExternalObjectiveReference
    /// The folder that takes the studies' log folders (`logs=`); nil: `logs/`, or a temporary
    /// folder when studies are kept in memory.
    public var logs: String?
    /// The most bytes each trial's log keeps (`log_limit=`).
    public var logLimit = TrialLog.defaultLimit

    /// The metric the command reports.
    public var metric: String { reference.metric }
    /// Seconds a trial may run.
    public var timeout: Int { reference.timeout }
    /// The folder the command runs in.
    public var directory: String { reference.directory }

    /// The setting of a parsed command and its stored reference (whose command is `template`'s text).
    public init(template: CommandTemplate, direction: MetricDirection, reference: ExternalObjectiveReference) {
        self.template = template
        self.direction = direction
        self.reference = reference
    }
}
