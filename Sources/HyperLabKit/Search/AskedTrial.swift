/// A trial handed out by `AskTellStudy.ask()`: its number, seed and parameters, to evaluate and
/// then tell back to the study.
///
/// ```swift
/// let trial = try study.ask()
/// let lr = try trial.double("lr")          // or trial.parameters["lr"] (a ParameterValue)
/// let units = try trial.int("units")
/// for epoch in 1...20 {
///     try trial.report(accuracy(epoch), step: epoch)
///     if trial.shouldPrune { try study.tell(trial, state: .pruned); break }
/// }
/// ```
public struct AskedTrial: Sendable {
    /// The trial number, from 0 in the order trials were asked.
    public let number: Int
    /// The parameters to evaluate, in the search space's order.
    public let parameters: TrialParameters
    /// The trial's seed for its own random streams (from the study seed and the number only).
    public let seed: Int
    /// The study that asked it (tell and report go back there).
    let study: AskTellStudy

    /// The value of parameter `name` as a real number (an integer parameter is converted).
    /// - Throws: `AskTellError` (`.unknownParameter`, `.wrongType`) naming the parameters.
    public func double(_ name: String) throws(AskTellError) -> Double {
        let value = try self.value(name)
        guard let x = value.asReal else { throw wrongType(name, value, wanted: "a number") }
        return x
    }

    /// The value of integer parameter `name` (from `.int` or `.intLog`, or a choice of integers).
    /// - Throws: `AskTellError` (`.unknownParameter`, `.wrongType`) naming the parameters.
    public func int(_ name: String) throws(AskTellError) -> Int {
        let value = try self.value(name)
        guard case .integer(let n) = value else { throw wrongType(name, value, wanted: "an integer") }
        return n
    }

    /// The value of parameter `name` as a word (a choice of words such as `.choice(["relu", "tanh"])`).
    /// - Throws: `AskTellError` (`.unknownParameter`, `.wrongType`) naming the parameters.
    public func word(_ name: String) throws(AskTellError) -> String {
        let value = try self.value(name)
        guard case .word(let w) = value else { throw wrongType(name, value, wanted: "a word") }
        return w
    }

    /// Records `value` (the metric after `step`, an epoch from 1) for the pruner and the store.
    /// - Throws: `AskTellError` when the trial was already told, or the store fails.
    public func report(_ value: Double, step: Int) throws(AskTellError) {
        try study.report(self, value, step: step)
    }

    /// Whether the study's pruner stops this trial at its last reported step
    /// (`AskTellStudy.shouldPrune(_:)`).
    public var shouldPrune: Bool { study.shouldPrune(self) }

    /// The value of `name`, or an error listing the parameters.
    private func value(_ name: String) throws(AskTellError) -> ParameterValue {
        if let value = parameters[name] { return value }
        let names = parameters.names
        let hint = ClosestMatch.suggestion(for: name, among: names).map { "did you mean \($0)?" }
            ?? "the parameters are " + names.joined(separator: ", ")
        throw AskTellError(.unknownParameter, "trial \(number) has no parameter '\(name.excerpt)'", hint: hint)
    }

    private func wrongType(_ name: String, _ value: ParameterValue, wanted: String) -> AskTellError {
        AskTellError(.wrongType, "parameter '\(name)' of trial \(number) is \(value), not \(wanted)",
                     hint: "trial.parameters[\"\(name)\"] gives the value as it is")
    }
}
