/// Why a distribution or a search space was refused. The shell adds the position and caret.
public enum SearchSpaceError: Error, Sendable, Equatable {
    /// A bound is not a finite number.
    case nonFinite(String)
    /// `lower` is not below `upper`.
    case emptyRange(lower: String, upper: String)
    /// A log-scaled range starts at or below zero.
    case nonPositiveLogBound(String)
    /// An integer distribution with a non-integral bound.
    case nonIntegralBound(String)
    /// `near(F)` with F ≤ 1.
    case factorTooSmall(String)
    /// `choice()` with no value.
    case emptyChoice
    /// The same value listed twice in a choice.
    case duplicateChoice(String)
    /// Two parameters with the same name.
    case duplicateName(String)
    /// `near(F)` for a parameter with no current value given.
    case missingCenter(String)
    /// `near(F)` around a value that is not a positive number.
    case unusableCenter(name: String, value: String)
    /// `near(F)` whose range does not meet the key's bounds.
    case centerOutsideBounds(name: String, value: String)
    /// A grid over a continuous distribution.
    case notEnumerable(String)
    /// A parameter name the space does not have.
    case unknownParameter(String)

    /// The one-line message.
    public var message: String {
        switch self {
        case .nonFinite(let x): "\(x) is not a finite number"
        case .emptyRange(let a, let b): "the range \(a) to \(b) is empty"
        case .nonPositiveLogBound(let a): "a log range must start above 0, not at \(a)"
        case .nonIntegralBound(let a): "an integer range needs whole-number bounds, not \(a)"
        case .factorTooSmall(let f): "near(\(f)) needs a factor above 1"
        case .emptyChoice: "choice() needs at least one value"
        case .duplicateChoice(let v): "the value \(v) is listed twice"
        case .duplicateName(let n): "\(n) is swept twice"
        case .missingCenter(let n): "near() needs a current value of \(n)"
        case let .unusableCenter(n, v): "near() needs a positive current value, but \(n) is \(v)"
        case let .centerOutsideBounds(n, v): "near() around \(n)=\(v) leaves the allowed range of \(n)"
        case .notEnumerable(let n): "\(n) has a continuous range, which a grid cannot list"
        case .unknownParameter(let n): "\(n) is not a swept parameter"
        }
    }

    /// How to fix it.
    public var hint: String? {
        switch self {
        case .nonFinite: "write a number such as 1e-3"
        case .emptyRange: "write the smaller bound first, as in log(1e-4, 1e-1)"
        case .nonPositiveLogBound: "use uniform(a,b) for ranges that include 0"
        case .nonIntegralBound: "write int(16, 256) or use uniform(a,b) for real values"
        case .factorTooSmall: "near(3) samples between a third and three times the current value"
        case .emptyChoice: "write choice(relu, tanh) or a list [16, 32, 64]"
        case .duplicateChoice: "list each value once"
        case .duplicateName: "give each key one distribution"
        case .missingCenter: "set the key first, or give a range such as log(1e-4, 1e-1)"
        case .unusableCenter: "set a positive value first, or give a range such as uniform(0, 0.5)"
        case .centerOutsideBounds: "set a current value inside the key's range first"
        case .notEnumerable: "give a list of values, such as lr=[1e-3, 1e-2, 1e-1]"
        case .unknownParameter: nil
        }
    }
}
