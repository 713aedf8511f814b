import HyperLabKit

/// Everything the user has built in this session: the data, the split, the configuration.
///
/// A value type: a command runs on a copy, and the copy replaces the workbench only if the
/// command succeeds, so an error never changes the state.
public struct Workbench: Sendable {
    /// The loaded dataset.
    public var dataset: Dataset?
    /// The current split of the dataset.
    // public var split: DataSplit?  (lands with the data layer)
    /// The current hyperparameters.
    public var configuration = Configuration()

    /// An empty workbench.
    public init() {}
}
