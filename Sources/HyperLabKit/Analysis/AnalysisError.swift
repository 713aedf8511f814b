/// Why an analysis of finished trials (parameter importance) could not be computed.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`.
/// A `trial` payload is the 0-based position of the trial in the arrays the caller passed;
/// messages count from 1 ("trial 3" is position 2).
///
/// ```swift
/// do { _ = try ParameterImportance.fanova(inputs: x, kinds: k, values: y, names: n) }
/// catch { print(error.message, error.hint ?? "") }
/// ```
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than two trials: nothing to compare.
    case tooFewTrials(count: Int)
    /// No parameters were given.
    case noParameters
    /// Two arrays that must agree in length do not (`what` names the counted things).
    case mismatchedCounts(what: String, expected: Int, found: Int)
    /// A trial's metric is NaN or infinite.
    case nonFiniteValue(trial: Int)
    /// A trial's parameter coordinate is NaN or infinite.
    case nonFiniteInput(trial: Int, parameter: String)
    /// A continuous parameter's coordinate lies outside [0, 1].
    case outsideUnitInterval(trial: Int, parameter: String, value: Double)
    /// A categorical parameter's coordinate is not a whole number in `0..<count`.
    case invalidCategory(trial: Int, parameter: String, value: Double, count: Int)
    /// A categorical parameter declared with no categories.
    case noCategories(parameter: String)
    /// Every trial has the same metric value.
    case constantMetric
    /// A forest option is out of range (`requirement` says what it must be).
    case invalidOption(name: String, value: Int, requirement: String)
    /// Every tree of the forest predicts a constant, so there is no variance to divide.
    case noStructure
    /// The forest varies, but only through interactions: no parameter has a main effect.
    case onlyInteractions

    /// The one-line message.
    public var message: String {
        switch self {
        case .tooFewTrials(let n):
            "parameter importance needs at least 2 finished trials, but there \(n == 1 ? "is 1" : "are \(n)")"
        case .noParameters:
            "there are no parameters to rank"
        case let .mismatchedCounts(what, expected, found):
            "expected \(expected) \(what), found \(found)"
        case .nonFiniteValue(let t):
            "the metric of trial \(t + 1) is not a finite number"
        case let .nonFiniteInput(t, p):
            "the value of \(p) in trial \(t + 1) is not a finite number"
        case let .outsideUnitInterval(t, p, v):
            "the value of \(p) in trial \(t + 1) is \(v), outside [0, 1]"
        case let .invalidCategory(t, p, v, n):
            "the value of \(p) in trial \(t + 1) is \(v), not a category index from 0 to \(n - 1)"
        case .noCategories(let p):
            "\(p) is declared categorical with no categories"
        case .constantMetric:
            "every trial scored the same; nothing to explain"
        case let .invalidOption(name, value, requirement):
            "\(name) = \(value) is not allowed: it must be \(requirement)"
        case .noStructure:
            "the random forest found no structure to explain: every tree predicts a constant"
        case .onlyInteractions:
            "no parameter explains the metric on its own: it changes only through interactions"
        }
    }

    /// How to fix it, where there is a likely fix.
    public var hint: String? {
        switch self {
        case .tooFewTrials: "run more trials first (random search covers the space best)"
        case .noParameters: "sweep at least one parameter"
        case .mismatchedCounts: "give one row of parameter values and one metric per trial"
        case .nonFiniteValue: "leave failed or diverged trials out before asking for importance"
        case .nonFiniteInput: "leave trials with missing parameter values out"
        case .outsideUnitInterval: "map each numeric parameter onto [0, 1] (log ranges in log space)"
        case .invalidCategory: "give a categorical parameter as its index in the list of choices"
        case .noCategories: "declare .categorical(count:) with the number of choices"
        case .constantMetric: "sweep parameters that can change the metric, or widen their ranges"
        case .invalidOption: nil
        case .noStructure: "lower the minimum samples per leaf, or run more trials"
        case .onlyInteractions: "plot pairs of parameters against the metric to see the interaction"
        }
    }

    /// The message followed by the hint, for logs.
    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
