/// Keeps a mutated line cheap to run, without hiding the values a fuzz pass is after.
///
/// A line may train: a sweep of 100,000 trials or a run of 100,000 epochs is valid input, and a
/// batch holding one would look hung. So a number that sets an amount of work (`epochs=`, `n=`,
/// `repeats=`, `cv=`, `units=`, ...) and lies inside the key's valid range but above a small
/// cap becomes the cap; a number outside the valid range (1e19, -1, 0.5) stays, since the
/// shell must refuse it. Commands whose defaults are costly get cheap options after their
/// word: a grid without `n=` gets `n=3`, `compare` and `recheck` without `repeats=` get
/// `repeats=2` (and `recheck` `top=2`), and `reset`, which brings back 200 epochs, is followed
/// by `set epochs=2`.
public enum FuzzBudget {
    /// A key's cap and the largest value it accepts.
    struct Cap {
        let cap: Double
        let limit: Double
    }

    /// The keys that set an amount of work.
    static let caps: [String: Cap] = [
        "epochs": Cap(cap: 3, limit: 100_000), "repeats": Cap(cap: 2, limit: 1_000), "cv": Cap(cap: 3, limit: 20),
        "top": Cap(cap: 3, limit: 100_000), "units": Cap(cap: 128, limit: 4_096), "hidden": Cap(cap: 128, limit: 4_096),
        "layers": Cap(cap: 3, limit: 8), "parallel": Cap(cap: 4, limit: 256), "step": Cap(cap: 1_000, limit: 100_000),
    ]

    /// `n=`: the number of trials in a sweep, of rows in a generated dataset.
    static let trials = Cap(cap: 3, limit: 100_000)
    static let rows = Cap(cap: 300, limit: 100_000)

    /// `line` with its work bounded.
    public static func bounded(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        for (key, cap) in caps.sorted(by: { $0.key < $1.key }) {
            capValues(of: key, in: &bytes) { _, _ in cap }
        }
        capValues(of: "n", in: &bytes) { line, position in
            precedingWords(line, before: position).contains("sweep") ? trials : rows
        }
        var segments = split(bytes)
        for index in segments.indices {
            if !contains(segments[index], key: "n") { insert(" n=3", after: "grid", in: &segments[index]) }
            if !contains(segments[index], key: "repeats") {
                for word in ["compare", "recheck"] { insert(" repeats=2", after: word, in: &segments[index]) }
            }
            if !contains(segments[index], key: "top") { insert(" top=2", after: "recheck", in: &segments[index]) }
            insert(" ; set epochs=2 ;", after: "reset", in: &segments[index])
        }
        return Array(segments.joined(separator: [UInt8(ascii: ";")]))
    }

    /// Puts `text` right after the first whole word `word` of `segment`, if it has one (right
    /// after it, not at the end, where a comment or an open string would swallow it).
    private static func insert(_ text: String, after word: String, in segment: inout [UInt8]) {
        let pattern = Array(word.utf8)
        guard segment.count >= pattern.count else { return }
        for i in 0...(segment.count - pattern.count) where segment[i..<(i + pattern.count)].elementsEqual(pattern) {
            let end = i + pattern.count
            if (i == 0 || !FuzzMutator.isWordByte(segment[i - 1])) && (end == segment.count || !FuzzMutator.isWordByte(segment[end])) {
                segment.insert(contentsOf: Array(text.utf8), at: end)
                return
            }
        }
    }

    /// Every number in the value of `key=` (a number, a list, a call such as `int(1, 500)`)
    /// that is above its cap but within its limit becomes the cap; `cap` gives the cap of the
    /// option at a position.
    private static func capValues(of key: String, in bytes: inout [UInt8], cap capAt: ([UInt8], Int) -> Cap) {
        let pattern = Array((key + "=").utf8)
        var i = 0
        while i + pattern.count <= bytes.count {
            guard bytes[i..<(i + pattern.count)].elementsEqual(pattern), i == 0 || !FuzzMutator.isWordByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            let start = i + pattern.count
            let end = valueEnd(bytes, from: start)
            let cap = capAt(bytes, i)
            var value = Array(bytes[start..<end])
            for range in FuzzMutator.numbers(value).reversed() {
                guard let number = Double(String(decoding: value[range], as: UTF8.self)), number > cap.cap, number <= cap.limit else { continue }
                value.replaceSubrange(range, with: Array(String(Int(cap.cap)).utf8))
            }
            bytes.replaceSubrange(start..<end, with: value)
            i = start + value.count
        }
    }

    /// Where a value that starts at `start` ends: at a space or `;` outside brackets, or where
    /// its brackets close.
    private static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "["), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: ")"):
                depth -= 1
                if depth <= 0 { return i + 1 }
            case UInt8(ascii: " "), UInt8(ascii: ";"), UInt8(ascii: "\t"):
                if depth <= 0 { return i }
            default: break
            }
            i += 1
        }
        return i
    }

    /// The words of the command that `position` is in (from the last `;` before it).
    private static func precedingWords(_ bytes: [UInt8], before position: Int) -> [String] {
        let start = (bytes[..<position].lastIndex(of: UInt8(ascii: ";")) ?? -1) + 1
        return wordsOf(Array(bytes[start..<position]))
    }

    private static func wordsOf(_ bytes: [UInt8]) -> [String] {
        bytes.split { !FuzzMutator.isWordByte($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    private static func contains(_ bytes: [UInt8], key: String) -> Bool {
        let pattern = Array((key + "=").utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { i in
            bytes[i..<(i + pattern.count)].elementsEqual(pattern) && (i == 0 || !FuzzMutator.isWordByte(bytes[i - 1]))
        }
    }

    /// The commands of a line, split at `;` (inside strings too: a cap added to a string is harmless).
    private static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map(Array.init)
    }
}
