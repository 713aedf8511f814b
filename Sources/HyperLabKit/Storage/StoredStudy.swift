/// A study as a store returns it: its key, its record and its trials by number.
///
/// ```swift
/// let stored = try store.load("sweep 1")
/// let report = study.run(parallel: 2, store: store.trialStore(for: stored.id),
///                        previous: stored.trials, objective: objective)
/// ```
public struct StoredStudy: Sendable {
    /// The study's key in its store.
    public var id: StudyID
    /// The stored record.
    public var definition: StudyDefinition
    /// Every stored trial, by number (running ones included).
    public var trials: [Trial]

    /// A stored study.
    public init(id: StudyID, definition: StudyDefinition, trials: [Trial]) {
        self.id = id
        self.definition = definition
        self.trials = trials
    }

    /// The best complete trial for the study's direction.
    public var best: Trial? { trials.best(for: definition.direction) }

    /// Whether every asked trial has finished and none was interrupted, so resuming runs nothing.
    public var isFinished: Bool {
        (0..<definition.trialCount).allSatisfy { n in
            trials.contains { $0.number == n && Study.isKept($0) }
        }
    }
}
