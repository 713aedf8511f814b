/// Small timing helpers for the benchmarks.
enum Statistics {
    /// The median of `values` (the mean of the two middle values for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
    }

    /// Wall-clock seconds that `body` takes, and its result.
    static func timed<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (seconds: Double, value: T) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return ((clock.now - start).inSeconds, value)
    }
}
