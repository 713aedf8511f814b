/// What loading a CSV does with empty feature cells (`missing=` in `load`).
public enum MissingValuePolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Empty cells are an error naming the first one (the default).
    case none
    /// Each empty cell is filled with the mean of its column's non-empty cells; the dataset
    /// counts the filled cells per feature.
    case mean
}
