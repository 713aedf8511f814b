/// Turns input text into tokens with positions.
///
/// Lexical rules (LANGUAGE.md): one command per line, `;` separates commands, a line ending in
/// `\` continues on the next, `#` starts a comment outside strings. Words start with a letter
/// or `_` and may hold letters, digits, `_`, `-`, `.` and `/`; numbers are decimal with an
/// optional sign, fraction and exponent; strings are double-quoted with `\"`, `\\`, `\n` escapes.
public struct Lexer {
    private let lines: [[Character]]
    private let firstLine: Int

    /// A lexer over `text`, whose first line is line `firstLine` of its source.
    public init(_ text: String, firstLine: Int = 1) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.hasSuffix("\r") ? line.dropLast() : line[...])
        }
        self.firstLine = firstLine
    }

    /// All tokens, each command ended by a `.separator` token.
    /// - Throws: `InputError` for an unterminated string or a character that starts no token.
    public func tokens() throws(InputError) -> [Token] {
        var out: [Token] = []
        for (index, chars) in lines.enumerated() {
            let lineNumber = firstLine + index
            var i = 0
            var space = true
            var lineContinues = false
            func span(_ start: Int, _ end: Int) -> SourceSpan {
                SourceSpan(line: lineNumber, column: start + 1, length: end - start)
            }
            while i < chars.count {
                let c = chars[i]
                if c == " " || c == "\t" {
                    i += 1
                    space = true
                    continue
                }
                if c == "#" { break }
                if c == "\\" {
                    let rest = chars[(i + 1)...]
                    if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                        lineContinues = true
                        break
                    }
                    throw InputError("unexpected '\\'", at: span(i, i + 1),
                                     hint: "a backslash continues a command only at the end of a line")
                }
                let start = i
                let kind: Token.Kind
                switch c {
                case "=": kind = .equals; i += 1
                case "[": kind = .openBracket; i += 1
                case "]": kind = .closeBracket; i += 1
                case "(": kind = .openParen; i += 1
                case ")": kind = .closeParen; i += 1
                case ",": kind = .comma; i += 1
                case ";": kind = .separator; i += 1
                case "<", ">":
                    i += 1
                    if i < chars.count, chars[i] == "=" { i += 1 }
                    kind = .comparison(String(chars[start..<i]))
                case "\"":
                    kind = .string(try Lexer.string(chars, &i, span: span))
                default:
                    if c.isNumber || ((c == "-" || c == "+" || c == ".") && Lexer.startsNumber(chars, i)) {
                        kind = .number(try Lexer.number(chars, &i, span: span))
                    } else if c.isLetter || c == "_" {
                        while i < chars.count, Lexer.isWordCharacter(chars[i]) { i += 1 }
                        kind = .word(String(chars[start..<i]))
                    } else {
                        throw InputError("unexpected character '\(c)'", at: span(i, i + 1),
                                         hint: "paths and text with spaces or symbols go in double quotes")
                    }
                }
                out.append(Token(kind: kind, text: String(chars[start..<i]), span: span(start, i), spaceBefore: space))
                space = false
            }
            if !lineContinues {
                out.append(Token(kind: .separator, text: "", span: span(chars.count, chars.count + 1), spaceBefore: true))
            }
        }
        return out
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "/"
    }

    private static func startsNumber(_ chars: [Character], _ i: Int) -> Bool {
        var j = i
        if chars[j] == "-" || chars[j] == "+" { j += 1 }
        guard j < chars.count else { return false }
        if chars[j].isNumber { return true }
        return chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber
    }

    private static func number(_ chars: [Character], _ i: inout Int,
                               span: (Int, Int) -> SourceSpan) throws(InputError) -> Double {
        let start = i
        if chars[i] == "-" || chars[i] == "+" { i += 1 }
        while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
            if j < chars.count, chars[j].isNumber {
                i = j
                while i < chars.count, chars[i].isNumber { i += 1 }
            }
        }
        // A number glued to letters (`3abc`, `1e`) is a typo, not two tokens.
        var end = i
        while end < chars.count, isWordCharacter(chars[end]) { end += 1 }
        let text = String(chars[start..<end])
        guard end == i, let value = Double(text), value.isFinite else {
            i = end
            throw InputError("'\(text.excerpt)' is not a number", at: span(start, end),
                             hint: "numbers look like 3, 0.1, 1e-3 or -2")
        }
        return value
    }

    private static func string(_ chars: [Character], _ i: inout Int,
                               span: (Int, Int) -> SourceSpan) throws(InputError) -> String {
        let start = i
        i += 1
        var value = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                i += 1
                return value
            }
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                switch next {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(next)
                }
                i += 2
                continue
            }
            value.append(c)
            i += 1
        }
        throw InputError("unterminated string", at: span(start, start + 1),
                         hint: "close the string with a double quote (\")")
    }
}
