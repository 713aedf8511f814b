import HyperLabKit
import HyperLabShell

/// Mutates valid command lines into hostile ones, as bytes (a line may hold invalid UTF-8).
///
/// Each line is a corpus line with one to four mutations: byte flips, deleting, duplicating or
/// swapping tokens, splicing with another line, numbers replaced by extremes, deep nesting,
/// long strings, quotes, continuations, control bytes and invalid UTF-8; or a line built from
/// the catalogue (`COMMAND KEY=EXTREME`). Deterministic: the same generator state gives the
/// same line. Never emits a newline byte, so one generated line is one line of input.
public struct FuzzMutator: Sendable {
    /// The lines and words mutations draw from.
    public let corpus: FuzzCorpus

    /// Numbers at the edges: past what a whole number or a Double holds, tiny, signed, not numbers.
    public static let extremes = [
        "1e19", "-1e19", "1e300", "-1e300", "1e308", "1e309", "1e-320", "4.9e-324", "-0", "0", "-1",
        "nan", "inf", "-inf", "0x10", "0x7fffffffffffffff", "9999999999999999999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "18446744073709551616", "2147483648", "65537",
        "100001", "1e5", "0.5", "1.", ".5", "1e", "1e+", "--1", "+1", "1e-5", "3.4028235e38", "1e39",
    ]

    /// The longest line emitted, in bytes: long enough for every limit of the language, short
    /// enough that a batch's cost stays in what the lines do, not in their size.
    public static let maximumLength = 120_000

    /// Nesting depths: around the parser's limit, and far past it.
    static let depths = [2, 10, 63, 64, 65, 100, 1_000, 10_000]

    /// A mutator over `corpus`.
    public init(corpus: FuzzCorpus) {
        self.corpus = corpus
    }

