/// A pruner that `prune=KIND` names: how the sweep command describes it, the settings it reads
/// and how it is built from them. `PrunerKind` maps each kind to its type, so a new pruner is
/// its own file (the type and this conformance) plus one registry line.
///
/// ```swift
/// extension HyperbandPruner: RegisteredPruner {
///     public static let summary: String? = "hyperband (brackets of it)"
///     public static let settings = [PrunerSetting("eta", 2...100, default: 3, "…")]
///     public init(settings: [String: Int]) { … }
/// }
/// ```
public protocol RegisteredPruner: Pruner {
    /// The phrase `prune=`'s help gives this pruner ("asha (successive halving)"); nil for none.
    static var summary: String? { get }
    /// The settings the sweep command gives this pruner (`eta=3`), in the order help lists them.
    static var settings: [PrunerSetting] { get }
    /// Whether the pruner spends each trial's budget in epochs up to the trials' epochs: the
    /// sweep cannot sweep `epochs`, and the store keeps them as the setting `max_epochs`.
    static var budgetsEpochs: Bool { get }
    /// The pruner with checked settings by name (`settings`, and `max_epochs` when it budgets
    /// epochs); a setting left out takes its default.
    init(settings: [String: Int])
    /// The settings as a sweep's heading shows them after the pruner's name ("eta 3, epochs 1
    /// to 27"); nil when there is nothing to show.
    var settingsSummary: String? { get }
    /// The sampler a study of `kind` uses under this pruner: `sampler` itself, unless the pruner
    /// changes what the sampler models (Hyperband's budgets for TPE: BOHB).
    func sampler(_ sampler: any Sampler, of kind: SamplerKind) -> any Sampler
}

extension RegisteredPruner {
    /// No settings.
    public static var settings: [PrunerSetting] { [] }
    /// Trials train their epochs; the pruner only stops them.
    public static var budgetsEpochs: Bool { false }
    /// Nothing to show.
    public var settingsSummary: String? { nil }
    /// The sampler as it is.
    public func sampler(_ sampler: any Sampler, of kind: SamplerKind) -> any Sampler { sampler }
}

/// One setting a pruner reads from the sweep command (`eta=3`) and the store keeps by name.
public struct PrunerSetting: Sendable, Equatable {
    /// The key users type and the store keeps.
    public let name: String
    /// The whole numbers it accepts.
    public let range: ClosedRange<Int>
    /// Its value when the command leaves it out.
    public let defaultValue: Int
    /// Whether it counts epochs, so that it may not exceed the epochs a trial trains.
    public let countsEpochs: Bool
    /// What help says of it, after the pruner's name ("hyperband: …").
    public let summary: String

    /// A setting named `name`, in `range`, `defaultValue` when left out.
    public init(_ name: String, _ range: ClosedRange<Int>, default defaultValue: Int, countsEpochs: Bool = false,
                _ summary: String) {
        self.name = name
        self.range = range
        self.defaultValue = defaultValue
        self.countsEpochs = countsEpochs
        self.summary = summary
    }
}
