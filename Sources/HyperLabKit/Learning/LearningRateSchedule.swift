/// The learning rate of each epoch: a linear warm-up, then a decay, applied per epoch.
///
/// With η the base rate, W = `warmup`, epochs numbered e = 0, 1, ...:
/// - warm-up, e < W: η·(e + 1)/(W + 1) — rising linearly, reaching η at epoch W;
/// - then, with k = e − W epochs since warm-up:
///   - `constant`: η;
///   - `step`: η·γ^⌊k/`step`⌋ (PyTorch's `StepLR`);
///   - `exponential`: η·γᵏ (`ExponentialLR`);
///   - `cosine`: η·½(1 + cos(πk/T)), T = epochs − W (`CosineAnnealingLR`, T_max = T, η_min = 0),
///     falling towards 0 over the epochs after warm-up.
public struct LearningRateSchedule: Sendable, Hashable {
    /// The decay after warm-up.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case constant, step, exponential, cosine
    }

    /// The decay after warm-up.
    public var kind: Kind
    /// Base learning rate η.
    public var baseRate: Double
    /// Warm-up epochs W.
    public var warmup: Int
    /// Epochs between decays (`step`).
    public var stepSize: Int
    /// Decay factor γ (`step`, `exponential`).
    public var gamma: Double
    /// Total epochs of the run (the horizon of `cosine`).
    public var epochs: Int

    /// A schedule from its parts.
    public init(kind: Kind, baseRate: Double, warmup: Int = 0, stepSize: Int = 10, gamma: Double = 0.5, epochs: Int) {
        self.kind = kind
        self.baseRate = baseRate
        self.warmup = max(0, warmup)
        self.stepSize = max(1, stepSize)
        self.gamma = gamma
        self.epochs = epochs
    }

    /// The schedule of a configuration.
    /// - Throws: `TrainingError.unknownSetting` for a schedule name the engine does not know.
    public init(configuration c: Configuration) throws(TrainingError) {
        guard let kind = Kind(rawValue: c.schedule) else {
            throw .unknownSetting(key: "schedule", value: c.schedule, choices: ParameterCatalog.schedules)
        }
        self.init(kind: kind, baseRate: c.learningRate, warmup: c.warmup, stepSize: c.step, gamma: c.gamma,
                  epochs: c.epochs)
    }

    /// The learning rate of epoch `epoch` (0-based).
    public func rate(epoch: Int) -> Double {
        if epoch < warmup {
            return baseRate * Double(epoch + 1) / Double(warmup + 1)
        }
        let k = epoch - warmup
        switch kind {
        case .constant:
            return baseRate
        case .step:
            return baseRate * PortableMath.power(gamma, k / stepSize)
        case .exponential:
            return baseRate * PortableMath.power(gamma, k)
        case .cosine:
            let horizon = max(1, epochs - warmup)
            return baseRate * 0.5 * (1 + PortableMath.cos(Double.pi * Double(k) / Double(horizon)))
        }
    }
}
