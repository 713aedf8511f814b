/// Finds the closest word to a misspelt one, for "did you mean …?" hints.
public enum ClosestMatch {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a likely typo
    /// (distance at most a third of the longer word, and at least 1 allowed); otherwise the first
    /// candidate that `word` (3 characters or more) begins.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        let length = lower.count
        // The distance is at least the difference of the lengths: a candidate that cannot beat the
        // best so far is not measured, and when none could be close enough none is (a pasted
        // page of text costs nothing).
        let reachable = candidates.contains { abs($0.count - length) <= allowed(length, $0.count) }
        var best: (String, Int)?
        for candidate in candidates where reachable && abs(candidate.count - length) < (best?.1 ?? Int.max) {
            let d = distance(lower, candidate.lowercased())
            if d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        if let (candidate, d) = best, d <= allowed(length, candidate.count) { return candidate }
        // A word that starts the candidate ("breast" for "breast-cancer") is a likely abbreviation.
        let prefixed = candidates.filter { lower.count >= 3 && $0.lowercased().hasPrefix(lower) }
        return prefixed.first
    }

    /// The largest distance that still reads as a typo: a third of the longer word, at least 1.
    private static func allowed(_ a: Int, _ b: Int) -> Int { max(1, max(a, b) / 3) }

    /// Damerau–Levenshtein (optimal string alignment) distance between two strings.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
