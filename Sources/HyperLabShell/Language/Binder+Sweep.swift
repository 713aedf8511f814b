import HyperLabKit

/// Sweep values: a fixed value, a list (a grid axis, or a choice for the other samplers), or a
/// distribution `log(a,b)`, `uniform(a,b)`, `int(a,b)`, `intlog(a,b)`, `choice(v,...)`, `near(F)`,
/// each checked against the key's declared kind and range.
extension Binder {
    /// The distribution names, for hints and completion.
    static let distributionNames = ["log", "uniform", "int", "intlog", "choice", "near"]

    /// Binds one sweep option value for configuration key `spec`.
    static func bindSweepValue(_ node: SyntaxNode, for spec: ParameterSpec) throws(InputError) -> BoundValue {
        switch node.value {
        case .call(let name, let args):
            return .distribution(try distribution(name, args, node: node, spec: spec))
        case .list(let items) where isAxis(items, for: spec):
            let values = try items.map { (item: SyntaxNode) throws(InputError) -> ParameterValue in
                try checkedValue(item, for: spec)
            }
            do {
                return .distribution(try Distribution.grid(values))
            } catch {
                throw InputError(error.message, at: node.span, hint: error.hint)
            }
        default:
            return .parameter(try checkedValue(node, for: spec))
        }
    }

    /// Binds a sweep value for a key of no declared kind (an external command's placeholder):
    /// numbers, words, lists and distributions, checked only for their own shape.
    static func bindFreeSweepValue(_ node: SyntaxNode, named key: String) throws(InputError) -> BoundValue {
        func value(_ n: SyntaxNode) throws(InputError) -> ParameterValue {
            switch n.value {
            case .number(let x, let text):
                let integral = !text.contains(".") && !text.lowercased().contains("e") && x == x.rounded() && abs(x) < 9e15
                return integral ? .integer(Int(x)) : .real(x)
            case .word(let w): return .word(w)
            case .string(let s): return .word(s)
            default: throw InputError("\(key.excerpt) takes numbers or words, not \(n.canonicalText.excerpt)", at: n.span)
            }
        }
        return try rangeErrors(at: node.span) {
            switch node.value {
            case .call(let name, let args):
                func numbers() throws(InputError) -> (Double, Double) {
                    guard args.count == 2, case .number(let a, _) = args[0].value, case .number(let b, _) = args[1].value else {
                        throw InputError("\(name.excerpt)() takes two numbers", at: node.span, hint: "write \(key.excerpt)=\(name.excerpt)(a, b)")
                    }
                    return (a, b)
                }
                switch name {
                case "log": let (a, b) = try numbers(); return .distribution(try .log(a, b))
                case "uniform": let (a, b) = try numbers(); return .distribution(try .uniform(a, b))
                case "int": let (a, b) = try numbers(); return .distribution(try .int(a, b))
                case "intlog": let (a, b) = try numbers(); return .distribution(try .intLog(a, b))
                case "choice":
                    var values: [ParameterValue] = []
                    for arg in args { values.append(try value(arg)) }
                    return .distribution(try .choice(values))
                default:
                    let suggestion = ClosestMatch.suggestion(for: name, among: distributionNames.filter { $0 != "near" })
                    throw InputError("no distribution '\(name.excerpt)'", at: node.span,
                                     hint: suggestion.map { "did you mean \($0)?" } ?? "distributions: log(a,b), uniform(a,b), int(a,b), intlog(a,b), choice(...)")
                }
            case .list(let items):
                var values: [ParameterValue] = []
                for item in items { values.append(try value(item)) }
                return .distribution(try .grid(values))
            default:
                return .parameter(try value(node))
            }
        }
    }

    /// A list is a grid axis, except a flat list of numbers for `hidden`, which is one value.
    private static func isAxis(_ items: [SyntaxNode], for spec: ParameterSpec) -> Bool {
        if case .integerList = spec.kind {
            return items.allSatisfy { if case .list = $0.value { true } else { false } }
        }
        return true
    }

    /// One value of a list or choice, checked against the key.
    private static func checkedValue(_ node: SyntaxNode, for spec: ParameterSpec) throws(InputError) -> ParameterValue {
        do {
            return try Configuration.validate(try parameterValue(node, for: spec), for: spec)
        } catch let error as ConfigurationError {
            throw InputError(error.message, at: node.span, hint: error.hint)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(spec.name) cannot take \(node.canonicalText.excerpt)", at: node.span)
        }
    }

    private static func number(_ node: SyntaxNode, in call: String) throws(InputError) -> Double {
        guard case .number(let x, _) = node.value else {
            throw InputError("\(call)() takes numbers, not \(node.canonicalText.excerpt)", at: node.span)
        }
        return x
    }

