import HyperLabKit

/// Checks a command as written against the catalogue: finds its declaration, then checks every
/// argument and option for kind and range. Errors point at the offending token with a hint.
public enum Binder {
    /// Binds `command`.
    /// - Throws: `InputError` naming the unknown command or key, or the value that does not fit.
    public static func bind(_ command: SyntaxCommand) throws(InputError) -> BoundCommand {
        let spec = try match(command)
        let skip = spec.subcommand == nil ? 0 : 1
        let written = Array(command.arguments.dropFirst(skip))

        var arguments: [BoundValue] = []
        for (i, node) in written.enumerated() {
            if i >= spec.arguments.count, let last = spec.arguments.last, last.isRepeating {
                arguments.append(try bindValue(node, as: last.kind, named: last.name, isOption: false))
                continue
            }
            guard i < spec.arguments.count else {
                throw InputError("\(spec.title) takes \(spec.arguments.isEmpty ? "no" : "at most \(spec.arguments.count)") argument\(spec.arguments.count == 1 ? "" : "s")",
                                 at: node.span, hint: "usage: \(spec.synopsis)")
            }
            arguments.append(try bindValue(node, as: spec.arguments[i].kind, named: spec.arguments[i].name, isOption: false))
        }
        if let missing = spec.arguments.dropFirst(written.count).first(where: { !$0.isOptional }) {
            let end = command.span
            throw InputError("\(spec.title) needs \(missing.name)",
                             at: SourceSpan(line: end.line, column: end.column + end.length + 1, length: 1),
                             hint: "usage: \(spec.synopsis); for example: \(spec.example)")
        }

        var options: [(key: String, value: BoundValue)] = []
        var keysWritten: [String: String] = [:]   // declared key → the key as written first
        for option in command.options {
            guard let optionSpec = spec.option(option.key) else {
                let keys = spec.optionKeys
                let suggestion = ClosestMatch.suggestion(for: option.key, among: keys)
                let hint = suggestion.map { "did you mean \($0)?" }
                    ?? (keys.isEmpty ? "\(spec.title) takes no options" : "\(spec.title) takes: " + keys.joined(separator: ", "))
                throw InputError("\(spec.title) has no option '\(option.key.excerpt)'", at: option.keySpan, hint: hint)
            }
            if let first = keysWritten[optionSpec.key] {
                throw InputError(first == option.key ? "\(option.key.excerpt)= is given twice"
                                    : "\(option.key.excerpt)= and \(first.excerpt)= set the same thing",
                                 at: option.keySpan, hint: "keep one of them: which should count is not clear")
            }
            keysWritten[optionSpec.key] = option.key
            // Stored under the declared key, so an alias (train_seed) reads as the key it names (seed).
            options.append((optionSpec.key, try bindValue(option.value, as: optionSpec.kind, named: option.key)))
        }
        for required in spec.options where required.isRequired {
            guard options.contains(where: { $0.key == required.key }) else {
                let end = command.span
                throw InputError("\(spec.title) needs \(required.key)=",
                                 at: SourceSpan(line: end.line, column: end.column + end.length + 1, length: 1),
                                 hint: "usage: \(spec.synopsis)")
            }
        }
        return BoundCommand(spec: spec, syntax: command, arguments: arguments, options: options)
    }

    private static func match(_ command: SyntaxCommand) throws(InputError) -> CommandSpec {
        let candidates = CommandCatalog.specs(named: command.name)
        guard !candidates.isEmpty else {
            let suggestion = ClosestMatch.suggestion(for: command.name, among: CommandCatalog.names)
            throw InputError("unknown command '\(command.name.excerpt)'", at: command.nameSpan,
                             hint: suggestion.map { "did you mean \($0)?" } ?? "type help to list the commands")
        }
        let subcommands = candidates.compactMap(\.subcommand)
        if let first = command.arguments.first, case .word(let word) = first.value,
           let spec = candidates.first(where: { $0.subcommand == word }) {
            return spec
        }
        if let plain = candidates.first(where: { $0.subcommand == nil }) { return plain }
        let listed = subcommands.joined(separator: ", ")
        if let first = command.arguments.first {
            let word: String = if case .word(let w) = first.value { w } else { first.canonicalText }
            let suggestion = ClosestMatch.suggestion(for: word, among: subcommands)
            throw InputError("\(command.name.excerpt) has no '\(word.excerpt)'", at: first.span,
                             hint: suggestion.map { "did you mean \(command.name.excerpt) \($0)?" } ?? "\(command.name.excerpt) takes one of: \(listed)")
        }
        let end = command.nameSpan
        throw InputError("\(command.name.excerpt) needs one of: \(listed)",
                         at: SourceSpan(line: end.line, column: end.column + end.length + 1, length: 1),
                         hint: "for example: \(candidates[0].example)")
    }

