/// Why a training run could not start. (Divergence and interruption are outcomes of a run,
/// not errors.)
public enum TrainingError: Error, Sendable, Equatable {
    /// The model's shape is impossible.
    case invalidArchitecture(String)
    /// A configuration word the engine does not know.
    case unknownSetting(key: String, value: String, choices: [String])
    /// A partition is unusable (empty, wrong width, wrong task, labels out of range).
    case invalidData(String)
    /// A value the configuration refuses (a training seed out of range), with the configuration's message.
    case invalidSetting(String)

    /// The one-line message.
    public var message: String {
        switch self {
        case .invalidArchitecture(let why): "invalid model: \(why)"
        case .unknownSetting(let key, let value, _): "\(key) '\(value)' is not supported by the learning engine"
        case .invalidData(let why): "cannot train: \(why)"
        case .invalidSetting(let message): message
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .invalidArchitecture: "check `show config`: hidden=[..] units must be ≥ 1 and dropout below 1"
        case .unknownSetting(let key, _, let choices): "\(key) takes one of \(choices.joined(separator: ", "))"
        case .invalidData: "load a dataset and `split` it so that train and dev have rows and the same columns"
        case .invalidSetting: "check `show config`: seeds are whole numbers from 0"
        }
    }
}
