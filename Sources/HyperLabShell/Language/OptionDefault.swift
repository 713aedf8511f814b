/// What an option is when a command leaves it out: required, a value the handler reads from the
/// declaration (so it is written once), or a description of what the command works out itself.
public enum OptionDefault: Sendable, Equatable {
    /// The command cannot run without it (`sweep random n=`).
    case required
    /// A whole number, read by `BoundCommand.integer(_:)`.
    case integer(Int)
    /// yes or no, read by `BoundCommand.boolean(_:)`.
    case boolean(Bool)
    /// A fixed word of the option's choices (`prune=none`).
    case word(String)
    /// What the command works out when the option is left out ("the number of cores").
    case described(String)

    /// The default as `help` shows it.
    public var text: String {
        switch self {
        case .required: "required"
        case .integer(let n): "\(n)"
        case .boolean(let b): b ? "yes" : "no"
        case .word(let w): w
        case .described(let text): text
        }
    }
}