    /// Checks one value against a kind; `isOption` when `name` is an option's key (its hint then
    /// shows `KEY=VALUE`), false for a positional argument's placeholder.
    static func bindValue(_ node: SyntaxNode, as kind: ValueKind, named name: String,
                          isOption: Bool = true) throws(InputError) -> BoundValue {
        let example = kind.example.map { isOption ? "\(name.excerpt)=\($0)" : $0 }
        let wrong = InputError("\(name.excerpt) takes \(kind.expectation), not \(node.canonicalText.excerpt)", at: node.span,
                               hint: example.map { "for example \($0)" })
        switch kind {
        case .integer(let range):
            guard case .number(let x, let text) = node.value else { throw wrong }
            guard let whole = Binder.wholeNumber(x, text: text) else {
                throw InputError(Binder.isDigits(text) ? "\(name.excerpt)=\(text.excerpt) is out of range"
                                                       : "\(name.excerpt) must be a whole number, not \(node.canonicalText.excerpt)", at: node.span,
                                 hint: "\(name.excerpt) takes \(kind.expectation)")
            }
            guard range.contains(whole) else {
                throw InputError("\(name.excerpt)=\(node.canonicalText.excerpt) is out of range", at: node.span,
                                 hint: "\(name.excerpt) takes \(kind.expectation)")
            }
            return .integer(whole)
        case .integerOrAuto(let range):
            if case .word("auto") = node.value { return .word("auto") }
            guard case .number = node.value else {
                throw InputError(wrong.message, at: node.span, hint: "write \(name.excerpt)=8, or \(name.excerpt)=auto")
            }
            return try bindValue(node, as: .integer(range), named: name, isOption: isOption)
        case .real(let range):
            guard case .number(let x, _) = node.value else { throw wrong }
            guard range.contains(x) else {
                throw InputError("\(name.excerpt)=\(node.canonicalText.excerpt) is out of range", at: node.span,
                                 hint: "\(name.excerpt) takes \(kind.expectation)")
            }
            return .real(x)
        case .number(let parameterKind):
            guard case .number(let x, _) = node.value else { throw wrong }
            if case .integer = parameterKind, x == x.rounded(), abs(x) < 9e15 { return .integer(Int(x)) }
            return .real(x)
        case .boolean:
            guard case .word(let w) = node.value, let b = Binder.boolean(w) else {
                throw InputError("\(name.excerpt) takes yes or no, not \(node.canonicalText.excerpt)", at: node.span,
                                 hint: "write \(name.excerpt)=yes or \(name.excerpt)=no")
            }
            return .boolean(b)
        case .choice(let words):
            guard case .word(let w) = node.value else { throw wrong }
            guard words.contains(w) else {
                let suggestion = ClosestMatch.suggestion(for: w, among: words)
                throw InputError("\(name.excerpt) has no choice '\(w.excerpt)'", at: node.span,
                                 hint: suggestion.map { "did you mean \($0)?" } ?? "\(name.excerpt) takes \(kind.expectation)")
            }
            return .word(w)
        case .text:
            guard case .string(let s) = node.value else {
                throw InputError("\(name.excerpt) is a string in double quotes", at: node.span,
                                 hint: "write \"\(node.canonicalText.excerpt)\"")
            }
            return .text(s)
        case .studyName:
            return try Binder.studyName(node, wrong: wrong)
        case .name, .study:
            switch node.value {
            case .word(let w): return .word(w)
            case .string(let s): return .text(s)
            case .number(_, let text): return .word(text)
            default: throw wrong
            }
        case .anyWord:
            guard case .word(let w) = node.value else { throw wrong }
            return .word(w)
        case .columns:
            func columnName(_ item: SyntaxNode) throws(InputError) -> String {
                switch item.value {
                case .word(let w): return w
                case .string(let s): return s
                case .number(_, let text): return text
                default:
                    throw InputError("\(name.excerpt) takes column names, not \(item.canonicalText.excerpt)", at: item.span,
                                     hint: "write \(name.excerpt)=[a, b], quoting names with spaces: \(name.excerpt)=[\"home town\"]")
                }
            }
            if case .list(let items) = node.value {
                var names = [String]()
                for item in items { names.append(try columnName(item)) }
                return .names(names)
            }
            return .names([try columnName(node)])
        case .reference:
            switch node.value {
            case .word(let w) where ["current", "run", "trial"].contains(w): return .word(w)
            case .number(let x, _) where x == x.rounded() && x >= 0 && x < 9e15: return .integer(Int(x))
            default:
                throw InputError("\(node.canonicalText.excerpt) names no configuration", at: node.span,
                                 hint: "compare takes current, run N, trial N or a trial number: compare 3 current")
            }
        case .filter:
            switch node.value {
            case .word("where"): return .word("where")
            case .comparison(let key, let op, let value):
                guard case .number(let x, _) = value.value else {
                    throw InputError("\(key.excerpt)\(op) needs a number, not \(value.canonicalText.excerpt)", at: value.span,
                                     hint: "compare with a number, e.g. \(key.excerpt)<0.01")
                }
                return .comparison(key: key, op: op, value: x)
            default:
                throw InputError("expected where KEY<VALUE, not \(node.canonicalText.excerpt)", at: node.span,
                                 hint: "for example: results where lr<0.01 dev_acc>=0.9")
            }
        case .dataset:
            switch node.value {
            case .string(let path): return .text(path)
            case .word(let w):
                guard BuiltinDatasets.names.contains(w) else {
                    let suggestion = ClosestMatch.suggestion(for: w, among: BuiltinDatasets.names)
                    throw InputError("no built-in dataset '\(w.excerpt)'", at: node.span,
                                     hint: suggestion.map { "did you mean \($0)?" }
                                        ?? "type datasets to list them; a CSV file goes in quotes: load \"\(w.excerpt).csv\" target=COLUMN")
                }
                return .word(w)
            default: throw wrong
            }
        case .sweep(let key):
            guard let spec = ParameterCatalog.spec(key) else { throw wrong }
            return try bindSweepValue(node, for: spec)
        case .freeSweep:
            return try bindFreeSweepValue(node, named: name)
        case .objectives(let words):
            if case .list(let items) = node.value { return try Binder.objectiveList(items, of: node, among: words, named: name) }
            return try bindValue(node, as: .suggested(words), named: name, isOption: isOption)
        case .suggested:
            switch node.value {
            case .word(let w): return .word(w)
            case .string(let s): return .text(s)
            default: throw wrong
            }
        case .parameter(let key):
            guard let spec = ParameterCatalog.spec(key) else { throw wrong }
            let raw = try parameterValue(node, for: spec)
            do {
                return .parameter(try Configuration.validate(raw, for: spec))
            } catch {
                throw InputError(error.message, at: node.span, hint: error.hint)
            }
        }
    }

