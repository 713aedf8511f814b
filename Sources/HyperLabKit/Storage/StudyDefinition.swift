import Foundation

/// Everything a store keeps about a study so it can be listed, reopened, rerun or resumed:
/// name, date, status, sampler and its settings, seed, trials asked, metric and direction,
/// repeats, pruner, search space, base configuration, dataset and split.
///
/// ```swift
/// let definition = StudyDefinition(
///     name: "sweep 1", sampler: "tpe", seed: 0, trialCount: 30, metric: "dev_acc",
///     direction: .maximize, space: space, base: bench.configuration,
///     dataset: try DatasetReference(dataset.source), split: SplitReference(split))
/// let id = try store.createStudy(definition)
/// // later, perhaps in another process:
/// let stored = try store.load("sweep 1")
/// let space = try stored.definition.searchSpace()   // the same SearchSpace
/// ```
/// A plain record: values are kept as canonical text (a distribution as `log(0.0001, 0.1)`, a
/// configuration value as `0.001` or `[64, 32]`), the way a script spells them, so a stored
/// study stays readable and the shell can print or replay it. `searchSpace()` and
/// `baseValues()` read them back, typed by the configuration catalogue.
public struct StudyDefinition: Sendable, Hashable, Codable {
    /// One swept parameter: its key and its distribution's canonical text.
    public struct SweptParameter: Sendable, Hashable, Codable {
        /// The key (`lr`).
        public var name: String
        /// The distribution as `Distribution.description` spells it (`log(0.0001, 0.1)`).
        public var distribution: String

        /// A swept parameter.
        public init(name: String, distribution: String) {
            self.name = name
            self.distribution = distribution
        }
    }

    /// The study's name, unique in its store (`sweep 1`).
    public var name: String
    /// When the study was created.
    public var created: Date
    /// Where it stands (the store updates it).
    public var status: StudyStatus
    /// The sampler's name as the sweep command spells it (a `SamplerKind` raw value, such as tpe).
    public var sampler: String
    /// The sampler's settings by name, as canonical text (`startup_trials: "10"`); empty for defaults.
    public var samplerSettings: [String: String]
    /// Whether trial 0 is the base configuration (`baseline=yes`, always for `around`).
    public var baseline: Bool
    /// The sweep seed.
    public var seed: UInt64
    /// The number of trials asked (resuming keeps it).
    public var trialCount: Int
    /// The metric optimized (`dev_acc`).
    public var metric: String
    /// Whether the metric is maximized or minimized.
    public var direction: MetricDirection
    /// The metrics of a multi-objective study (`metric=[dev_acc, parameters]`), the first being
    /// `metric`; nil for a study of one metric, so stores written before multi-objective sweeps
    /// read as they were run.
    public var objectives: [StudyObjective]?
    /// Seeds per configuration (`repeats=N`).
    public var repeats: Int
    /// The pruner by its `PrunerKind` name, such as asha; none for no pruning.
    public var prune: String
    /// The pruner's settings by name, as canonical text (`eta: "3"`, `max_epochs: "81"`); nil
    /// for none, so stores written before pruners had settings read as they were run.
    public var prunerSettings: [String: String]?
    /// The lag of the visibility rule (`lag=`, see `Study`); nil for the default lag, so
    /// stores written before lag= existed read as they were run.
    public var lag: Int?
    /// The swept parameters, in the sampler's order.
    public var space: [SweptParameter]
    /// The base configuration: every key's value as canonical text (`lr: "0.001"`, `hidden: "[64, 32]"`).
    public var configuration: [String: String]
    /// The dataset.
    public var dataset: DatasetReference
    /// The split.
    public var split: SplitReference
    /// The command of `objective command "..."` that runs each trial, or nil for the built-in trainer.
    public var objective: ExternalObjectiveReference?

    /// Whether a program asks and tells this study's trials (`AskTellStudy`): no dataset, split
    /// or command of HyperLab's, and no trial count.
    public var isAskAndTell: Bool { dataset == .ownedByCommand && objective == nil }

    /// What `studies` and the shell name the study's data: the dataset's name, "external command"
    /// for an objective command's, "ask and tell" for a program's.
    public var datasetDisplayName: String { isAskAndTell ? "ask and tell" : dataset.displayName }
    /// The HyperLab version that created the study.
    public var hyperLabVersion: String

