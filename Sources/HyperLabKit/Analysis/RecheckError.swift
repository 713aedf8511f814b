/// Why the rechecked scores of a sweep's top trials could not be summarized.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`.
/// A `trial` payload is the trial's number as the caller gave it.
///
/// ```swift
/// do { _ = try RecheckReport(trials: trials, direction: .maximize) }
/// catch { print(error.message, error.hint ?? "") }
/// ```
public enum RecheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No trials were given.
    case noTrials
    /// A trial has no rechecked scores.
    case noRecheckScores(trial: Int)
    /// A trial's score at selection time is NaN or infinite.
    case nonFiniteSelectionScore(trial: Int)

    /// The one-line message.
    public var message: String {
        switch self {
        case .noTrials:
            "there are no trials to recheck"
        case .noRecheckScores(let trial):
            "trial \(trial) has no rechecked scores"
        case .nonFiniteSelectionScore(let trial):
            "the score of trial \(trial) at selection time is not a finite number"
        }
    }

    /// How to fix it, where there is a likely fix.
    public var hint: String? {
        switch self {
        case .noTrials: "run a sweep first; recheck retrains its best trials"
        case .noRecheckScores: "retrain each trial at least once (repeats=3 or more is better)"
        case .nonFiniteSelectionScore: "recheck only finished trials that scored a number"
        }
    }

    /// The message followed by the hint, for logs.
    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
