/// The pruners a sweep can name (`prune=KIND`), one registry for the command catalogue and the
/// stored study definitions: a kind's `rawValue` is the word users type and the store keeps.
public enum PrunerKind: String, CaseIterable, Sendable {
    /// No trial stops early.
    case none
    /// Stops a trial below the median of its peers at the same epoch (`MedianPruner`).
    case median
    /// Asynchronous successive halving (`SuccessiveHalvingPruner`).
    case asha

    /// The pruner of this kind, with its default settings.
    public var pruner: any Pruner {
        switch self {
        case .none: NoPruner()
        case .median: MedianPruner()
        case .asha: SuccessiveHalvingPruner()
        }
    }
}
