import Foundation

/// The internal representation samplers work in: numeric parameters on a line (log space
/// for log scales, integers widened by half a step on each side so rounding is fair) and
/// choices by index; and the unit interval [0, 1] over that line.
///
/// An unresolved `near(F)` behaves as a multiplier `log(1/F, F)`; a `SearchSpace` never
/// holds one (it resolves `near` against the current value when it is made).
extension Distribution {
    /// The number of listed values of a choice; nil for ranges.
    public var choiceCount: Int? { choices?.count }

    /// The bounds of the internal line of a numeric distribution; nil for a choice.
    public var internalBounds: (low: Double, high: Double)? {
        switch kind {
        case let .uniform(a, b): (a, b)
        case let .log(a, b): (PortableMath.log(a), PortableMath.log(b))
        case let .int(a, b): (Double(a) - 0.5, Double(b) + 0.5)
        case let .intLog(a, b): (PortableMath.log(Double(a) - 0.5), PortableMath.log(Double(b) + 0.5))
        case .near(let f): (-PortableMath.log(f), PortableMath.log(f))
        case .choice: nil
        }
    }

    /// The internal coordinate of `value`: the log of a log-scaled number, the number itself,
    /// or a choice's index. Nil when the value has the wrong kind or is not a listed choice;
    /// numbers outside the range are returned as they are (callers clamp).
    public func internalCoordinate(of value: ParameterValue) -> Double? {
        switch kind {
        case .choice(let values):
            return values.firstIndex(of: value).map(Double.init)
        case .log, .intLog, .near:
            guard let x = value.asReal, x > 0, x.isFinite else { return nil }
            return PortableMath.log(x)
        case .uniform, .int:
            guard let x = value.asReal, x.isFinite else { return nil }
            return x
        }
    }

    /// The value at internal coordinate `x`: clamped into the range, integers rounded,
    /// a choice's index rounded and clamped.
    public func value(atInternal x: Double) -> ParameterValue {
        let x = x.isNaN ? 0 : x
        switch kind {
        case .choice(let values):
            let i = Int(Swift.min(Swift.max(x.rounded(), 0), Double(values.count - 1)))
            return values[i]
        case let .uniform(a, b):
            return .real(Swift.min(Swift.max(x, a), b))
        case let .log(a, b):
            if x <= PortableMath.log(a) { return .real(a) }
            if x >= PortableMath.log(b) { return .real(b) }
            return .real(Swift.min(Swift.max(PortableMath.exp(x), a), b))
        case let .int(a, b):
            return .integer(Int(Swift.min(Swift.max(x.rounded(), Double(a)), Double(b))))
        case let .intLog(a, b):
            return .integer(Int(Swift.min(Swift.max(PortableMath.exp(x).rounded(), Double(a)), Double(b))))
        case .near(let f):
            return .real(Swift.min(Swift.max(PortableMath.exp(x), 1 / f), f))
        }
    }

    /// The position of `value` in [0, 1]: numeric ranges linearly over the internal line,
    /// the k-th of n choices at (k + ½)/n. Out-of-range numbers are clamped; nil for a
    /// value of the wrong kind or an unlisted choice.
    public func unit(of value: ParameterValue) -> Double? {
        guard let x = internalCoordinate(of: value) else { return nil }
        if let n = choiceCount { return (x + 0.5) / Double(n) }
        guard let (low, high) = internalBounds else { return nil }
        return Swift.min(Swift.max((x - low) / (high - low), 0), 1)
    }

    /// The value at `u` in [0, 1]: a uniform `u` gives a draw from the distribution
    /// (log-uniform for log scales, each integer and each choice equally likely).
    public func value(atUnit u: Double) -> ParameterValue {
        let u = u.isNaN ? 0 : Swift.min(Swift.max(u, 0), 1)
        if let n = choiceCount {
            return value(atInternal: Swift.min(Foundation.floor(u * Double(n)), Double(n - 1)))
        }
        guard let (low, high) = internalBounds else { return value(atInternal: 0) }
        return value(atInternal: low + u * (high - low))
    }

    /// Whether `value` lies in the distribution (right kind, inside the bounds, a listed choice).
    public func contains(_ value: ParameterValue) -> Bool {
        switch kind {
        case .choice(let values): return values.contains(value)
        case let .uniform(a, b), let .log(a, b):
            guard case .real(let x) = value else { return false }
            return x >= a && x <= b
        case let .int(a, b), let .intLog(a, b):
            guard case .integer(let n) = value else { return false }
            return n >= a && n <= b
        case .near: return value.asReal.map { $0 > 0 } ?? false
        }
    }

    /// This distribution with `near(F)` resolved against the current value `center`:
    /// `log(c/F, c·F)` for a real, `intlog(⌊c/F⌋, ⌈c·F⌉)` for an integer, cut to `bounds`.
    /// Other distributions are returned unchanged.
    /// - Parameters:
    ///   - center: the current configuration's value of the key.
    ///   - name: the key, for messages.
    ///   - bounds: the key's allowed range, if it has one.
    /// - Throws: `SearchSpaceError` when there is no usable positive center or the range
    ///   leaves the bounds.
    public func resolved(center: ParameterValue?, name: String,
                         bounds: ClosedRange<Double>? = nil) throws(SearchSpaceError) -> Distribution {
        guard case .near(let f) = kind else { return self }
        guard let center else { throw .missingCenter(name) }
        let lowerBound = bounds?.lowerBound ?? -Double.infinity
        let upperBound = bounds?.upperBound ?? Double.infinity
        switch center {
        case .integer(let c) where c >= 1:
            let lo = Swift.max(Swift.max(Foundation.floor(Double(c) / f), 1), Foundation.ceil(lowerBound))
            let hi = Swift.min(Foundation.ceil(Double(c) * f), Foundation.floor(upperBound))
            guard lo <= hi, lo < 9e15, hi < 9e15 else {
                throw .centerOutsideBounds(name: name, value: center.description)
            }
            if lo == hi { return try Distribution.choice([.integer(Int(lo))]) }
            return try Distribution.intLog(Int(lo), Int(hi))
        case .real(let c) where c > 0 && c.isFinite:
            let lo = Swift.max(c / f, lowerBound)
            let hi = Swift.min(c * f, upperBound)
            guard lo > 0, lo < hi else { throw .centerOutsideBounds(name: name, value: center.description) }
            return try Distribution.log(lo, hi)
        default:
            throw .unusableCenter(name: name, value: center.description)
        }
    }
}
