extension JupyterJSON {
    /// Where JSON text is malformed: what is wrong, and the line and column (1-based, in
    /// characters) of the first character that does not fit.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// What was expected or found.
        public var message: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, in characters.
        public var column: Int
    }

    /// Parses JSON text (RFC 8259), as a notebook file holds it.
    /// - Throws: `SyntaxError` at the first character that does not fit.
    public static func parse(_ text: String) throws(SyntaxError) -> JupyterJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value: JupyterJSON
        do throws(Parser.Failure) {
            parser.skipSpace()
            value = try parser.value(depth: 0)
            parser.skipSpace()
            if parser.offset < parser.bytes.count { throw Parser.Failure(message: "unexpected text after the end of the JSON value", offset: parser.offset) }
        } catch {
            let (line, column) = Self.position(of: error.offset, in: parser.bytes)
            throw SyntaxError(message: error.message, line: line, column: column)
        }
        return value
    }

    /// The line and column of byte `offset`.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }

    /// A recursive-descent reader over UTF-8 bytes.
    private struct Parser {
        /// A failure at a byte offset.
        struct Failure: Error {
            var message: String
            var offset: Int
        }

        /// How deep arrays and objects may nest (a notebook nests a few levels; this keeps a
        /// hostile file from exhausting the stack).
        static let maximumDepth = 256

        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        func failure(_ message: String) -> Failure { Failure(message: message, offset: offset) }

        mutating func value(depth: Int) throws(Failure) -> JupyterJSON {
            guard offset < bytes.count else { throw failure("the text ends where a value was expected") }
            guard depth < Self.maximumDepth else { throw failure("arrays and objects nest deeper than \(Self.maximumDepth) levels") }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
            case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure("expected a value (an object, array, string, number, true, false or null)")
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            let expected = Array(word.utf8)
            guard bytes.count - offset >= expected.count, Array(bytes[offset..<(offset + expected.count)]) == expected else {
                throw failure("expected a value (an object, array, string, number, true, false or null)")
            }
            offset += expected.count
        }

        mutating func expect(_ character: Character, _ message: String) throws(Failure) {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == character.asciiValue else { throw failure(message) }
            offset += 1
        }

        mutating func object(depth: Int) throws(Failure) -> JupyterJSON {
            offset += 1
            var members: [String: JupyterJSON] = [:]
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
                let key = try string()
                try expect(":", "expected ':' after the key \"\(key)\"")
                skipSpace()
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard offset < bytes.count else { throw failure("the text ends inside an object: a '}' is missing") }
                if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                guard bytes[offset] == UInt8(ascii: ",") else { throw failure("expected ',' or '}' after the value of \"\(key)\"") }
                offset += 1
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JupyterJSON {
            offset += 1
            var items: [JupyterJSON] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard offset < bytes.count else { throw failure("the text ends inside an array: a ']' is missing") }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
                guard bytes[offset] == UInt8(ascii: ",") else { throw failure("expected ',' or ']' after an array element") }
                offset += 1
            }
        }

        mutating func number() throws(Failure) -> JupyterJSON {
            let start = offset
            func digits() -> Int {
                let first = offset
                while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
                return offset - first
            }
            if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure("expected a digit") }
            var isInteger = true
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                isInteger = false
                guard digits() > 0 else { throw failure("expected a digit after the decimal point") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                isInteger = false
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw failure("expected a digit in the exponent") }
            }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            if isInteger, let integer = Int(text) { return .integer(integer) }
            guard let number = Double(text) else { throw Failure(message: "the number \(text) is out of range", offset: start) }
            return .number(number)
        }

        mutating func string() throws(Failure) -> String {
            offset += 1
            var scalars = String.UnicodeScalarView()
            var run = offset
            func flush(to end: Int) { scalars += String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    flush(to: offset)
                    offset += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw failure("a control character inside a string: write it as an escape (\\n, \\t, \\u00XX)") }
                if byte != UInt8(ascii: "\\") {
                    offset += 1
                    continue
                }
                flush(to: offset)
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default:
                    offset -= 2
                    throw failure("an unknown escape in a string")
                }
                run = offset
            }
            throw failure("the text ends inside a string: a closing '\"' is missing")
        }

        /// The scalar of `\uXXXX` (the `\u` read already), joining a surrogate pair.
        mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
            let high = try hexQuad()
            if (0xD800..<0xDC00).contains(high), bytes.count - offset >= 6,
               bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                offset += 2
                let low = try hexQuad()
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
                throw failure("a \\u escape of half a surrogate pair")
            }
            guard let scalar = Unicode.Scalar(high) else { throw failure("a \\u escape of half a surrogate pair") }
            return scalar
        }

        mutating func hexQuad() throws(Failure) -> UInt32 {
            guard bytes.count - offset >= 4,
                  let value = UInt32(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self), radix: 16) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            offset += 4
            return value
        }
    }
}
