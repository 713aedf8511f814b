extension ParameterValue {
    /// Reads a value back from its canonical text (`description`): `0.001`, `1e-05`, `64`,
    /// `relu`, `[64, 32]`.
    ///
    /// ```swift
    /// try ParameterValue(parsing: "1e-05")    // .real(1e-05)
    /// try ParameterValue(parsing: "64")       // .integer(64)
    /// try ParameterValue(parsing: "[64, 32]") // .integers([64, 32])
    /// ```
    /// Text that looks like a whole number reads as an integer, other numbers as reals (a
    /// whole real such as 2.0 is spelled `2`; `coerced(forKey:)` restores the key's kind).
    /// Anything else that is not empty and holds no bracket, parenthesis or comma is a word.
    /// - Throws: `StorageError` (`.invalidRecord`) for empty text, a malformed list or number.
    public init(parsing text: String) throws(StorageError) {
        let t = text.storageTrimmed
        guard let first = t.first else { throw StorageError(.invalidRecord, "an empty value cannot be read back") }
        if first == "[" {
            guard t.last == "]" else { throw StorageError(.invalidRecord, "the list \(t) is not closed") }
            let inner = t.dropFirst().dropLast().storageTrimmed
            if inner.isEmpty {
                self = .integers([])
                return
            }
            var list: [Int] = []
            for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let n = Int(String(item).storageTrimmed) else {
                    throw StorageError(.invalidRecord, "the list \(t) holds \(item.storageTrimmed), not a whole number")
                }
                list.append(n)
            }
            self = .integers(list)
            return
        }
        if first.isNumber || first == "-" || first == "+" || first == "." {
            if let n = Int(t) {
                self = .integer(n)
            } else if let x = Double(t) {
                self = .real(x)
            } else {
                throw StorageError(.invalidRecord, "\(t) is not a number")
            }
            return
        }
        guard !t.contains(where: { "[](),".contains($0) }) else {
            throw StorageError(.invalidRecord, "\(t) is not a value (a number, a word or a list)")
        }
        self = .word(t)
    }

    /// This value in the kind of configuration key `key` (`1` → `.real(1)` for `lr`, `2` →
    /// `.integer(2)` for `epochs`); unchanged for keys outside the catalog and for values of
    /// another kind. Ranges are not checked.
    public func coerced(forKey key: String) -> ParameterValue {
        guard let spec = ParameterCatalog.spec(key) else { return self }
        switch (spec.kind, self) {
        case (.real, .integer(let n)): return .real(Double(n))
        case (.integer, .real(let x)) where x == x.rounded() && abs(x) < 9e15: return .integer(Int(x))
        default: return self
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var storageTrimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
