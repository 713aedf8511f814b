/// How a text feature column becomes numbers (`text=` in `load`).
///
/// Categories are learned on the train part of a split only (`CategoryEncoder`).
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// One 0/1 column per train category, plus one for a missing cell when train has one;
    /// a category not seen in train is all zeros.
    case onehot
    /// One column holding the category's place in the natural order of the train categories;
    /// a missing or unseen category gets the train mean (0 once standardized).
    case ordinal
}