    /// One mutated line.
    public func line(_ rng: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8]
        if rng.below(5) == 0 {
            bytes = Array(catalogueLine(&rng).utf8)
        } else {
            bytes = Array(rng.pick(corpus.lines).utf8)
        }
        // Mostly one mutation, so that many lines get past the lexer to the commands.
        for _ in 0..<rng.pick([1, 1, 1, 1, 2, 2, 3, 4]) {
            mutate(&bytes, &rng)
        }
        return Array(bytes.lazy.filter { $0 != 0x0A }.prefix(Self.maximumLength))
    }

    /// A line made from the catalogue: a command with one of its numeric-looking options, or a
    /// configuration key, given an extreme value (bare, in a list, or as a distribution's bound).
    func catalogueLine(_ rng: inout SeededGenerator) -> String {
        let spec = rng.pick(CommandCatalog.all)
        let keys = spec.optionKeys
        var line = spec.example
        guard !keys.isEmpty else { return line + " " + rng.pick(Self.extremes) }
        let value = rng.pick(Self.extremes)
        let form = switch rng.below(6) {
        case 0: "[\(value)]"
        case 1: "\(rng.pick(["int", "intlog", "log", "uniform"]))(\(value),1)"
        case 2: "\(rng.pick(["int", "intlog", "log", "uniform"]))(1,\(value))"
        case 3: "[1, \(value)]"
        default: value
        }
        line += " \(rng.pick(keys))=\(form)"
        return line
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        switch rng.below(16) {
        case 0: flipByte(&bytes, &rng)
        case 1: editTokens(&bytes, &rng, duplicate: false)
        case 2: editTokens(&bytes, &rng, duplicate: true)
        case 3: swapTokens(&bytes, &rng)
        case 4: splice(&bytes, &rng)
        case 5, 6: replaceNumber(&bytes, &rng)
        case 7: insert(nesting(&rng), into: &bytes, &rng)
        case 8: insert(longText(&rng), into: &bytes, &rng)
        case 9: insert(controlBytes(&rng), into: &bytes, &rng)
        case 10: insert(invalidUTF8(&rng), into: &bytes, &rng)
        case 11: insert(Array(rng.pick(corpus.words).utf8), into: &bytes, &rng)
        case 12: replaceWord(&bytes, &rng)
        case 13: insert(Array(rng.pick(["\"", "\\\"", "\"\"", "\\", " \\", "#", ";", "=", "==", ",", "(", ")", "[", "]", "<", ">=", "'", "`", "$(", "{", "}"]).utf8), into: &bytes, &rng)
        case 14: bytes += Array(rng.pick([" \\", "\\", "; " + rng.pick(corpus.lines), " " + rng.pick(corpus.lines)]).utf8)
        default: replaceNumber(&bytes, &rng, everyNumber: true)
        }
    }

    /// Flips one bit, or sets one byte to a random value (newlines excepted).
    private func flipByte(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        let at = rng.below(bytes.count)
        bytes[at] = rng.below(2) == 0 ? bytes[at] ^ (1 << UInt8(rng.below(8))) : UInt8(rng.below(256))
    }

    /// The ranges of space-separated tokens (a quoted string with spaces counts as one).
    private func tokens(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        var quoted = false
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if b == UInt8(ascii: " ") && !quoted {
                if let s = start { out.append(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(s..<bytes.count) }
        return out
    }

    /// Deletes one token, or duplicates it in place.
    private func editTokens(_ bytes: inout [UInt8], _ rng: inout SeededGenerator, duplicate: Bool) {
        let all = tokens(bytes)
        guard !all.isEmpty else { return }
        let token = rng.pick(all)
        if duplicate {
            let copies = rng.below(8) == 0 ? 50 : 1
            bytes.insert(contentsOf: Array(repeating: [UInt8(ascii: " ")] + bytes[token], count: copies).joined(), at: token.upperBound)
        } else {
            bytes.removeSubrange(token)
        }
    }

    /// Swaps two tokens.
    private func swapTokens(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let all = tokens(bytes)
        guard all.count >= 2 else { return }
        var i = rng.below(all.count), j = rng.below(all.count)
        if i == j { j = (i + 1) % all.count }
        if i > j { swap(&i, &j) }
        let first = Array(bytes[all[i]]), second = Array(bytes[all[j]])
        bytes.replaceSubrange(all[j], with: first)
        bytes.replaceSubrange(all[i], with: second)
    }

    /// This line's head and another line's tail.
    private func splice(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let other = Array(rng.pick(corpus.lines).utf8)
        let head = bytes.isEmpty ? 0 : rng.below(bytes.count + 1)
        let tail = other.isEmpty ? 0 : rng.below(other.count + 1)
        bytes = Array(bytes[..<head]) + other[tail...]
    }

    /// The ranges of numbers (`3`, `-0.5`, `1e-3`) in the line.
    static func numbers(_ bytes: [UInt8]) -> [Range<Int>] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var out: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let startsHere = isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: "-") && i + 1 < bytes.count && isDigit(bytes[i + 1]))
            guard startsHere, i == 0 || !isWordByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, isDigit(bytes[j]) || bytes[j] == UInt8(ascii: ".") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
                var k = j + 1
                if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") { k += 1 }
                if k < bytes.count, isDigit(bytes[k]) {
                    j = k
                    while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                }
            }
            out.append(i..<j)
            i = j
        }
        return out
    }

    /// Whether `b` may be part of a word (letters, digits, `_`, `-`, `.`, `/`, any non-ASCII byte).
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/")
    }

    /// One number (or every number) replaced by an extreme.
    private func replaceNumber(_ bytes: inout [UInt8], _ rng: inout SeededGenerator, everyNumber: Bool = false) {
        let found = Self.numbers(bytes)
        guard !found.isEmpty else {
            insert(Array(rng.pick(Self.extremes).utf8), into: &bytes, &rng)
            return
        }
        let chosen = everyNumber ? found : [rng.pick(found)]
        for range in chosen.reversed() {
            bytes.replaceSubrange(range, with: Array(rng.pick(Self.extremes).utf8))
        }
    }

    /// Brackets, calls or quotes nested deep, closed or not.
    private func nesting(_ rng: inout SeededGenerator) -> [UInt8] {
        let depth = rng.pick(Self.depths)
        let (open, close) = rng.pick([("[", "]"), ("log(", ")"), ("choice(", ")"), ("near(", ")"), ("(", ")"),
                                      ("[[", "]]"), ("int(1,", ")"), ("\"", "\""), ("\\\"", "\\\"")])
        let inner = rng.pick(["1", "8", "", "1e19", "x", "[]"])
        let closed = rng.below(2) == 0
        return Array((String(repeating: open, count: depth) + inner + (closed ? String(repeating: close, count: depth) : "")).utf8)
    }

    /// A long string, word, number or list.
    private func longText(_ rng: inout SeededGenerator) -> [UInt8] {
        let length = rng.pick([100, 1_000, 10_000, 100_000])
        return switch rng.below(5) {
        case 0: Array(("\"" + String(repeating: "a", count: length) + "\"").utf8)
        case 1: Array(String(repeating: "x", count: length).utf8)
        case 2: Array(String(repeating: "9", count: length).utf8)
        case 3: Array(("[" + Array(repeating: "1", count: min(length, 10_000)).joined(separator: ",") + "]").utf8)
        default: Array(("\"" + String(repeating: "é🙂", count: length / 4)).utf8)
        }
    }

    /// Control bytes other than newline: NUL, carriage return, escape sequences, DEL.
    private func controlBytes(_ rng: inout SeededGenerator) -> [UInt8] {
        rng.pick([[0x00], [0x0D], [0x1B, 0x5B, 0x41], [0x1B, 0x5B, 0x32, 0x4A], [0x7F], [0x08], [0x09],
                  [0x0B], [0x0C], [0x04], [0x03], [0x1A], [0x00, 0x00, 0x00, 0x00], [UInt8(rng.below(32))]].filter { $0 != [0x0A] })
    }

    /// Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, surrogates,
    /// truncated sequences, bytes that never occur.
    private func invalidUTF8(_ rng: inout SeededGenerator) -> [UInt8] {
        rng.pick([[0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                  [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F], [0xC3], [0xF8, 0x88, 0x80, 0x80, 0x80],
                  [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xAE], [0xCC, 0x81, 0xCC, 0x81, 0xCC, 0x81]])
    }

    /// One word replaced by another word of the language.
    private func replaceWord(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let all = tokens(bytes)
        guard !all.isEmpty else { return }
        let token = rng.pick(all)
        var end = token.lowerBound
        while end < token.upperBound, Self.isWordByte(bytes[end]) { end += 1 }
        bytes.replaceSubrange(token.lowerBound..<end, with: Array(rng.pick(corpus.words).utf8))
    }

    /// Inserts `piece` at a random place: often right after an `=`, where a value goes.
    private func insert(_ piece: [UInt8], into bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let equals = bytes.indices.filter { bytes[$0] == UInt8(ascii: "=") }
        let at = !equals.isEmpty && rng.below(2) == 0 ? rng.pick(equals) + 1 : rng.below(bytes.count + 1)
        bytes.insert(contentsOf: piece, at: at)
    }
}

extension SeededGenerator {
    /// A whole number in `0..<bound` (bound > 0), by remainder: the same on every platform.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
