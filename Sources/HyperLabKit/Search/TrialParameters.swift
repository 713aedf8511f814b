/// The values of a trial's swept parameters, in the search space's order.
///
/// ```swift
/// let p = TrialParameters([("lr", .real(1e-3)), ("units", .integer(64))])
/// p["lr"]          // .real(0.001)
/// p.description    // "lr=0.001 units=64"
/// ```
/// Invariant: names are distinct; `names.count == values.count`.
public struct TrialParameters: Sendable, Hashable, Codable, CustomStringConvertible, Sequence {
    /// The parameter names, in order.
    public private(set) var names: [String]
    /// The values, in the order of `names`.
    public private(set) var values: [ParameterValue]

    /// Parameters from ordered pairs; a repeated name keeps its last value at its first place.
    public init(_ pairs: [(String, ParameterValue)] = []) {
        names = []
        values = []
        for (name, value) in pairs { self[name] = value }
    }

    /// The value of `name`, or nil; setting a new name appends it.
    public subscript(name: String) -> ParameterValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { values[i] = newValue } else { names.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// The number of parameters.
    public var count: Int { names.count }

    /// The ordered (name, value) pairs.
    public func makeIterator() -> Zip2Sequence<[String], [ParameterValue]>.Iterator {
        zip(names, values).makeIterator()
    }

    /// `lr=0.001 units=64`.
    public var description: String {
        zip(names, values).map { "\($0)=\($1)" }.joined(separator: " ")
    }
}
