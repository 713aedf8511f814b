import HyperLabKit

/// A checked value: what a `SyntaxNode` became once its kind was known.
public enum BoundValue: Sendable, Equatable {
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case word(String)
    case text(String)
    case parameter(ParameterValue)
    /// A filter `KEY<VALUE` (`where` itself binds to `.word("where")`).
    case comparison(key: String, op: String, value: Double)
    /// Column names: one name, or a list `[a, "b c"]`.
    case names([String])
    /// A swept key's distribution (`log(1e-4, 1e-1)`, a grid axis `[..]`, `choice(..)`, `near(F)`).
    case distribution(Distribution)
}

/// A command checked against its declaration: every argument and option has the right kind
/// and range, so the interpreter reads them without further checks.
public struct BoundCommand: Sendable {
    /// The declaration it matched.
    public let spec: CommandSpec
    /// The command as written.
    public let syntax: SyntaxCommand
    /// Checked positional arguments, in order.
    public let arguments: [BoundValue]
    /// Checked options, in the order written.
    public let options: [(key: String, value: BoundValue)]

    /// The canonical text of the command, as `save session` writes it.
    public var canonicalText: String {
        var parts = [spec.title]
        let skip = spec.subcommand == nil ? 0 : 1
        parts += syntax.arguments.dropFirst(skip).map(\.canonicalText)
        parts += syntax.options.map { "\($0.key)=\($0.value.canonicalText)" }
        return parts.joined(separator: " ")
    }

    /// The column names of a `.columns` option, if given.
    public func names(_ key: String) -> [String]? {
        if case .names(let names)? = option(key) { return names }
        return nil
    }

    /// The option's value, if given.
    ///
    /// A key no command declares is a programming error (a misspelt key in a handler), caught in
    /// debug builds, so by the tests, rather than read as "not given". A key of another command
    /// is allowed: code shared by `sweep` and `resume` asks for `workers=`, which only `sweep` has.
    public func option(_ key: String) -> BoundValue? {
        assert(Self.isDeclared(key, by: spec), "\(spec.title) reads option '\(key)', which no command declares")
        return options.last { $0.key == key }?.value
    }

    /// Whether a handler of `spec` may read option `key`: `spec` or another command declares it.
    static func isDeclared(_ key: String, by spec: CommandSpec) -> Bool {
        spec.option(key) != nil || CommandCatalog.optionKeys.contains(key)
    }

    /// The declared typed default of option `key`, for the accessors that read it.
    private func declaredDefault(_ key: String) -> OptionDefault {
        spec.option(key)?.defaultValue ?? .described("undeclared")
    }

    /// Where option `key` was written (for errors found later, such as a missing dataset column).
    public func span(ofOption key: String) -> SourceSpan? {
        syntax.options.last { $0.key == key }?.value.span
    }

    /// Where positional argument `index` was written.
    public func span(ofArgument index: Int) -> SourceSpan? {
        let skip = spec.subcommand == nil ? 0 : 1
        let i = index + skip
        return i < syntax.arguments.count ? syntax.arguments[i].span : nil
    }

    /// Integer option `key`, or its declared default (`OptionDefault.integer`).
    ///
    /// Reading an option whose default is not a whole number is a programming error: use
    /// `integer(_:default:)` for defaults the command works out.
    public func integer(_ key: String) -> Int {
        if case .integer(let n)? = option(key) { return n }
        guard case .integer(let n) = declaredDefault(key) else {
            preconditionFailure("\(spec.title) reads \(key)= as a whole number, but declares no whole-number default for it")
        }
        return n
    }

    /// Boolean option `key`, or its declared default (`OptionDefault.boolean`).
    public func boolean(_ key: String) -> Bool {
        if case .boolean(let b)? = option(key) { return b }
        guard case .boolean(let b) = declaredDefault(key) else {
            preconditionFailure("\(spec.title) reads \(key)= as yes/no, but declares no yes/no default for it")
        }
        return b
    }

    /// Word option `key` (one of its choices), or its declared default (`OptionDefault.word`).
    public func word(_ key: String) -> String {
        if let word = string(key) { return word }
        guard case .word(let w) = declaredDefault(key) else {
            preconditionFailure("\(spec.title) reads \(key)= as a word, but declares no default word for it")
        }
        return w
    }

    /// Integer option `key`, or `fallback` (a default the command works out, such as a grid's size).
    public func integer(_ key: String, default fallback: Int) -> Int {
        if case .integer(let n)? = option(key) { return n }
        return fallback
    }

    /// Real option `key`, or `fallback`.
    public func real(_ key: String, default fallback: Double) -> Double {
        switch option(key) {
        case .real(let x)?: x
        case .integer(let n)?: Double(n)
        default: fallback
        }
    }

    /// Real option `key`, if given.
    public func real(_ key: String) -> Double? {
        switch option(key) {
        case .real(let x)?: x
        case .integer(let n)?: Double(n)
        default: nil
        }
    }

    /// Boolean option `key`, or `fallback` (a default the command works out).
    public func boolean(_ key: String, default fallback: Bool) -> Bool {
        if case .boolean(let b)? = option(key) { return b }
        return fallback
    }

    /// Word, name or text option `key`, if given.
    public func string(_ key: String) -> String? {
        switch option(key) {
        case .word(let w)?: w
        case .text(let t)?: t
        default: nil
        }
    }

    /// Positional argument `index` as a string (word, name or text), if present.
    public func argumentString(_ index: Int) -> String? {
        guard index < arguments.count else { return nil }
        switch arguments[index] {
        case .word(let w): return w
        case .text(let t): return t
        case .parameter(let p): return p.description
        default: return nil
        }
    }

    /// The swept keys and their distributions, in the order written.
    public var distributionOptions: [(key: String, distribution: Distribution)] {
        options.compactMap { option in
            if case .distribution(let d) = option.value { return (option.key, d) }
            return nil
        }
    }

    /// Options bound to keys of no declared kind (external command placeholders): fixed values.
    public var freeValueOptions: [(key: String, value: ParameterValue)] {
        options.compactMap { option in
            guard spec.sweepsParameters, ParameterCatalog.spec(option.key) == nil,
                  case .parameter(let p) = option.value else { return nil }
            return (option.key, p)
        }
    }

    /// The options that set configuration keys, in the order written.
    public var parameterOptions: [(key: String, value: ParameterValue)] {
        options.compactMap { option in
            if case .parameter(let p) = option.value, ParameterCatalog.spec(option.key) != nil { return (option.key, p) }
            return nil
        }
    }
}
