/// Where a configuration value came from, for `show config`.
public enum ValueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The built-in default.
    case byDefault
    /// Set by a command (`set`, `model`, `optimizer`, `schedule`, ...), named here.
    case command(String)
    /// Copied from a sweep trial by `use best` or `use trial N`.
    case trial(Int)

    /// "default", "set", "use trial 7".
    public var description: String {
        switch self {
        case .byDefault: "default"
        case .command(let name): name
        case .trial(let n): "use trial \(n)"
        }
    }
}

/// The current hyperparameters: a value for every key of `ParameterCatalog`, each with its origin.
///
/// ```swift
/// var config = Configuration()
/// try config.set("lr", .real(0.01), origin: .command("set"))
/// config.learningRate   // 0.01
/// ```
/// Invariant: every stored value is valid for its key (`set` validates).
public struct Configuration: Sendable, Hashable {
    private var values: [String: ParameterValue]
    private var origins: [String: ValueOrigin]

    /// The default configuration.
    public init() {
        values = [:]
        origins = [:]
        for spec in ParameterCatalog.all where !spec.isShorthand {
            values[spec.name] = spec.defaultValue
            origins[spec.name] = .byDefault
        }
    }

    /// The value of `key` (shorthands are derived from `hidden`).
    public func value(_ key: String) -> ParameterValue? {
        switch key {
        case "layers": .integer(hidden.count)
        case "units": .integer(hidden.max() ?? 0)
        default: values[key]
        }
    }

    /// Where the value of `key` came from.
    public func origin(_ key: String) -> ValueOrigin {
        switch key {
        case "layers", "units": origins["hidden"] ?? .byDefault
        default: origins[key] ?? .byDefault
        }
    }

    /// Whether `key` is used by the current configuration (momentum only for momentum optimizers, ...).
    public func isActive(_ key: String) -> Bool {
        guard let spec = ParameterCatalog.spec(key) else { return false }
        guard let rule = spec.activeWhen else { return true }
        guard let current = values[rule.key], case .word(let word) = current else { return false }
        return rule.values.contains(word)
    }

    /// Sets `key` after checking it against its declaration.
    /// - Throws: `ConfigurationError` for an unknown key, a wrong kind or a value out of range.
    public mutating func set(_ key: String, _ value: ParameterValue, origin: ValueOrigin) throws(ConfigurationError) {
        guard let spec = ParameterCatalog.spec(key) else {
            throw .unknownKey(key, suggestion: ClosestMatch.suggestion(for: key, among: ParameterCatalog.names))
        }
        let checked = try Configuration.validate(value, for: spec)
        switch key {
        case "layers":
            guard case .integer(let n) = checked else { return }
            values["hidden"] = .integers(Array(repeating: hidden.max() ?? 64, count: n))
            origins["hidden"] = origin
        case "units":
            guard case .integer(let u) = checked else { return }
            values["hidden"] = .integers(Array(repeating: u, count: max(hidden.count, 1)))
            origins["hidden"] = origin
        default:
            values[key] = checked
            origins[key] = origin
        }
    }

    /// Returns `value` converted to the kind of `spec` (an integer for a real key becomes real).
    /// - Throws: `ConfigurationError` when it does not fit.
    public static func validate(_ value: ParameterValue, for spec: ParameterSpec) throws(ConfigurationError) -> ParameterValue {
        let key = spec.name
        switch spec.kind {
        case let .real(lo, hi, loOpen, hiOpen, _):
            guard let x = value.asReal else { throw .wrongKind(key: key, value: value.description, expected: spec.kind.expectation) }
            let aboveLower = loOpen ? x > lo : x >= lo
            let belowUpper = hiOpen ? x < hi : x <= hi
            guard x.isFinite, aboveLower, belowUpper else {
                throw .outOfRange(key: key, value: value.description, expected: spec.kind.expectation)
            }
            return .real(x)
        case .integer(let range):
            let n: Int
            switch value {
            case .integer(let i): n = i
            case .real(let x) where x == x.rounded() && abs(x) < 9e15: n = Int(x)
            default: throw .wrongKind(key: key, value: value.description, expected: spec.kind.expectation)
            }
            guard range.contains(n) else {
                throw .outOfRange(key: key, value: value.description, expected: spec.kind.expectation)
            }
            return .integer(n)
        case .choice(let words):
            guard case .word(let w) = value else { throw .wrongKind(key: key, value: value.description, expected: spec.kind.expectation) }
            guard words.contains(w) else {
                throw .unknownChoice(key: key, value: w, choices: words,
                                     suggestion: ClosestMatch.suggestion(for: w, among: words))
            }
            return value
        case let .integerList(counts, elements):
            let list: [Int]
            switch value {
            case .integers(let l): list = l
            case .integer(let i): list = [i]
            default: throw .wrongKind(key: key, value: value.description, expected: spec.kind.expectation)
            }
            guard counts.contains(list.count), list.allSatisfy(elements.contains) else {
                throw .outOfRange(key: key, value: ParameterValue.integers(list).description, expected: spec.kind.expectation)
            }
            return .integers(list)
        }
    }

    // MARK: Typed views used by the learning engine

    private func real(_ key: String) -> Double { values[key]?.asReal ?? 0 }
    private func integer(_ key: String) -> Int {
        if case .integer(let n)? = values[key] { return n }
        return 0
    }
    private func word(_ key: String) -> String {
        if case .word(let w)? = values[key] { return w }
        return ""
    }

    /// `linear` or `mlp`.
    public var model: String { word("model") }
    /// Units of each hidden layer.
    public var hidden: [Int] {
        if case .integers(let l)? = values["hidden"] { return l }
        return []
    }
    /// Hidden activation name.
    public var activation: String { word("activation") }
    /// How weights are drawn before training (`he`, `glorot` or `torch`; see `WeightInitialization`).
    public var initialization: String { word("init") }
    /// Dropout probability.
    public var dropout: Double { real("dropout") }
    /// Optimizer name.
    public var optimizer: String { word("optimizer") }
    /// Base learning rate.
    public var learningRate: Double { real("lr") }
    /// Momentum coefficient (momentum, nesterov).
    public var momentum: Double { real("momentum") }
    /// Adam's beta1.
    public var beta1: Double { real("beta1") }
    /// Adam's beta2.
    public var beta2: Double { real("beta2") }
    /// RMSprop's smoothing constant.
    public var alpha: Double { real("alpha") }
    /// Denominator epsilon.
    public var eps: Double { real("eps") }
    /// L2 penalty (decoupled for adamw).
    public var weightDecay: Double { real("weight_decay") }
    /// Schedule name.
    public var schedule: String { word("schedule") }
    /// Warm-up epochs.
    public var warmup: Int { integer("warmup") }
    /// Epochs between step decays.
    public var step: Int { integer("step") }
    /// Decay factor of step and exponential schedules.
    public var gamma: Double { real("gamma") }
    /// Training epochs.
    public var epochs: Int { integer("epochs") }
    /// Mini-batch size.
    public var batch: Int { integer("batch") }
    /// Seed of the run.
    public var seed: Int { integer("seed") }
    /// Early-stopping patience (0: off).
    public var patience: Int { integer("patience") }
}
