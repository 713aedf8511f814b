/// The value of one hyperparameter: a real, an integer, a named choice, or a list of integers.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A real number (`lr=1e-3`).
    case real(Double)
    /// An integer (`epochs=20`).
    case integer(Int)
    /// One of an enumerated set of words (`activation=relu`).
    case word(String)
    /// A list of integers (`hidden=[64,32]`).
    case integers([Int])

    /// The canonical text of the value, as a script would spell it.
    public var description: String {
        switch self {
        case .real(let x): NumberText.canonical(x)
        case .integer(let n): String(n)
        case .word(let w): w
        case .integers(let list): "[" + list.map(String.init).joined(separator: ", ") + "]"
        }
    }

    /// The value as a real number, if it is numeric.
    public var asReal: Double? {
        switch self {
        case .real(let x): x
        case .integer(let n): Double(n)
        default: nil
        }
    }
}

/// Canonical spelling of numbers in commands, scripts and results.
public enum NumberText {
    /// The shortest text that reads back to the same Double: `0.001`, `1e-05`, `64`.
    public static func canonical(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
