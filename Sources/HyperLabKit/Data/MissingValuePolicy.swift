/// What loading a CSV does with empty feature cells (`missing=` in `load`).
///
/// The imputing policies (`mean`, `median`, `mostFrequent`) fill a cell with a statistic of its
/// column over the train part of the split only (`Standardizer`), never over dev or test rows.
public enum MissingValuePolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Empty numeric cells are an error naming the first one (the default; `missing=error`).
    case none
    /// Each empty cell is filled with the mean of its column's present train values.
    case mean
    /// Rows with any empty feature cell are left out when loading.
    case drop
    /// Each empty cell is filled with the median of its column's present train values.
    case median
    /// Each empty cell is filled with the most frequent present train value (the smallest on ties).
    case mostFrequent = "most_frequent"

    /// The words `missing=` takes: `error` (the same as `none`) and every policy.
    public static let optionWords = ["error", "none", "drop", "mean", "median", "most_frequent"]

    /// The policy of a `missing=` word (`error` is `.none`), or nil.
    public init?(word: String) {
        if word == "error" { self = .none } else { self.init(rawValue: word) }
    }

    /// Whether empty numeric cells are filled from train statistics.
    public var imputes: Bool { self == .mean || self == .median || self == .mostFrequent }
}
