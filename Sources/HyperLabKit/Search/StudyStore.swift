/// Why a study store could not record or read trials.
public struct StudyStoreError: Error, Sendable, Equatable {
    /// The one-line message ("cannot write hyperlab.sqlite: disk full").
    public var message: String
    /// How to fix it, when known.
    public var hint: String?
    /// What went wrong, when a store of the Storage folder says (`StorageError.studyStoreError`).
    public var kind: StorageError.Kind?

    /// An error with a message, an optional hint and, from a known store, its kind.
    public init(_ message: String, hint: String? = nil, kind: StorageError.Kind? = nil) {
        self.message = message
        self.hint = hint
        self.kind = kind
    }
}

/// Where a study's trials are kept: in memory (`MemoryStudyStore`), in a SQLite file
/// (`SQLiteTrialStore`, from `SQLiteStudyStore.trialStore(for:)`).
///
/// The study calls these in order for each trial — `trialStarted`, then `trialReported` for
/// every step, then `trialFinished` — from one thread at a time, as they happen, so a
/// crash-safe store can write each call through and a resumed study can tell finished trials
/// from ones that were running. `Study.run` hands over the events that piled up since its
/// last call together, through `record(_:)`, so a store may commit them in one transaction;
/// a store whose commits cost something asks, through `commitInterval`, that calls come no
/// more often than that while trials run (group commit).
public protocol StudyStore: Sendable {
    /// The least time between two `record` calls while trials are running: events wait that
    /// long at most, and are then written together. Zero (the default) writes each as it comes.
    var commitInterval: Duration { get }
    /// Records `events` in order (each `.started`, `.reported` or `.finished`); the default
    /// calls the three methods below one by one. A store that overrides it must stop at the
    /// first failure, keeping what it wrote before.
    func record(_ events: [StudyEvent]) throws(StudyStoreError)
    /// A trial began (state running, with its parameters and seed).
    func trialStarted(_ trial: Trial) throws(StudyStoreError)
    /// A running trial reported `value` at `step`.
    func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError)
    /// A trial ended (complete, pruned or failed), with everything it recorded.
    func trialFinished(_ trial: Trial) throws(StudyStoreError)
    /// Every trial recorded so far, by number.
    func trials() throws(StudyStoreError) -> [Trial]
}

extension StudyStore {
    /// No waiting: every event is handed over as it comes.
    public var commitInterval: Duration { .zero }

    /// Records `events` one by one through `trialStarted`, `trialReported` and `trialFinished`.
    public func record(_ events: [StudyEvent]) throws(StudyStoreError) {
        for event in events {
            switch event.kind {
            case .started: try trialStarted(event.trial)
            case let .reported(step, value): try trialReported(number: event.trial.number, step: step, value: value)
            case .finished: try trialFinished(event.trial)
            }
        }
    }
}