    /// A study record with every field given.
    public init(name: String, created: Date = Date(), status: StudyStatus = .running, sampler: String,
                samplerSettings: [String: String] = [:], baseline: Bool = false, seed: UInt64, trialCount: Int,
                metric: String, direction: MetricDirection, objectives: [StudyObjective]? = nil, repeats: Int = 1,
                prune: String = "none", prunerSettings: [String: String] = [:], lag: Int? = nil, space: [SweptParameter], configuration: [String: String], dataset: DatasetReference,
                split: SplitReference, objective: ExternalObjectiveReference? = nil, hyperLabVersion: String = HyperLabVersion.current) {
        self.name = name
        self.created = created
        self.status = status
        self.sampler = sampler
        self.samplerSettings = samplerSettings
        self.baseline = baseline
        self.seed = seed
        self.trialCount = trialCount
        self.metric = metric
        self.direction = direction
        self.objectives = (objectives?.count ?? 0) > 1 ? objectives : nil
        self.repeats = repeats
        self.prune = prune
        self.prunerSettings = prunerSettings.isEmpty ? nil : prunerSettings
        self.lag = lag == Study.defaultLag ? nil : lag
        self.space = space
        self.configuration = configuration
        self.dataset = dataset
        self.split = split
        self.objective = objective
        self.hyperLabVersion = hyperLabVersion
    }

    /// A study record from the Kit's own values: the space's distributions and every key of
    /// `base` are turned into their canonical text.
    public init(name: String, created: Date = Date(), sampler: String, samplerSettings: [String: String] = [:],
                baseline: Bool = false, seed: UInt64, trialCount: Int, metric: String, direction: MetricDirection,
                objectives: [StudyObjective]? = nil, repeats: Int = 1, prune: String = "none", prunerSettings: [String: String] = [:], lag: Int? = nil,
                space: SearchSpace, base: Configuration,
                dataset: DatasetReference, split: SplitReference, objective: ExternalObjectiveReference? = nil) {
        self.init(name: name, created: created, sampler: sampler, samplerSettings: samplerSettings,
                  baseline: baseline, seed: seed, trialCount: trialCount, metric: metric, direction: direction,
                  objectives: objectives, repeats: repeats, prune: prune, prunerSettings: prunerSettings, lag: lag,
                  space: space.parameters.map { SweptParameter(name: $0.name, distribution: $0.distribution.description) },
                  configuration: StudyDefinition.configurationText(base), dataset: dataset, split: split,
                  objective: objective)
    }

    /// Every stored key of `configuration` (shorthands left out) with its canonical text.
    public static func configurationText(_ configuration: Configuration) -> [String: String] {
        var text: [String: String] = [:]
        for spec in ParameterCatalog.all where !spec.isShorthand {
            if let value = configuration.value(spec.name) { text[spec.name] = value.description }
        }
        return text
    }

    /// The search space again, each distribution read back from its text.
    /// - Throws: `StorageError` (`.invalidRecord`) for a distribution that cannot be read back.
    public func searchSpace() throws(StorageError) -> SearchSpace {
        var pairs: [(String, Distribution)] = []
        for parameter in space {
            pairs.append((parameter.name, try Distribution(parsing: parameter.distribution, key: parameter.name)))
        }
        do {
            return try SearchSpace(pairs)
        } catch {
            throw StorageError(.invalidRecord, "the stored search space of \(name) is invalid: \(error.message)")
        }
    }

    /// The base configuration's values, typed by the configuration catalogue.
    /// - Throws: `StorageError` (`.invalidRecord`) for a value that cannot be read back.
    public func baseValues() throws(StorageError) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        for (key, text) in configuration { values[key] = try ParameterValue(parsing: text).coerced(forKey: key) }
        return values
    }

    /// The base configuration again, each key set with `origin`.
    /// - Throws: `StorageError` (`.invalidRecord`) for a key or value the catalogue refuses.
    public func baseConfiguration(origin: ValueOrigin = .command("resume")) throws(StorageError) -> Configuration {
        var configuration = Configuration()
        for (key, value) in try baseValues().sorted(by: { $0.key < $1.key }) {
            do { try configuration.set(key, value, origin: origin) } catch {
                throw StorageError(.invalidRecord, "the stored configuration of \(name) has \(key)=\(value): \(error.message)")
            }
        }
        return configuration
    }
}
