/// The natural order of labels: text compared without case, runs of digits compared as numbers,
/// so `class_2` comes before `class_10`. Deterministic (no locale): ties fall back to the raw text.
enum NaturalOrder {
    /// Whether `a` sorts before `b`.
    static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let x = chunks(a.lowercased()), y = chunks(b.lowercased())
        for (p, q) in zip(x, y) where p != q {
            switch (p, q) {
            case let (.number(m), .number(n)):
                return m.count != n.count ? m.count < n.count : m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case let (.text(s), .text(t)): return s < t
            }
        }
        if x.count != y.count { return x.count < y.count }
        return a < b
    }

    private enum Chunk: Equatable {
        /// Digits without leading zeros (so length then text order is numeric order).
        case number(String)
        case text(String)
    }

    private static func chunks(_ s: String) -> [Chunk] {
        var out = [Chunk]()
        var current = "", inDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if inDigits {
                let trimmed = current.drop { $0 == "0" }
                out.append(.number(trimmed.isEmpty ? "0" : String(trimmed)))
            } else {
                out.append(.text(current))
            }
            current = ""
        }
        for ch in s {
            let digit = ch.isASCII && ch.isNumber
            if digit != inDigits { flush(); inDigits = digit }
            current.append(ch)
        }
        flush()
        return out
    }
}
