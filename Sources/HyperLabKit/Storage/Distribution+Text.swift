extension Distribution {
    /// Reads a distribution back from its canonical text (`description`), as a stored study
    /// keeps it: `log(0.0001, 0.1)`, `uniform(0, 0.5)`, `int(1, 4)`, `intlog(16, 256)`,
    /// `choice(relu, tanh)`, `choice([64], [64, 32])`, `near(3)`.
    ///
    /// ```swift
    /// let d = try Distribution(parsing: "log(0.0001, 0.1)")
    /// d == (try Distribution.log(1e-4, 1e-1))            // true
    /// try Distribution(parsing: "choice(0, 0.5)", key: "dropout").choices   // [.real(0), .real(0.5)]
    /// ```
    /// Round trip: `Distribution(parsing: d.description, key: k) == d` for every distribution
    /// whose choice values have the kind of configuration key `k`. Choice values are read as
    /// `ParameterValue(parsing:)` reads them, then given the key's kind; for a key outside the
    /// catalog, a choice of numbers that holds any real is read as reals throughout.
    /// - Parameters:
    ///   - text: the canonical text.
    ///   - key: the swept key, whose declared kind types the values of a choice.
    /// - Throws: `StorageError` (`.invalidRecord`) for text that is not a distribution, or one
    ///   that breaks a distribution's invariant (the message says which).
    public init(parsing text: String, key: String? = nil) throws(StorageError) {
        let t = text.storageTrimmed
        guard let open = t.firstIndex(of: "("), t.last == ")" else {
            throw StorageError(.invalidRecord, "\(t) is not a distribution such as log(0.0001, 0.1)")
        }
        let name = String(t[..<open]).storageTrimmed
        let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
        let arguments = try Distribution.splitArguments(inner, in: t)
        func numbers(_ count: Int) throws(StorageError) -> [Double] {
            guard arguments.count == count else {
                throw StorageError(.invalidRecord, "\(t): \(name)() takes \(count) number\(count == 1 ? "" : "s")")
            }
            var result: [Double] = []
            for argument in arguments {
                guard let x = Double(argument) else { throw StorageError(.invalidRecord, "\(t): \(argument) is not a number") }
                result.append(x)
            }
            return result
        }
        func checked(_ make: () throws(SearchSpaceError) -> Distribution) throws(StorageError) -> Distribution {
            do { return try make() } catch {
                throw StorageError(.invalidRecord, "\(t) cannot be read back: \(error.message)", hint: error.hint)
            }
        }
        switch name {
        case "uniform":
            let x = try numbers(2)
            self = try checked { () throws(SearchSpaceError) in try .uniform(x[0], x[1]) }
        case "log":
            let x = try numbers(2)
            self = try checked { () throws(SearchSpaceError) in try .log(x[0], x[1]) }
        case "int":
            let x = try numbers(2)
            self = try checked { () throws(SearchSpaceError) in try .int(x[0], x[1]) }
        case "intlog":
            let x = try numbers(2)
            self = try checked { () throws(SearchSpaceError) in try .intLog(x[0], x[1]) }
        case "near":
            let x = try numbers(1)
            self = try checked { () throws(SearchSpaceError) in try .near(x[0]) }
        case "choice":
            var values: [ParameterValue] = []
            for argument in arguments { values.append(try ParameterValue(parsing: argument)) }
            let typed = Distribution.typed(values, key: key)
            self = try checked { () throws(SearchSpaceError) in try .choice(typed) }
        default:
            throw StorageError(.invalidRecord, "\(t): \(name)() is not a distribution",
                               hint: "the distributions are log, uniform, int, intlog, choice and near")
        }
    }

    /// The comma-separated arguments of a call, splitting only outside brackets.
    private static func splitArguments(_ inner: Substring, in text: String) throws(StorageError) -> [String] {
        var arguments: [String] = []
        var current = ""
        var depth = 0
        for c in inner {
            switch c {
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth < 0 { throw StorageError(.invalidRecord, "\(text) has an unmatched ]") }
            case "," where depth == 0:
                arguments.append(current.storageTrimmed)
                current = ""
                continue
            default: break
            }
            current.append(c)
        }
        guard depth == 0 else { throw StorageError(.invalidRecord, "\(text) has an unclosed [") }
        let last = current.storageTrimmed
        if !last.isEmpty || !arguments.isEmpty { arguments.append(last) }
        return arguments
    }

    /// Choice values in the kind of `key`; outside the catalog, numbers become reals when any is.
    private static func typed(_ values: [ParameterValue], key: String?) -> [ParameterValue] {
        if let key, ParameterCatalog.spec(key) != nil { return values.map { $0.coerced(forKey: key) } }
        let anyReal = values.contains { if case .real = $0 { true } else { false } }
        guard anyReal else { return values }
        return values.map { value in
            if case .integer(let n) = value { return .real(Double(n)) }
            return value
        }
    }
}
