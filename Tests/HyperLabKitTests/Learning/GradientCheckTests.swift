import Testing
@testable import HyperLabKit

/// Every hand-derived backward pass (loss, activation, dense layer with fused bias, dropout)
/// against central finite differences of the Double reference in `ReferenceNetwork`.
@Suite struct GradientCheckTests {
    static let step = 1e-5

    /// |analytic − numeric| ≤ 2·10⁻³·max(1, |numeric|) + 10⁻⁴ (the analytic side runs in Float32).
    static func close(_ analytic: Double, _ numeric: Double) -> Bool {
        abs(analytic - numeric) <= 2e-3 * max(1, abs(numeric)) + 1e-4
    }

    static func values(_ n: Int, seed: Int, scale: Double = 1) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { _ in g.nextGaussian() * scale }
    }

    @Test(arguments: Activation.allCases)
    func activationDerivative(_ f: Activation) {
        let z = GradientCheckTests.values(64, seed: 3, scale: 2).map { abs($0) < 1e-3 ? 0.5 : $0 }
        var zf = z.map(Float.init)
        var a = [Float](repeating: 0, count: z.count)
        var delta = [Float](repeating: 1, count: z.count)
        let zero = [Float](repeating: 0, count: z.count)
        zf.withUnsafeMutableBufferPointer { zp in
            a.withUnsafeMutableBufferPointer { ap in
                zero.withUnsafeBufferPointer { bp in
                    Activation.biasForward(f, z: zp.baseAddress!, bias: bp.baseAddress!, a: ap.baseAddress!,
                                           rows: 1, columns: z.count)
                }
                delta.withUnsafeMutableBufferPointer { dp in
                    Activation.backward(f, z: zp.baseAddress!, a: ap.baseAddress!, delta: dp.baseAddress!, count: z.count)
                }
            }
        }
        for i in z.indices {
            let exact = ReferenceNetwork.activate(f, z[i])
            #expect(abs(Double(a[i]) - exact) <= 1e-6 * max(1, abs(exact)), "\(f) forward at \(z[i])")
            let h = GradientCheckTests.step
            let numeric = (ReferenceNetwork.activate(f, z[i] + h) - ReferenceNetwork.activate(f, z[i] - h)) / (2 * h)
            #expect(GradientCheckTests.close(Double(delta[i]), numeric), "\(f)′ at \(z[i]): \(delta[i]) vs \(numeric)")
        }
    }

    @Test func softmaxCrossEntropyGradient() {
        let rows = 5, classes = 4
        let logits = GradientCheckTests.values(rows * classes, seed: 11, scale: 3)
        let labels: [Int32] = [0, 3, 1, 2, 3]
        var delta = [Float](repeating: 0, count: rows * classes)
        let lf = logits.map(Float.init)
        let totals = lf.withUnsafeBufferPointer { lp in
            labels.withUnsafeBufferPointer { yp in
                delta.withUnsafeMutableBufferPointer { dp in
                    Loss.softmaxCrossEntropy(logits: lp.baseAddress!, labels: yp.baseAddress!, rows: rows,
                                             classes: classes, delta: dp.baseAddress!, scale: rows)
                }
            }
        }
        func loss(_ z: [Double]) -> Double {
            ReferenceNetwork.crossEntropy((0..<rows).map { Array(z[($0 * classes)..<($0 * classes + classes)]) },
                                          labels: labels.map(Int.init))
        }
        #expect(abs(totals.loss / Double(rows) - loss(logits)) < 1e-5)
        for i in logits.indices {
            var up = logits, down = logits
            up[i] += GradientCheckTests.step
            down[i] -= GradientCheckTests.step
            let numeric = (loss(up) - loss(down)) / (2 * GradientCheckTests.step)
            #expect(GradientCheckTests.close(Double(delta[i]), numeric), "logit \(i): \(delta[i]) vs \(numeric)")
        }
    }

    @Test func squaredErrorGradient() {
        let rows = 6
        let predictions = GradientCheckTests.values(rows, seed: 5)
        let targets = GradientCheckTests.values(rows, seed: 6)
        var delta = [Float](repeating: 0, count: rows)
        let pf = predictions.map(Float.init), tf = targets.map(Float.init)
        let totals = pf.withUnsafeBufferPointer { pp in
            tf.withUnsafeBufferPointer { tp in
                delta.withUnsafeMutableBufferPointer { dp in
                    Loss.squaredError(predictions: pp.baseAddress!, targets: tp.baseAddress!, rows: rows,
                                      delta: dp.baseAddress!, scale: rows)
                }
            }
        }
        func loss(_ p: [Double]) -> Double { ReferenceNetwork.meanSquaredError(p.map { [$0] }, targets: targets) }
        #expect(abs(totals.loss / Double(rows) - loss(predictions)) < 1e-5)
        for i in predictions.indices {
            var up = predictions, down = predictions
            up[i] += GradientCheckTests.step
            down[i] -= GradientCheckTests.step
            let numeric = (loss(up) - loss(down)) / (2 * GradientCheckTests.step)
            #expect(GradientCheckTests.close(Double(delta[i]), numeric))
        }
    }

    /// Dense layers with fused bias, each activation, dropout, and both losses: the gradient of
    /// every weight and bias of a two-hidden-layer network.
    @Test(arguments: [
        (Activation.relu, 0.0, LearningTask.classification), (.leakyRelu, 0.0, .classification),
        (.tanh, 0.0, .classification), (.sigmoid, 0.0, .regression), (.gelu, 0.0, .classification),
        (.relu, 0.3, .classification), (.tanh, 0.5, .regression),
    ])
    func networkGradient(activation: Activation, dropout: Double, task: LearningTask) throws {
        let rows = 5, inputs = 3
        let outputs = task == .classification ? 3 : 1
        let architecture = try Architecture(inputs: inputs, hidden: [4, 5], activation: activation, dropout: dropout,
                                            outputs: outputs, task: task)
        let net = Network(architecture: architecture, capacity: rows, gemm: DeterministicGEMM(), ledger: BufferLedger(),
                          initStream: SeededGenerator(seed: 21), dropoutStream: SeededGenerator(seed: 22))
        // Non-zero biases, so the bias path is exercised.
        for layer in net.layers {
            for j in 0..<layer.outputs { net.parameters.pointer[layer.biasOffset + j] = Float(j) * 0.1 - 0.15 }
        }
        let input = GradientCheckTests.values(rows * inputs, seed: 23)
        let labels: [Int32] = [0, 2, 1, 1, 0]
        let targets = GradientCheckTests.values(rows, seed: 24)
        let xf = input.map(Float.init), yf = targets.map(Float.init)
        var masks: [[Double]]? = nil
        xf.withUnsafeBufferPointer { xp in
            let out = net.forward(xp.baseAddress!, rows: rows, training: true)
            if dropout > 0 {
                masks = net.layers.dropLast().indices.map { l in
                    (0..<(rows * net.layers[l].outputs)).map { Double(net.dropoutMask(layer: l)![$0]) }
                }
            }
            if task == .classification {
                _ = labels.withUnsafeBufferPointer { yp in
                    Loss.softmaxCrossEntropy(logits: out, labels: yp.baseAddress!, rows: rows, classes: outputs,
                                             delta: net.outputDelta, scale: rows)
                }
            } else {
                _ = yf.withUnsafeBufferPointer { tp in
                    Loss.squaredError(predictions: out, targets: tp.baseAddress!, rows: rows,
                                      delta: net.outputDelta, scale: rows)
                }
            }
            net.backward(xp.baseAddress!, rows: rows)
        }
        if dropout > 0 {
            let dropped = masks!.joined().filter { $0 == 0 }.count
            #expect(dropped > 0, "some units are dropped")
        }
        let x = (0..<rows).map { r in (0..<inputs).map { Double(xf[r * inputs + $0]) } }
        let theta = net.parameters.array.map(Double.init)
        func loss(_ p: [Double]) -> Double {
            let out = ReferenceNetwork.forward(architecture, parameters: p, input: x, masks: masks)
            return task == .classification
                ? ReferenceNetwork.crossEntropy(out, labels: labels.map(Int.init))
                : ReferenceNetwork.meanSquaredError(out, targets: targets)
        }
        let analytic = net.gradients.array
        for i in theta.indices {
            var up = theta, down = theta
            up[i] += GradientCheckTests.step
            down[i] -= GradientCheckTests.step
            let numeric = (loss(up) - loss(down)) / (2 * GradientCheckTests.step)
            #expect(GradientCheckTests.close(Double(analytic[i]), numeric),
                    "\(activation) dropout \(dropout) \(task) parameter \(i): \(analytic[i]) vs \(numeric)")
        }
    }
}
