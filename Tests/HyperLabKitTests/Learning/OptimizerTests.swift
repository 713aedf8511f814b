import Testing
@testable import HyperLabKit

/// Each update rule for a few steps against values worked out by hand from its definition
/// (PyTorch's `torch.optim`), on one parameter θ₀ = 1 with a constant gradient g = 0.5.
@Suite struct OptimizerTests {
    /// θ after each of `gradients.count` steps.
    static func trajectory(_ settings: OptimizerSettings, start: [Float] = [1], gradients: [[Float]]) -> [[Float]] {
        let optimizer = Optimizer(settings: settings, count: start.count, ledger: BufferLedger())
        var theta = start
        var out: [[Float]] = []
        for g in gradients {
            theta.withUnsafeMutableBufferPointer { t in
                g.withUnsafeBufferPointer { gp in optimizer.step(parameters: t.baseAddress!, gradients: gp.baseAddress!, rate: settings.learningRate) }
            }
            out.append(theta)
        }
        return out
    }

    static func expectClose(_ got: [[Float]], _ expected: [Double], tolerance: Double = 1e-6) {
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) {
            #expect(abs(Double(g[0]) - e) <= tolerance, "got \(g[0]), expected \(e)")
        }
    }

    static let constant: [[Float]] = [[0.5], [0.5], [0.5]]

    @Test func sgdWithL2() {
        // g' = g + λθ: 0.5 + 0.01 = 0.51 → θ = 0.949; then 0.5 + 0.00949 → θ = 0.898051.
        let s = OptimizerSettings(rule: .sgd, learningRate: 0.1, weightDecay: 0.01)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: [[0.5], [0.5]]), [0.949, 0.898051])
    }

    @Test func momentum() {
        // b = 0.5, 0.95, 1.355; θ = 1 − 0.1·b cumulatively: 0.95, 0.855, 0.7195.
        let s = OptimizerSettings(rule: .momentum, learningRate: 0.1, momentum: 0.9)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: OptimizerTests.constant), [0.95, 0.855, 0.7195])
    }

    @Test func nesterov() {
        // θ −= 0.1·(g + μb): 0.1·0.95, 0.1·1.355, 0.1·1.7195 → 0.905, 0.7695, 0.59755.
        let s = OptimizerSettings(rule: .nesterov, learningRate: 0.1, momentum: 0.9)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: OptimizerTests.constant), [0.905, 0.7695, 0.59755])
    }

    @Test func adamBiasCorrection() {
        // With a constant gradient, bias correction makes m̂ = g and v̂ = g² exactly: each step moves θ by lr.
        let s = OptimizerSettings(rule: .adam, learningRate: 0.1)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: OptimizerTests.constant), [0.9, 0.8, 0.7])
    }

    @Test func adamWithL2() {
        // Step 1: g' = 0.6, θ = 0.9. Step 2: g' = 0.59, m = 0.9·0.06 + 0.1·0.59 = 0.113, m̂ = 0.113/0.19;
        // v = 0.999·0.00036 + 0.001·0.3481 = 0.00070774, v̂ = v/0.001999; θ = 0.9 − 0.1·m̂/√v̂.
        let s = OptimizerSettings(rule: .adam, learningRate: 0.1, weightDecay: 0.1)
        let mHat = 0.113 / 0.19, vHat = 0.00070774 / (1 - 0.999 * 0.999)
        let expected2 = 0.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: [[0.5], [0.5]]), [0.9, expected2])
    }

    @Test func adamwDecouplesDecay() {
        // θ ← θ(1 − lr·λ) − lr·m̂/(√v̂ + ε) = θ·0.99 − 0.1: 0.89, 0.7811, 0.673289.
        let s = OptimizerSettings(rule: .adamw, learningRate: 0.1, weightDecay: 0.1)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: OptimizerTests.constant), [0.89, 0.7811, 0.673289])
    }

    @Test func rmsprop() {
        // v = 0.01·0.25 = 0.0025, θ = 1 − 0.01·0.5/0.05 = 0.9;
        // v = 0.99·0.0025 + 0.0025 = 0.004975, θ = 0.9 − 0.005/√0.004975.
        let s = OptimizerSettings(rule: .rmsprop, learningRate: 0.01, alpha: 0.99)
        let second = 0.9 - 0.005 / (0.004975.squareRoot() + 1e-8)
        OptimizerTests.expectClose(OptimizerTests.trajectory(s, gradients: [[0.5], [0.5]]), [0.9, second])
    }

    @Test func epsIsOutsideTheSquareRoot() {
        // g = 1e-4, ε = 1, θ₀ = 0: v = 0.01·1e-8 = 1e-10, so θ = −0.1·1e-4/(√v + ε) = −1e-5/(1 + 1e-5),
        // not −1e-5/√(v + ε) = −1e-5.
        let s = OptimizerSettings(rule: .rmsprop, learningRate: 0.1, alpha: 0.99, eps: 1)
        let out = OptimizerTests.trajectory(s, start: [0], gradients: [[1e-4]])
        OptimizerTests.expectClose(out, [-1e-5 / (1 + 1e-5)], tolerance: 5e-12)
    }

    @Test func updatesEveryParameterIndependently() {
        // Per parameter, b = g then μb + g: θ₁ = 1 → 0.855, θ₂ = −2 → −1.9 → −1.71, θ₃ (g = 0) stays.
        let s = OptimizerSettings(rule: .momentum, learningRate: 0.1, momentum: 0.9)
        let out = OptimizerTests.trajectory(s, start: [1, -2, 0.5], gradients: [[0.5, -1, 0], [0.5, -1, 0]])
        #expect(abs(out[1][0] - 0.855) < 1e-6)
        #expect(abs(out[1][1] - -1.71) < 1e-6)
        #expect(out[1][2] == 0.5)
    }

    @Test func settingsFromConfiguration() throws {
        let c = LearningFixtures.configuration(["optimizer": .word("rmsprop"), "lr": .real(0.02), "alpha": .real(0.9),
                                                "weight_decay": .real(0.001)])
        let s = try OptimizerSettings(configuration: c)
        #expect(s.rule == .rmsprop && s.learningRate == 0.02 && s.alpha == 0.9 && s.weightDecay == 0.001 && s.eps == 1e-8)
    }
}
