import Testing
@testable import HyperLabKit

/// Each `init=` scheme draws from its documented distribution.
@Suite struct WeightInitializationTests {
    static func drawn(_ scheme: WeightInitialization, inputs: Int, outputs: Int, relu: Bool) -> (weights: [Float], biases: [Float]) {
        var weights = [Float](repeating: .nan, count: inputs * outputs)
        var biases = [Float](repeating: .nan, count: outputs)
        var stream = SeededGenerator(seed: 7)
        weights.withUnsafeMutableBufferPointer { w in
            biases.withUnsafeMutableBufferPointer { b in
                scheme.draw(weights: w.baseAddress!, biases: b.baseAddress!, inputs: inputs, outputs: outputs,
                            feedsReLUFamily: relu, using: &stream)
            }
        }
        return (weights, biases)
    }

    static func variance(_ x: [Float]) -> Double {
        let mean = x.reduce(0.0) { $0 + Double($1) } / Double(x.count)
        return x.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(x.count)
    }

    @Test func heIsNormalWithVarianceTwoOverFanInForReLULayers() {
        let (w, b) = Self.drawn(.he, inputs: 100, outputs: 400, relu: true)
        #expect(abs(Self.variance(w) / (2.0 / 100) - 1) < 0.05)
        #expect(w.contains { abs($0) > Float((6.0 / 500).squareRoot()) }, "a normal has tails past Glorot's bound")
        #expect(b.allSatisfy { $0 == 0 })
    }

    @Test func heFallsBackToGlorotWithoutReLU() {
        let he = Self.drawn(.he, inputs: 30, outputs: 20, relu: false)
        let glorot = Self.drawn(.glorot, inputs: 30, outputs: 20, relu: true)
        #expect(he.weights == glorot.weights)
        let bound = Float((6.0 / 50).squareRoot())
        #expect(glorot.weights.allSatisfy { abs($0) <= bound })
        #expect(abs(Self.variance(glorot.weights) / (2.0 / 50) - 1) < 0.15, "U(±a) has variance a²/3 = 2/(fan_in + fan_out)")
    }

    @Test func torchDrawsWeightsAndBiasesUniformWithinOneOverRootFanIn() {
        let (w, b) = Self.drawn(.torch, inputs: 64, outputs: 300, relu: true)
        let bound = Float(1.0 / 8)
        #expect(w.allSatisfy { abs($0) <= bound })
        #expect(b.allSatisfy { abs($0) <= bound } && b.contains { $0 != 0 })
        #expect(abs(Self.variance(w) / (1.0 / (3 * 64)) - 1) < 0.05)
    }

    @Test func configurationNamesTheScheme() throws {
        #expect(WeightInitialization(configurationName: "torch") == .torch)
        #expect(WeightInitialization(configurationName: "xavier") == nil)
        #expect(ParameterCatalog.initializations == ["he", "glorot", "torch"])
    }
}
