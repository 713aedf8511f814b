/// An update rule and its coefficients, as PyTorch's `torch.optim` defines them.
///
/// With g the gradient, θ a parameter, η the (scheduled) learning rate, λ `weightDecay`, t the
/// step number from 1:
/// - `sgd`: g ← g + λθ; θ ← θ − ηg.
/// - `momentum`: g ← g + λθ; b ← μb + g (b₁ = g); θ ← θ − ηb  (`SGD(momentum=μ, dampening=0)`).
/// - `nesterov`: as `momentum`, then θ ← θ − η(g + μb)  (`SGD(nesterov=True)`).
/// - `adam`: g ← g + λθ; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
///   θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
/// - `adamw`: θ ← θ(1 − ηλ), then `adam` without the L2 term (decoupled weight decay).
/// - `rmsprop`: g ← g + λθ; v ← αv + (1−α)g²; θ ← θ − ηg/(√v + ε)  (`RMSprop(centered=False, momentum=0)`).
public struct OptimizerSettings: Sendable, Hashable {
    /// The update rule.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        case sgd, momentum, nesterov, adam, adamw, rmsprop
    }

    /// The update rule.
    public var rule: Rule
    /// Base learning rate η (before the schedule).
    public var learningRate: Double
    /// μ for momentum and nesterov.
    public var momentum: Double
    /// β₁ for adam and adamw.
    public var beta1: Double
    /// β₂ for adam and adamw.
    public var beta2: Double
    /// α, RMSprop's smoothing constant.
    public var alpha: Double
    /// ε added to the denominator (adam, adamw, rmsprop).
    public var eps: Double
    /// λ: L2 added to the gradient, or decoupled decay for adamw.
    public var weightDecay: Double

    /// Settings from their parts (defaults are PyTorch's, with Adam's lr 1e-3).
    public init(rule: Rule, learningRate: Double = 1e-3, momentum: Double = 0.9, beta1: Double = 0.9,
                beta2: Double = 0.999, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0) {
        self.rule = rule
        self.learningRate = learningRate
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
    }

    /// The settings of a configuration.
    /// - Throws: `TrainingError.unknownSetting` for an optimizer name the engine does not know.
    public init(configuration c: Configuration) throws(TrainingError) {
        guard let rule = Rule(rawValue: c.optimizer) else {
            throw .unknownSetting(key: "optimizer", value: c.optimizer, choices: ParameterCatalog.optimizers)
        }
        self.init(rule: rule, learningRate: c.learningRate, momentum: c.momentum, beta1: c.beta1, beta2: c.beta2,
                  alpha: c.alpha, eps: c.eps, weightDecay: c.weightDecay)
    }
}
