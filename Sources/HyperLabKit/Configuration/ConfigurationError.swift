/// Why a configuration value was refused. The shell adds the position and caret.
public enum ConfigurationError: Error, Sendable, Equatable {
    /// No such key; `suggestion` is the closest valid key.
    case unknownKey(String, suggestion: String?)
    /// The value has the wrong kind for the key.
    case wrongKind(key: String, value: String, expected: String)
    /// The value is outside the key's range.
    case outOfRange(key: String, value: String, expected: String)
    /// The word is not one of the key's choices.
    case unknownChoice(key: String, value: String, choices: [String], suggestion: String?)

    /// The one-line message.
    public var message: String {
        switch self {
        case .unknownKey(let key, _): "unknown key '\(key.excerpt)'"
        case .wrongKind(let key, let value, _): "\(key.excerpt) cannot be \(value.excerpt)"
        case .outOfRange(let key, let value, _): "\(key.excerpt)=\(value.excerpt) is out of range"
        case .unknownChoice(let key, let value, let choices, _):
            "\(key.excerpt) has no choice '\(value.excerpt)' (choices: \(choices.joined(separator: ", ")))"
        }
    }

    /// The hint, when there is a likely correction.
    public var hint: String? {
        switch self {
        case .unknownKey(_, let s?), .unknownChoice(_, _, _, let s?): "did you mean \(s)?"
        case .wrongKind(let key, _, let expected), .outOfRange(let key, _, let expected): "\(key.excerpt) takes \(expected)"
        default: nil
        }
    }
}
