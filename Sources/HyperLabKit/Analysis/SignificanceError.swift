/// Why two configurations' paired scores could not be compared.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`.
/// A `pair` payload is 0-based; messages count pairs from 1.
///
/// ```swift
/// do { _ = try SignificanceTest(scoresA: a, scoresB: b, testToTrainRatio: 0.25) }
/// catch { print(error.message, error.hint ?? "") }
/// ```
public enum SignificanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No paired scores were given.
    case noPairs
    /// The two configurations have different numbers of scores.
    case mismatchedCounts(a: Int, b: Int)
    /// A score (or difference) of one pair is NaN or infinite, e.g. from a diverged run.
    case nonFiniteScore(pair: Int)
    /// The ratio of evaluation to training rows is negative or not a finite number.
    case invalidRatio(Double)
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidence(Double)

    /// The one-line message.
    public var message: String {
        switch self {
        case .noPairs:
            "there are no paired scores to compare"
        case let .mismatchedCounts(a, b):
            "the two configurations have \(a) and \(b) scores; a paired comparison needs one of each per resample"
        case .nonFiniteScore(let pair):
            "the scores of pair \(pair + 1) are not finite numbers"
        case .invalidRatio(let r):
            "the ratio of evaluation to training rows is \(r); it must be a finite number of at least 0"
        case .invalidConfidence(let c):
            "a confidence level of \(c) is not between 0 and 1"
        }
    }

    /// How to fix it, where there is a likely fix.
    public var hint: String? {
        switch self {
        case .noPairs: "train both configurations on at least 2 paired seeds or folds"
        case .mismatchedCounts: "score both configurations on the same seeds or folds"
        case .nonFiniteScore: "a run diverged; lower the learning rate, or leave that pair out"
        case .invalidRatio: "pass dev rows / train rows (1/(K−1) for K folds)"
        case .invalidConfidence: "use 0.95 for a 95% interval"
        }
    }

    /// The message followed by the hint, for logs.
    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
