/// The shape of a network: inputs, hidden layers, activation, dropout and outputs.
///
/// `model linear` is an architecture without hidden layers (softmax regression, or least
/// squares for regression); `model mlp` has one dense layer per entry of `hidden`.
///
/// ```swift
/// let arch = try Architecture(configuration: config, inputs: 64, task: .classification, classes: 10)
/// arch.layerSizes   // [64, 64, 10] for hidden=[64]
/// ```
public struct Architecture: Sendable, Hashable, Codable {
    /// Number of input features.
    public let inputs: Int
    /// Units of each hidden layer (empty for a linear model).
    public let hidden: [Int]
    /// Activation of every hidden layer.
    public let activation: Activation
    /// Probability of dropping a hidden unit while training (inverted dropout; 0: off).
    public let dropout: Float
    /// Number of outputs: the classes for classification, 1 for regression.
    public let outputs: Int
    /// Classification or regression (picks the loss and the metrics).
    public let task: LearningTask

    /// An architecture from its parts.
    /// - Throws: `TrainingError.invalidArchitecture` for non-positive sizes or a dropout outside [0, 1).
    public init(inputs: Int, hidden: [Int], activation: Activation, dropout: Double,
                outputs: Int, task: LearningTask) throws(TrainingError) {
        guard inputs > 0 else { throw .invalidArchitecture("the data has no feature columns") }
        guard outputs > 0 else { throw .invalidArchitecture("the model needs at least one output") }
        guard hidden.allSatisfy({ $0 > 0 }) else { throw .invalidArchitecture("hidden layers need at least one unit") }
        guard dropout >= 0, dropout < 1 else { throw .invalidArchitecture("dropout must be in [0, 1), got \(dropout)") }
        self.inputs = inputs
        self.hidden = hidden
        self.activation = activation
        self.dropout = hidden.isEmpty ? 0 : Float(dropout)
        self.outputs = outputs
        self.task = task
    }

    /// The architecture a configuration asks for on data of this shape.
    /// - Parameters:
    ///   - classes: the number of classes (ignored for regression, which has one output).
    /// - Throws: `TrainingError` for an unknown model or activation name, or invalid sizes.
    public init(configuration: Configuration, inputs: Int, task: LearningTask, classes: Int) throws(TrainingError) {
        let hidden: [Int]
        switch configuration.model {
        case "linear": hidden = []
        case "mlp": hidden = configuration.hidden
        default: throw .unknownSetting(key: "model", value: configuration.model, choices: ParameterCatalog.models)
        }
        guard let activation = Activation(configurationName: configuration.activation) else {
            throw .unknownSetting(key: "activation", value: configuration.activation, choices: ParameterCatalog.activations)
        }
        try self.init(inputs: inputs, hidden: hidden, activation: activation, dropout: configuration.dropout,
                      outputs: task == .classification ? classes : 1, task: task)
    }

    /// Widths from input to output: `[inputs] + hidden + [outputs]`.
    public var layerSizes: [Int] { [inputs] + hidden + [outputs] }

    /// Number of trainable parameters (weights and biases).
    public var parameterCount: Int {
        let sizes = layerSizes
        return (1..<sizes.count).reduce(0) { $0 + sizes[$1 - 1] * sizes[$1] + sizes[$1] }
    }
}
