/// The standardization of regression targets: the network learns (y − mean)/scale, and its
/// predictions are mapped back to the target's own units. Classification uses `identity`.
public struct TargetScaling: Sendable, Hashable, Codable {
    /// Mean of the training targets.
    public let mean: Double
    /// Standard deviation of the training targets (1 when they are constant).
    public let scale: Double

    /// No scaling.
    public static let identity = TargetScaling(mean: 0, scale: 1)

    /// A scaling from its parts.
    public init(mean: Double, scale: Double) {
        self.mean = mean
        self.scale = scale
    }

    /// The mean and (population) standard deviation of `values`; scale 1 when they do not vary.
    public init(fitting values: [Float]) {
        guard !values.isEmpty else { self = .identity; return }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        let std = variance.squareRoot()
        self.init(mean: mean, scale: std > 0 && std.isFinite ? std : 1)
    }
}
