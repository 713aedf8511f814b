/// Count, mean, standard deviation, minimum and maximum of some numbers.
///
/// The standard deviation is the population one (divided by n), the same the `Standardizer`
/// uses, so standardized training features show sd 1.
public struct ValueStatistics: Sendable, Equatable {
    /// How many values.
    public let count: Int
    /// Their mean (0 when there are none).
    public let mean: Double
    /// Their population standard deviation (0 when there are none).
    public let sd: Double
    /// The smallest value (0 when there are none).
    public let min: Double
    /// The largest value (0 when there are none).
    public let max: Double

    /// The statistics of `values` (two passes, for accuracy; scaled when the plain sums overflow).
    public init(_ values: some Collection<Double>) {
        count = values.count
        guard count > 0 else { mean = 0; sd = 0; min = 0; max = 0; return }
        var sum = 0.0, lo = Double.infinity, hi = -Double.infinity
        for x in values {
            sum += x
            lo = Swift.min(lo, x)
            hi = Swift.max(hi, x)
        }
        let m = sum / Double(count)
        var squares = 0.0
        for x in values { squares += (x - m) * (x - m) }
        let plainSD = (squares / Double(count)).squareRoot()
        if (!m.isFinite || !plainSD.isFinite), lo.isFinite, hi.isFinite {
            // Values near ±1.8e308 overflow the sum or the squares: scale them first.
            (mean, sd) = ScaledMoments.of(values)
        } else {
            mean = m
            sd = plainSD
        }
        min = lo
        max = hi
    }
}
