/// Mean and population standard deviation of finite numbers of any size, without overflow.
///
/// The plain formulas overflow long before the numbers do: the sum of two values near 1e308, or
/// the square of a deviation of 1e155, is infinite. Dividing every value by the largest
/// magnitude first keeps each term within [-2, 4], so the mean and the sd of any finite values
/// are finite. It rounds differently from the plain formulas, so callers use it only where those
/// overflowed, and every ordinary dataset keeps its numbers to the last bit.
///
/// ```swift
/// let (mean, sd) = ScaledMoments.of([1.7e308, -1.7e308, 1.7e308])   // 5.7e307, 1.6e308
/// ```
enum ScaledMoments {
    /// The mean and population sd of `values` (finite); (0, 0) when there are none.
    /// - Complexity: O(n), three passes.
    static func of(_ values: some Collection<Double>) -> (mean: Double, sd: Double) {
        let scale = values.reduce(0.0) { Swift.max($0, abs($1)) }
        guard !values.isEmpty, scale > 0 else { return (0, 0) }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + $1 / scale } / n
        let variance = values.reduce(0.0) { sum, x in
            let d = x / scale - mean
            return sum + d * d
        } / n
        return (mean * scale, variance.squareRoot() * scale)
    }

    /// `(x - mean) / scale`, computed from `x / scale` when the difference overflows.
    static func standardized(_ x: Double, mean: Double, scale: Double) -> Double {
        let plain = (x - mean) / scale
        return plain.isFinite ? plain : x / scale - mean / scale
    }
}