    /// Runs `body`, turning a bad range (`SearchSpaceError`) or any other error into an
    /// `InputError` at `span`; an `InputError` passes as it is.
    private static func rangeErrors<T>(at span: SourceSpan, _ body: () throws -> T) throws(InputError) -> T {
        do {
            return try body()
        } catch let error as InputError {
            throw error
        } catch let error as SearchSpaceError {
            throw InputError(error.message, at: span, hint: error.hint)
        } catch {
            throw InputError("\(error)", at: span)
        }
    }

    private static func distribution(_ name: String, _ args: [SyntaxNode], node: SyntaxNode,
                                     spec: ParameterSpec) throws(InputError) -> Distribution {
        let key = spec.name
        func arity(_ n: Int, _ usage: String) throws(InputError) {
            guard args.count == n else {
                throw InputError("\(name.excerpt)() takes \(n) value\(n == 1 ? "" : "s"), not \(args.count)", at: node.span,
                                 hint: "write \(key.excerpt)=\(usage)")
            }
        }
        func bound(_ x: Double, _ arg: SyntaxNode) throws(InputError) {
            // A bound past what a whole number holds (int(1, 1e19)) is out of range, as in set.
            if spec.kind.isInteger, !(x.isFinite && abs(x) < 9e15) {
                throw InputError("\(key.excerpt) cannot reach \(arg.canonicalText.excerpt)", at: arg.span, hint: "\(key.excerpt) takes \(spec.kind.expectation)")
            }
            do {
                _ = try Configuration.validate(spec.kind.isInteger ? .integer(Int(x)) : .real(x), for: spec)
            } catch {
                throw InputError("\(key.excerpt) cannot reach \(arg.canonicalText.excerpt)", at: arg.span, hint: error.hint)
            }
        }
        return try rangeErrors(at: node.span) {
            switch name {
            case "log", "uniform":
                try arity(2, "\(name)(a, b)")
                guard case .real = spec.kind else {
                    throw InputError("\(key.excerpt) is not a real number: \(name.excerpt)() does not fit it", at: node.span,
                                     hint: spec.kind.isInteger ? "use int(a, b) or intlog(a, b)" : "use choice(...) or a list [..]")
                }
                let a = try number(args[0], in: name), b = try number(args[1], in: name)
                try bound(a, args[0]); try bound(b, args[1])
                return name == "log" ? try .log(a, b) : try .uniform(a, b)
            case "int", "intlog":
                try arity(2, "\(name)(a, b)")
                guard spec.kind.isInteger else {
                    throw InputError("\(key.excerpt) is not a whole number: \(name.excerpt)() does not fit it", at: node.span,
                                     hint: spec.kind.isLogScale || { if case .real = spec.kind { true } else { false } }()
                                        ? "use log(a, b) or uniform(a, b)" : "use choice(...) or a list [..]")
                }
                let a = try number(args[0], in: name), b = try number(args[1], in: name)
                guard a == a.rounded(), b == b.rounded() else {
                    throw InputError("\(name.excerpt)() needs whole-number bounds", at: node.span, hint: "write \(key.excerpt)=\(name.excerpt)(1, 8)")
                }
                try bound(a, args[0]); try bound(b, args[1])
                return name == "int" ? try .int(a, b) : try .intLog(a, b)
            case "choice":
                guard !args.isEmpty else {
                    throw InputError("choice() needs at least one value", at: node.span, hint: "write \(key.excerpt)=choice(a, b)")
                }
                var values: [ParameterValue] = []
                for arg in args { values.append(try checkedValue(arg, for: spec)) }
                return try .choice(values)
            case "near":
                try arity(1, "near(3)")
                guard spec.kind.isNumeric else {
                    throw InputError("near() needs a numeric key; \(key.excerpt) is a choice", at: node.span, hint: "use choice(...)")
                }
                return try .near(try number(args[0], in: name))
            default:
                let suggestion = ClosestMatch.suggestion(for: name, among: distributionNames)
                throw InputError("no distribution '\(name.excerpt)'", at: node.span,
                                 hint: suggestion.map { "did you mean \($0)?" }
                                    ?? "distributions: log(a,b), uniform(a,b), int(a,b), intlog(a,b), choice(...), near(F)")
            }
        }
    }
}

extension ParameterKind {
    /// Whether values are whole numbers.
    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }

    /// Whether values are numbers (real or whole).
    var isNumeric: Bool {
        switch self {
        case .real, .integer: true
        default: false
        }
    }
}
