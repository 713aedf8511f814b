/// The key of a study inside its store (a row id for SQLite, a counter in memory).
public struct StudyID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The raw key.
    public let rawValue: Int64

    /// An id from its raw key.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The raw key as text.
    public var description: String { String(rawValue) }
}
