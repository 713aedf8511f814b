/// One token of the command language, with its place in the input.
public struct Token: Sendable, Equatable {
    /// The kinds of token.
    public enum Kind: Sendable, Equatable {
        /// A bare word: `load`, `weight_decay`, `breast-cancer`, `yes`.
        case word(String)
        /// A number, with the value it denotes.
        case number(Double)
        /// A double-quoted string, escapes resolved.
        case string(String)
        /// `=`
        case equals
        /// `[`
        case openBracket
        /// `]`
        case closeBracket
        /// `(`
        case openParen
        /// `)`
        case closeParen
        /// `,`
        case comma
        /// A comparison in `results where`: `<`, `<=`, `>`, `>=`.
        case comparison(String)
        /// The end of one command: `;` or a line break.
        case separator
    }

    /// What the token is.
    public var kind: Kind
    /// The exact source text.
    public var text: String
    /// Where it is.
    public var span: SourceSpan
    /// Whether white space (or the start of the line) comes right before it.
    public var spaceBefore: Bool
}
