import HyperLabKit

/// A value as written in a command, before it is checked against what the command expects.
public indirect enum SyntaxValue: Sendable, Equatable {
    /// A bare word (`relu`, `yes`, `iris`).
    case word(String)
    /// A number and its source text (`1e-3`).
    case number(Double, text: String)
    /// A quoted string.
    case string(String)
    /// A list `[a, b, ...]`.
    case list([SyntaxNode])
    /// A call `name(a, b, ...)`: a distribution such as `log(1e-4, 1e-1)`.
    case call(String, [SyntaxNode])
    /// A comparison `KEY<VALUE` (in `results where`).
    case comparison(key: String, op: String, value: SyntaxNode)
}

/// A value with where it was written.
public struct SyntaxNode: Sendable, Equatable {
    /// The value.
    public var value: SyntaxValue
    /// Its span in the input.
    public var span: SourceSpan

    /// The canonical text of the value, as `save session` writes it.
    public var canonicalText: String {
        switch value {
        case .word(let w): w
        case .number(let x, let text): Int(text).map(String.init) ?? NumberText.canonical(x)
        case .string(let s): "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .list(let items): "[" + items.map(\.canonicalText).joined(separator: ", ") + "]"
        case .call(let name, let args): name + "(" + args.map(\.canonicalText).joined(separator: ", ") + ")"
        case .comparison(let key, let op, let v): key + op + v.canonicalText
        }
    }
}

/// `key=value` as written.
public struct SyntaxOption: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Where the key is.
    public var keySpan: SourceSpan
    /// The value.
    public var value: SyntaxNode
}

/// One command as written: its words, positional values and options, in order.
public struct SyntaxCommand: Sendable, Equatable {
    /// The leading word (the command name) and where it is.
    public var name: String
    /// Where the name is.
    public var nameSpan: SourceSpan
    /// Positional values after the name, in order (subcommand words included).
    public var arguments: [SyntaxNode]
    /// `key=value` options, in order.
    public var options: [SyntaxOption]
    /// The span of the whole command (for errors about it as a whole).
    public var span: SourceSpan
}