    /// The value as written, read as a hyperparameter value of `spec`'s kind (unchecked range).
    static func parameterValue(_ node: SyntaxNode, for spec: ParameterSpec) throws(InputError) -> ParameterValue {
        let wrong = InputError("\(spec.name) takes \(spec.kind.expectation), not \(node.canonicalText.excerpt)", at: node.span)
        switch node.value {
        case .number(let x, let text):
            if case .integer = spec.kind, Binder.isDigits(text), Int(text) == nil {
                throw InputError("\(spec.name)=\(text.excerpt) is out of range", at: node.span,
                                 hint: "\(spec.name) takes \(spec.kind.expectation), at most \(Int.max)")
            }
            if case .integer = spec.kind, let whole = Binder.wholeNumber(x, text: text) { return .integer(whole) }
            if case .integerList = spec.kind, let whole = Binder.wholeNumber(x, text: text) { return .integer(whole) }
            return .real(x)
        case .word(let w):
            return .word(w)
        case .list(let items):
            var list: [Int] = []
            for item in items {
                guard case .number(let x, _) = item.value, x == x.rounded(), abs(x) < 9e15 else {
                    throw InputError("\(spec.name) takes whole numbers, not \(item.canonicalText.excerpt)", at: item.span,
                                     hint: "\(spec.name) takes \(spec.kind.expectation)")
                }
                list.append(Int(x))
            }
            return .integers(list)
        default:
            throw wrong
        }
    }

    /// Whether a numeric token is written as plain digits (with an optional minus sign).
    static func isDigits(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// The whole number a numeric token stands for: its digits read exactly when they fit an Int
    /// (so 9223372036854775807, Int.max, is itself and not the Double nearest to it), else the
    /// value when it is whole and exactly representable; nil otherwise.
    static func wholeNumber(_ x: Double, text: String) -> Int? {
        if let exact = Int(text) { return exact }
        return x == x.rounded() && abs(x) < 9e15 ? Int(x) : nil
    }

    /// yes/no, true/false, on/off.
    static func boolean(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "yes", "true", "on": true
        case "no", "false", "off": false
        default: nil
        }
    }
}
