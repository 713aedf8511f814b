/// A hidden-layer nonlinearity, applied elementwise, with its derivative written by hand.
///
/// - `relu`: max(0, z).
/// - `leakyRelu`: z for z > 0, else 0.01·z.
/// - `tanh`, `sigmoid`: through `FastMath` (vectorizable, relative error ≈ 10⁻⁷).
/// - `gelu`: the tanh approximation of Hendrycks & Gimpel (2016),
///   0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), as PyTorch's `gelu(approximate="tanh")`.
/// - `identity`: the output layer.
public enum Activation: String, Sendable, CaseIterable, Codable {
    case relu
    case leakyRelu = "leaky_relu"
    case tanh
    case sigmoid
    case gelu
    case identity

    /// The slope of `leakyRelu` for negative inputs.
    public static let leakySlope: Float = 0.01

    /// Whether the layer feeding this activation is initialized with He's scheme (the ReLU
    /// family) rather than Glorot's.
    public var usesHeInitialization: Bool {
        switch self {
        case .relu, .leakyRelu, .gelu: true
        case .tanh, .sigmoid, .identity: false
        }
    }

    /// Whether the derivative needs the pre-activation `z` (otherwise the output alone suffices).
    var derivativeNeedsInput: Bool { self == .gelu }

    /// The activation of a configuration's `activation` word, if it names one.
    public init?(configurationName: String) {
        guard let value = Activation(rawValue: configurationName), value != .identity else { return nil }
        self = value
    }

    /// The function at one point (scalar reference; the kernels below are what training runs).
    public func callAsFunction(_ z: Float) -> Float {
        switch self {
        case .relu: z > 0 ? z : 0
        case .leakyRelu: z > 0 ? z : Activation.leakySlope * z
        case .tanh: FastMath.tanh(z)
        case .sigmoid: FastMath.sigmoid(z)
        case .gelu: Activation.gelu(z)
        case .identity: z
        }
    }

    static let geluScale: Float = 0.797_884_56 // √(2/π)
    static let geluCubic: Float = 0.044_715

    @inline(__always)
    static func gelu(_ z: Float) -> Float {
        let t = FastMath.tanh(geluScale * (z + geluCubic * z * z * z))
        return 0.5 * z * (1 + t)
    }

    @inline(__always)
    static func geluDerivative(_ z: Float) -> Float {
        let z2 = z * z
        let t = FastMath.tanh(geluScale * (z + geluCubic * z2 * z))
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * geluScale * (1 + 3 * geluCubic * z2)
    }
}
