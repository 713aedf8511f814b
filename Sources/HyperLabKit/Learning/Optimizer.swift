import CKernels

/// The state of one update rule over a flat parameter buffer (see `OptimizerSettings` for the
/// rules). Its state buffers are created once; `step` is one contiguous loop that allocates
/// nothing and vectorizes (square roots through `FastMath.squareRoot`, within 2·10⁻⁷ of exact;
/// Adam's loop is `hl_adam_step` in C, the same operations sixteen or eight at a time).
final class Optimizer {
    /// The rule and coefficients.
    let settings: OptimizerSettings
    /// Steps taken so far (t of the last step).
    private(set) var steps = 0
    private let count: Int
    /// Momentum buffer b, or Adam's first moment m.
    private let first: FloatBuffer
    /// Adam's second moment v, or RMSprop's square average.
    private let second: FloatBuffer

    /// Zeroed state for `count` parameters.
    init(settings: OptimizerSettings, count: Int, ledger: BufferLedger) {
        self.settings = settings
        self.count = count
        let needsFirst: Bool, needsSecond: Bool
        switch settings.rule {
        case .sgd: (needsFirst, needsSecond) = (false, false)
        case .momentum, .nesterov: (needsFirst, needsSecond) = (true, false)
        case .adam, .adamw: (needsFirst, needsSecond) = (true, true)
        case .rmsprop: (needsFirst, needsSecond) = (false, true)
        }
        first = FloatBuffer(count: needsFirst ? count : 0, ledger: ledger)
        second = FloatBuffer(count: needsSecond ? count : 0, ledger: ledger)
    }

    /// One update of `parameters` from `gradients` (both `count` long) at learning rate `rate`.
    /// The gradient buffer is read, not modified.
    func step(parameters theta: UnsafeMutablePointer<Float>, gradients grad: UnsafePointer<Float>, rate: Double) {
        steps += 1
        let s = settings
        let n = count
        let lr = Float(rate)
        let wd = Float(s.weightDecay)
        switch s.rule {
        case .sgd:
            for i in 0..<n {
                let g = grad[i] + wd * theta[i]
                theta[i] -= lr * g
            }
        case .momentum, .nesterov:
            let mu = Float(s.momentum)
            let b = first.pointer
            if s.rule == .nesterov {
                for i in 0..<n {
                    let g = grad[i] + wd * theta[i]
                    let bi = mu * b[i] + g
                    b[i] = bi
                    theta[i] -= lr * (g + mu * bi)
                }
            } else {
                for i in 0..<n {
                    let g = grad[i] + wd * theta[i]
                    let bi = mu * b[i] + g
                    b[i] = bi
                    theta[i] -= lr * bi
                }
            }
        case .adam, .adamw:
            let correction1 = 1 - PortableMath.power(s.beta1, steps)
            let correction2 = 1 - PortableMath.power(s.beta2, steps)
            // 1 − β is formed in Double, as PyTorch does (1 − Float(0.999) is off by 10⁻⁵ relative).
            var coefficients = HLAdamCoefficients(
                shrink: Float(s.rule == .adamw ? 1 - rate * s.weightDecay : 1),
                coupled: s.rule == .adam ? wd : 0,
                beta1: Float(s.beta1), beta2: Float(s.beta2),
                one_minus_beta1: Float(1 - s.beta1), one_minus_beta2: Float(1 - s.beta2),
                step_size: Float(rate / correction1),
                inverse_root_correction2: Float(1 / correction2.squareRoot()),
                eps: Float(s.eps))
            // The C kernel runs the per-element definition (see `hl_adam_step`) sixteen elements at a
            // time with AVX-512, eight with AVX2, where the CPU has them; every path gives the same bits.
            hl_adam_step(theta, grad, first.pointer, second.pointer, n, &coefficients)
        case .rmsprop:
            let a = Float(s.alpha), ca = Float(1 - s.alpha)
            let eps = Float(s.eps)
            let v = second.pointer
            for i in 0..<n {
                let g = grad[i] + wd * theta[i]
                let vi = a * v[i] + ca * (g * g)
                v[i] = vi
                theta[i] -= lr * g / (FastMath.squareRoot(vi) + eps)
            }
        }
    }
}
