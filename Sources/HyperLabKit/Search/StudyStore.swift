/// Why a study store could not record or read trials.
public struct StudyStoreError: Error, Sendable, Equatable {
    /// The one-line message ("cannot write hyperlab.sqlite: disk full").
    public var message: String
    /// How to fix it, when known.
    public var hint: String?

    /// An error with a message and an optional hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// Where a study's trials are kept: in memory now; SQLite and PostgreSQL behind the same
/// protocol later.
///
/// The study calls these in order for each trial — `trialStarted`, then `trialReported` for
/// every step, then `trialFinished` — from one thread at a time, as they happen, so a
/// crash-safe store can write each call through and a resumed study can tell finished trials
/// from ones that were running.
public protocol StudyStore: Sendable {
    /// A trial began (state running, with its parameters and seed).
    func trialStarted(_ trial: Trial) throws(StudyStoreError)
    /// A running trial reported `value` at `step`.
    func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError)
    /// A trial ended (complete, pruned or failed), with everything it recorded.
    func trialFinished(_ trial: Trial) throws(StudyStoreError)
    /// Every trial recorded so far, by number.
    func trials() throws(StudyStoreError) -> [Trial]
}
