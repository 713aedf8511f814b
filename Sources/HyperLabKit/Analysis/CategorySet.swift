/// A set of category indices `0..<capacity`, stored as bits.
///
/// The categorical side of a tree's split (the categories that go left) and of a leaf's
/// box (the categories the leaf covers).
struct CategorySet: Sendable, Hashable {
    private var words: [UInt64]

    /// An empty set, or the full set `0..<capacity` when `full`.
    init(capacity: Int, full: Bool = false) {
        let wordCount = (capacity + 63) / 64
        words = [UInt64](repeating: 0, count: wordCount)
        if full {
            for i in 0..<capacity { insert(i) }
        }
    }

    /// Whether `i` is in the set (false for any index beyond the capacity).
    @inline(__always) func contains(_ i: Int) -> Bool {
        let w = i >> 6
        guard i >= 0, w < words.count else { return false }
        return words[w] & (1 << UInt64(i & 63)) != 0
    }

    /// Adds `i` (which must be below the capacity).
    mutating func insert(_ i: Int) {
        words[i >> 6] |= 1 << UInt64(i & 63)
    }

    /// The number of members.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members of both sets.
    func intersection(_ other: CategorySet) -> CategorySet {
        var result = self
        for w in result.words.indices { result.words[w] &= w < other.words.count ? other.words[w] : 0 }
        return result
    }

    /// The members of this set that are not in `other`.
    func subtracting(_ other: CategorySet) -> CategorySet {
        var result = self
        for w in result.words.indices where w < other.words.count { result.words[w] &= ~other.words[w] }
        return result
    }
}
