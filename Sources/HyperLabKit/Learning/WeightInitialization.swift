/// How a network's weights are drawn before training (`set init=he|glorot|torch`).
///
/// - `he` (the default): He normal, N(0, 2/fan_in), for layers that feed the ReLU family (relu,
///   leaky_relu, gelu), Glorot uniform for tanh, sigmoid and the output layer; biases zero. It
///   keeps the variance of ReLU activations constant through depth (He et al. 2015), which is
///   what lets deep ReLU networks start learning at once; the output layer, with no ReLU after
///   it, gets Glorot's scale.
/// - `glorot`: Glorot (Xavier) uniform, U(±√(6/(fan_in + fan_out))), for every layer; biases zero
///   (Glorot & Bengio 2010).
/// - `torch`: PyTorch's default for `nn.Linear`: weights and biases U(±1/√fan_in) (Kaiming uniform
///   with a = √5), for comparing with a PyTorch model initialized the same way.
public enum WeightInitialization: String, Sendable, Hashable, CaseIterable {
    /// He normal for the ReLU family, Glorot uniform otherwise.
    case he
    /// Glorot uniform everywhere.
    case glorot
    /// PyTorch's `nn.Linear` default.
    case torch

    /// The scheme named in a configuration, nil for an unknown name.
    public init?(configurationName name: String) {
        self.init(rawValue: name)
    }

    /// Draws the weights (`inputs × outputs`, row-major) and the biases of one layer.
    func draw(weights: UnsafeMutablePointer<Float>, biases: UnsafeMutablePointer<Float>,
              inputs: Int, outputs: Int, feedsReLUFamily: Bool, using stream: inout SeededGenerator) {
        let count = inputs * outputs
        switch self {
        case .he where feedsReLUFamily:
            let std = (2.0 / Double(inputs)).squareRoot()
            for i in 0..<count { weights[i] = Float(stream.nextGaussian() * std) }
            biases.update(repeating: 0, count: outputs)
        case .he, .glorot:
            let limit = (6.0 / Double(inputs + outputs)).squareRoot()
            for i in 0..<count { weights[i] = Float((2 * stream.nextUnit() - 1) * limit) }
            biases.update(repeating: 0, count: outputs)
        case .torch:
            let bound = 1 / Double(inputs).squareRoot()
            for i in 0..<count { weights[i] = Float((2 * stream.nextUnit() - 1) * bound) }
            for i in 0..<outputs { biases[i] = Float((2 * stream.nextUnit() - 1) * bound) }
        }
    }
}
