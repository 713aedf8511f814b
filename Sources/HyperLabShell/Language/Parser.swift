/// Turns tokens into commands as written (`SyntaxCommand`), keeping every position.
///
/// Grammar:
/// ```
/// script   := command? (separator command?)*
/// command  := WORD item*
/// item     := WORD '=' value          (no spaces around '=')
///           | WORD COMPARISON value   (results where lr<0.01)
///           | value
/// value    := WORD | NUMBER | STRING | '[' (value (',' value)*)? ']' | WORD '(' (value (',' value)*)? ')'
/// ```
///
/// Lists and calls nest at most `maximumDepth` deep: the parser recurses once per level, so a
/// limit keeps hostile input (brackets thousands deep) from overflowing the stack.
public struct Parser {
    /// How deep lists and calls may nest: far more than any value needs (`[[64],[64,32]]` is 2).
    public static let maximumDepth = 64

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    /// A parser over lexed tokens.
    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses input text into commands.
    /// - Throws: the first lexical or syntax error, with its position and a hint.
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> [SyntaxCommand] {
        var parser = Parser(tokens: try Lexer(text, firstLine: firstLine).tokens())
        return try parser.commands()
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }

    private func peek(_ offset: Int = 0) -> Token? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    /// All commands of the input.
    public mutating func commands() throws(InputError) -> [SyntaxCommand] {
        var out: [SyntaxCommand] = []
        while let token = current {
            if token.kind == .separator {
                index += 1
                continue
            }
            out.append(try command())
        }
        return out
    }

    private mutating func command() throws(InputError) -> SyntaxCommand {
        guard let first = current else { throw InputError("expected a command", at: nil) }
        guard case .word(let name) = first.kind else {
            throw InputError("a command starts with its name, not '\(first.text.excerpt)'", at: first.span,
                             hint: "type help to list the commands")
        }
        index += 1
        var arguments: [SyntaxNode] = []
        var options: [SyntaxOption] = []
        var last = first.span
        while let token = current, token.kind != .separator {
            if case .word(let key) = token.kind, let next = peek(1), next.kind == .equals {
                guard !next.spaceBefore else {
                    throw InputError("no spaces around '=' in key=value", at: next.span, hint: "write \(key.excerpt)=VALUE")
                }
                index += 2
                guard let valueToken = current, valueToken.kind != .separator else {
                    throw InputError("\(key.excerpt)= needs a value", at: next.span, hint: "write \(key.excerpt)=VALUE")
                }
                guard !valueToken.spaceBefore else {
                    throw InputError("no spaces around '=' in key=value", at: next.span, hint: "write \(key.excerpt)=VALUE")
                }
                let value = try self.value()
                options.append(SyntaxOption(key: key, keySpan: token.span, value: value))
                last = value.span
            } else if case .word(let key) = token.kind, let next = peek(1), case .comparison(let op) = next.kind {
                index += 2
                let value = try self.value()
                let span = SourceSpan(line: token.span.line, column: token.span.column,
                                      length: value.span.column + value.span.length - token.span.column)
                arguments.append(SyntaxNode(value: .comparison(key: key, op: op, value: value), span: span))
                last = value.span
            } else if token.kind == .equals {
                throw InputError("'=' needs a key before it", at: token.span, hint: "options are written key=value")
            } else {
                let value = try self.value()
                arguments.append(value)
                last = value.span
            }
        }
        let span = SourceSpan(line: first.span.line, column: first.span.column,
                              length: last.line == first.span.line ? last.column + last.length - first.span.column : first.span.length)
        return SyntaxCommand(name: name, nameSpan: first.span, arguments: arguments, options: options, span: span)
    }

    private mutating func value() throws(InputError) -> SyntaxNode {
        guard let token = current, token.kind != .separator else {
            let at = current?.span ?? tokens.last?.span
            throw InputError("expected a value", at: at)
        }
        index += 1
        switch token.kind {
        case .number(let x):
            return SyntaxNode(value: .number(x, text: token.text), span: token.span)
        case .string(let s):
            return SyntaxNode(value: .string(s), span: token.span)
        case .word(let w):
            if let open = current, open.kind == .openParen, !open.spaceBefore {
                index += 1
                try enter(open)
                defer { depth -= 1 }
                let (args, end) = try sequence(closing: .closeParen, opener: open)
                return SyntaxNode(value: .call(w, args), span: Parser.join(token.span, end))
            }
            return SyntaxNode(value: .word(w), span: token.span)
        case .openBracket:
            try enter(token)
            defer { depth -= 1 }
            let (items, end) = try sequence(closing: .closeBracket, opener: token)
            return SyntaxNode(value: .list(items), span: Parser.join(token.span, end))
        default:
            throw InputError("unexpected '\(token.text.excerpt)'", at: token.span, hint: Parser.hint(for: token))
        }
    }

    /// One level deeper, at `opener`; an error there past `maximumDepth`.
    private mutating func enter(_ opener: Token) throws(InputError) {
        guard depth < Parser.maximumDepth else {
            throw InputError("lists and calls nest at most \(Parser.maximumDepth) deep", at: opener.span,
                             hint: "no value needs more than a few levels: hidden=[64,32], grid axes [[64],[64,32]]")
        }
        depth += 1
    }

    private mutating func sequence(closing: Token.Kind, opener: Token) throws(InputError) -> ([SyntaxNode], SourceSpan) {
        var items: [SyntaxNode] = []
        let close = closing == .closeParen ? ")" : "]"
        if let token = current, token.kind == closing {
            index += 1
            return (items, token.span)
        }
        while true {
            guard let token = current, token.kind != .separator else {
                throw InputError("'\(opener.text)' is never closed", at: opener.span, hint: "add '\(close)'")
            }
            _ = token
            items.append(try value())
            guard let next = current else {
                throw InputError("'\(opener.text)' is never closed", at: opener.span, hint: "add '\(close)'")
            }
            if next.kind == closing {
                index += 1
                return (items, next.span)
            }
            guard next.kind == .comma else {
                if next.kind == .separator {
                    throw InputError("'\(opener.text)' is never closed", at: opener.span, hint: "add '\(close)'")
                }
                throw InputError("expected ',' or '\(close)'", at: next.span, hint: "separate the items with commas")
            }
            index += 1
        }
    }

    private static func join(_ a: SourceSpan, _ b: SourceSpan) -> SourceSpan {
        SourceSpan(line: a.line, column: a.column, length: b.line == a.line ? b.column + b.length - a.column : a.length)
    }

    private static func hint(for token: Token) -> String? {
        switch token.kind {
        case .closeBracket, .closeParen: "there is no matching opening bracket"
        case .comma: "commas separate items inside [ ] or ( )"
        case .comparison: "comparisons go after a key, as in results where lr<0.01"
        default: nil
        }
    }
}
