/// Every key of the training configuration, declared once.
///
/// `set`, `show config`, the command catalogue's options, validation, tab completion and
/// the sweeps' search spaces all read this table.
public enum ParameterCatalog {
    /// Model kinds.
    public static let models = ["linear", "mlp"]
    /// Weight-initialization schemes (`WeightInitialization`).
    public static let initializations = WeightInitialization.allCases.map(\.rawValue)
    /// Hidden-layer activations.
    public static let activations = ["relu", "tanh", "sigmoid", "gelu", "leaky_relu"]
    /// Optimizers (PyTorch's definitions).
    public static let optimizers = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop"]
    /// Learning-rate schedules, applied per epoch.
    public static let schedules = ["constant", "step", "exponential", "cosine"]

    private static func real(_ lo: Double, _ hi: Double, lowerOpen: Bool = false, upperOpen: Bool = false,
                             log: Bool = false) -> ParameterKind {
        .real(lower: lo, upper: hi, lowerOpen: lowerOpen, upperOpen: upperOpen, logScale: log)
    }

    /// All keys, in the order `show config` lists them.
    public static let all: [ParameterSpec] = [
        ParameterSpec("model", .choice(models), .word("mlp"), .model,
                      "model family: linear (softmax or least squares) or mlp"),
        ParameterSpec("hidden", .integerList(counts: 1...8, elements: 1...4096), .integers([64]), .model,
                      "units of each hidden layer", activeWhen: ("model", ["mlp"])),
        ParameterSpec("layers", .integer(1...8), .integer(1), .model,
                      "shorthand: number of hidden layers of `units` units", activeWhen: ("model", ["mlp"]), shorthand: true),
        ParameterSpec("units", .integer(1...4096), .integer(64), .model,
                      "shorthand: units in every hidden layer", activeWhen: ("model", ["mlp"]), shorthand: true),
        ParameterSpec("activation", .choice(activations), .word("relu"), .model,
                      "hidden-layer activation", activeWhen: ("model", ["mlp"])),
        ParameterSpec("dropout", real(0, 0.95), .real(0), .model,
                      "probability of dropping a hidden unit while training", activeWhen: ("model", ["mlp"])),
        ParameterSpec("init", .choice(initializations), .word("he"), .model,
                      "weight initialization: he (ReLU layers; Glorot elsewhere), glorot, or torch (nn.Linear's)"),
        ParameterSpec("optimizer", .choice(optimizers), .word("adam"), .optimizer,
                      "update rule"),
        ParameterSpec("lr", real(0, 10, lowerOpen: true, log: true), .real(1e-3), .optimizer,
                      "learning rate"),
        ParameterSpec("momentum", real(0, 1, upperOpen: true), .real(0.9), .optimizer,
                      "momentum coefficient", activeWhen: ("optimizer", ["momentum", "nesterov"])),
        ParameterSpec("beta1", real(0, 1, upperOpen: true), .real(0.9), .optimizer,
                      "decay of the first-moment average", activeWhen: ("optimizer", ["adam", "adamw"])),
        ParameterSpec("beta2", real(0, 1, upperOpen: true), .real(0.999), .optimizer,
                      "decay of the second-moment average", activeWhen: ("optimizer", ["adam", "adamw"])),
        ParameterSpec("alpha", real(0, 1, upperOpen: true), .real(0.99), .optimizer,
                      "smoothing of the squared-gradient average", activeWhen: ("optimizer", ["rmsprop"])),
        ParameterSpec("eps", real(0, 1, lowerOpen: true, log: true), .real(1e-8), .optimizer,
                      "term added to the denominator", activeWhen: ("optimizer", ["adam", "adamw", "rmsprop"])),
        ParameterSpec("weight_decay", real(0, 1), .real(0), .optimizer,
                      "L2 penalty (decoupled for adamw)"),
        ParameterSpec("schedule", .choice(schedules), .word("constant"), .schedule,
                      "learning-rate schedule, per epoch"),
        ParameterSpec("warmup", .integer(0...100_000), .integer(0), .schedule,
                      "epochs of linear warm-up"),
        ParameterSpec("step", .integer(1...100_000), .integer(10), .schedule,
                      "epochs between decays", activeWhen: ("schedule", ["step"])),
        ParameterSpec("gamma", real(0, 1, lowerOpen: true), .real(0.5), .schedule,
                      "decay factor", activeWhen: ("schedule", ["step", "exponential"])),
        ParameterSpec("epochs", .integer(1...100_000), .integer(200), .training,
                      "passes over the training data"),
        ParameterSpec("batch", .integer(1...65_536), .integer(32), .training,
                      "mini-batch size"),
        ParameterSpec("seed", .integer(0...Int.max), .integer(0), .training,
                      "seed of initialization, shuffling and dropout (train_seed is the same key)"),
        ParameterSpec("patience", .integer(0...100_000), .integer(0), .training,
                      "stop after this many epochs without dev improvement (0: never)"),
    ]

    /// Other spellings of keys, and the key each stands for: `train_seed` names the training seed
    /// apart from a sweep's `seed=` (the sampler's), and `seed` keeps working wherever it did.
    public static let aliases: [String: String] = ["train_seed": "seed"]

    /// The key `name` stands for: itself, or the key an alias names.
    public static func canonicalName(_ name: String) -> String { aliases[name] ?? name }

    /// All key names.
    public static let names: [String] = all.map(\.name)

    private static let byName: [String: ParameterSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The declaration of `name`, if it is a key.
    public static func spec(_ name: String) -> ParameterSpec? { byName[name] }
}
