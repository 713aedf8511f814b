import Foundation

/// The one lifecycle of a trial, wherever it runs: `Study.run`'s threads, a PostgreSQL worker,
/// or a Swift program asking and telling. Each starts the trial's record, asks the pruner at its
/// reports, and turns the objective's result into the finished record here, so a trial ends in
/// the same state with the same words in all three.
extension Study {
    /// The running record of trial `number` with `parameters`, under its seed (`trialSeed`).
    public func startedTrial(_ number: Int, parameters: TrialParameters) -> Trial {
        Trial(number: number, parameters: parameters, state: .running, seed: Study.trialSeed(studySeed: seed, number: number))
    }

    /// Whether the pruner stops trial `number` at `step`, given its own values so far and those
    /// the trials numbered below it − `lag` reported at that step (`peers`, by trial number).
    /// False at a step that is not one of the pruner's decision steps.
    public func shouldPrune(_ number: Int, step: Int, values: [Int: Double], peers: [Int: Double]) -> Bool {
        guard pruner.isDecisionStep(step) else { return false }
        let context = PruningContext(number: number, step: step, values: values.filter { $0.key <= step },
                                     peerValues: peers, peerCount: max(number - lag, 0), direction: direction)
        return pruner.shouldPrune(context)
    }

    /// Runs `objective` for one trial and times it.
    public static func timedRun(_ objective: (TrialContext) throws -> TrialOutcome,
                                _ context: TrialContext) -> (result: Result<TrialOutcome, any Error>, seconds: Double) {
        let began = ContinuousClock.now
        let result: Result<TrialOutcome, any Error>
        do { result = .success(try objective(context)) } catch { result = .failure(error) }
        return (result, (ContinuousClock.now - began).inSeconds)
    }

    /// `trial` (its running record, with its reports) finished: pruned when the pruner stopped
    /// it; failed as interrupted when a stop request ended it (`interrupted`); else complete with
    /// a finite value, failed as diverged with a NaN or infinite one (for a multi-objective
    /// study, any of its metrics missing or not finite), or failed with the objective's reason.
    /// The outcome's metrics are kept in every case.
    public func finished(_ trial: Trial, result: Result<TrialOutcome, any Error>, seconds: Double?,
                                pruned: Bool, interrupted: Bool = false) -> Trial {
        var trial = trial
        if let seconds { trial.seconds = seconds }
        if case .success(let outcome) = result { trial.metrics = outcome.metrics }
        if pruned {
            trial.state = .pruned
            return trial
        }
        if interrupted {
            trial.state = .failed
            trial.failure = Study.interruptedReason
            return trial
        }
        switch result {
        case .success(let outcome):
            if outcome.value.isFinite, let failure = objectiveFailure(outcome.metrics) {
                trial.state = .failed
                trial.failure = failure
            } else {
                trial.settle(value: outcome.value)
            }
        case .failure(let error):
            trial.state = .failed
            trial.failure = (error as? TrialFailure)?.reason ?? String(describing: error)
        }
        return trial
    }
}

extension Trial {
    /// Completes the trial with `value`, or fails it as diverged when the value is NaN or infinite.
    mutating func settle(value: Double) {
        if value.isFinite {
            state = .complete
            self.value = value
        } else {
            state = .failed
            failure = "the metric is \(value) (diverged)"
        }
    }
}
