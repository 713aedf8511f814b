/// The pruners a sweep can name (`prune=KIND`), one registry for the command catalogue and the
/// stored study definitions: a kind's `rawValue` is the word users type and the store keeps, and
/// `prunerType` the `RegisteredPruner` that says everything else (help, settings, construction).
///
/// ```swift
/// let kind = PrunerKind(rawValue: "hyperband")!
/// let pruner = try kind.pruner(settings: ["eta": "3", "min_epochs": "1", "max_epochs": "81"])
/// ```
public enum PrunerKind: String, CaseIterable, Sendable {
    /// No trial stops early.
    case none
    /// Stops a trial below the median of its peers at the same epoch (`MedianPruner`).
    case median
    /// Asynchronous successive halving (`SuccessiveHalvingPruner`).
    case asha
    /// Brackets of successive halving, each trial in one (`HyperbandPruner`).
    case hyperband

    /// The pruner type of this kind: the registry's one line per kind.
    public var prunerType: any RegisteredPruner.Type {
        switch self {
        case .none: NoPruner.self
        case .median: MedianPruner.self
        case .asha: SuccessiveHalvingPruner.self
        case .hyperband: HyperbandPruner.self
        }
    }

    /// The settings the sweep command gives this kind (`eta=3`).
    public var settings: [PrunerSetting] { prunerType.settings }

    /// Whether this kind spends each trial's budget in epochs (`RegisteredPruner.budgetsEpochs`).
    public var budgetsEpochs: Bool { prunerType.budgetsEpochs }

    /// The settings the store keeps for this kind, with the whole numbers each accepts:
    /// `settings`, and `max_epochs` (R, the sweep's epochs) when it budgets epochs.
    public var settingRanges: [String: ClosedRange<Int>] {
        var ranges = Dictionary(uniqueKeysWithValues: settings.map { ($0.name, $0.range) })
        if budgetsEpochs { ranges[Self.maximumEpochsSetting] = 1...100_000 }
        return ranges
    }

    /// The stored setting that holds the trials' epochs of a kind that budgets epochs.
    public static let maximumEpochsSetting = "max_epochs"

    /// The pruner of this kind, with its default settings (Hyperband over the default epochs).
    public var pruner: any Pruner { prunerType.init(settings: [:]) }

    /// The pruner of this kind with its stored settings by name (see `settingRanges`); a setting
    /// left out takes its default.
    /// - Throws: `StorageError` (`.invalidRecord`) for a setting that is not a whole number in
    ///   its range, one this kind does not read, or one in epochs above `max_epochs`.
    public func pruner(settings: [String: String]) throws(StorageError) -> any Pruner {
        let ranges = settingRanges
        var values: [String: Int] = [:]
        for (name, text) in settings.sorted(by: { $0.key < $1.key }) {
            guard let range = ranges[name] else {
                throw StorageError(.invalidRecord, "prune=\(rawValue) has no setting '\(name)'",
                                   hint: ranges.isEmpty ? "prune=\(rawValue) takes no settings"
                                       : "its settings: " + ranges.keys.sorted().joined(separator: ", "))
            }
            guard let value = Int(text), range.contains(value) else {
                throw StorageError(.invalidRecord, "\(name)=\(text) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            values[name] = value
        }
        if let maximum = values[Self.maximumEpochsSetting] {
            for setting in self.settings where setting.countsEpochs && (values[setting.name] ?? setting.defaultValue) > maximum {
                throw StorageError(.invalidRecord, "\(setting.name)=\(values[setting.name] ?? setting.defaultValue) is more than the trials' \(maximum) epochs (max_epochs)")
            }
        }
        return prunerType.init(settings: values)
    }

    /// The sampler a study of `kind` uses with `pruner` (`RegisteredPruner.sampler(_:of:)`):
    /// TPE under Hyperband models one budget at a time (BOHB); every other pair keeps `sampler`.
    public func sampler(_ sampler: any Sampler, of kind: SamplerKind, with pruner: any Pruner) -> any Sampler {
        (pruner as? any RegisteredPruner)?.sampler(sampler, of: kind) ?? sampler
    }
}
