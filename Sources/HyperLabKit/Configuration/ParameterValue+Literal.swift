extension ParameterValue: ExpressibleByStringLiteral {
    /// A word written as a string literal, so a choice of words reads `.choice(["relu", "tanh"])`.
    public init(stringLiteral value: String) {
        self = .word(value)
    }
}
