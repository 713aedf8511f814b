/// How one parameter is given to the importance analysis.
///
/// The analysis works over a bounded box: every `.continuous` coordinate lies in [0, 1]
/// (the caller maps the range onto it, log-scaled ranges in log space, integer ranges
/// likewise), and every `.categorical(count:)` coordinate is a category index
/// `0, 1, …, count - 1` whose categories each take an equal share of the box.
///
/// ```swift
/// let kinds: [ImportanceInputKind] = [.continuous, .categorical(count: 3)]  // lr, activation
/// ```
public enum ImportanceInputKind: Sendable, Hashable {
    /// A number in [0, 1] (a continuous or integer parameter, mapped by the caller).
    case continuous
    /// A category index in `0..<count`.
    case categorical(count: Int)

    /// The number of categories, or nil for a continuous parameter.
    public var categoryCount: Int? {
        if case .categorical(let count) = self { return count }
        return nil
    }
}
