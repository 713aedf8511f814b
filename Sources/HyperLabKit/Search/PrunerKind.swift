/// The pruners a sweep can name (`prune=KIND`), one registry for the command catalogue and the
/// stored study definitions: a kind's `rawValue` is the word users type and the store keeps.
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

    /// The settings a kind reads, by the name users type (`eta=3`) and the store keeps, with
    /// the whole numbers each accepts; `max_epochs` is R, set from the sweep's epochs.
    public var settingRanges: [String: ClosedRange<Int>] {
        switch self {
        case .none, .median, .asha: [:]
        case .hyperband: ["eta": 2...100, "min_epochs": 1...100_000, "max_epochs": 1...100_000]
        }
    }

    /// The pruner of this kind, with its default settings (Hyperband over the default epochs).
    public var pruner: any Pruner { pruner(values: [:]) }

    /// The pruner of this kind with its stored settings by name (see `settingRanges`); a setting
    /// left out takes its default: η = 3, min_epochs = 1, max_epochs the default epochs.
    /// - Throws: `StorageError` (`.invalidRecord`) for a setting that is not a whole number in
    ///   its range, or one this kind does not read.
    public func pruner(settings: [String: String]) throws(StorageError) -> any Pruner {
        var values: [String: Int] = [:]
        for (name, text) in settings.sorted(by: { $0.key < $1.key }) {
            guard let range = settingRanges[name] else {
                throw StorageError(.invalidRecord, "prune=\(rawValue) has no setting '\(name)'",
                                   hint: settingRanges.isEmpty ? "prune=\(rawValue) takes no settings"
                                       : "its settings: " + settingRanges.keys.sorted().joined(separator: ", "))
            }
            guard let value = Int(text), range.contains(value) else {
                throw StorageError(.invalidRecord, "\(name)=\(text) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            values[name] = value
        }
        return pruner(values: values)
    }

    /// The pruner of this kind with checked settings.
    private func pruner(values: [String: Int]) -> any Pruner {
        switch self {
        case .none: NoPruner()
        case .median: MedianPruner()
        case .asha: SuccessiveHalvingPruner()
        case .hyperband:
            HyperbandPruner(minimumResource: values["min_epochs"] ?? 1,
                                   maximumResource: values["max_epochs"] ?? Configuration().epochs,
                                   reductionFactor: values["eta"] ?? 3)
        }
    }

    /// The sampler a study of `kind` uses with `pruner`: TPE under Hyperband models one budget at
    /// a time (BOHB, see `HyperbandPruner.budgetedSampler`); every other pair keeps `sampler`.
    public func sampler(_ sampler: any Sampler, of kind: SamplerKind, with pruner: any Pruner) -> any Sampler {
        guard kind == .tpe, let hyperband = pruner as? HyperbandPruner else { return sampler }
        return hyperband.budgetedSampler(sampler)
    }
}
