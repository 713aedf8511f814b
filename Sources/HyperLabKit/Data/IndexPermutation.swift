/// Seeded shuffles of row indices that give the same order on every platform and Swift version
/// (the standard library's `shuffle(using:)` does not promise its algorithm).
///
/// Algorithm: Fisher–Yates, with Lemire's unbiased bounded integers
/// ("Fast random integer generation in an interval", ACM TOMACS 2019).
enum IndexPermutation {
    /// `0..<count` in a random order drawn from `generator`.
    static func shuffled(_ count: Int, using generator: inout SeededGenerator) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices, using: &generator)
        return indices
    }

    /// Shuffles `items` in place.
    static func shuffle<T>(_ items: inout [T], using generator: inout SeededGenerator) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = below(i + 1, using: &generator)
            if i != j { items.swapAt(i, j) }
        }
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    static func below(_ bound: Int, using generator: inout SeededGenerator) -> Int {
        let b = UInt64(bound)
        var m = generator.next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = generator.next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }
}
