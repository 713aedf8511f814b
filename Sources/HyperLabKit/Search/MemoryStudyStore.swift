import Synchronization

/// A study store in memory (`--store memory`, and the default until persistence exists).
///
/// Safe to share between threads; never fails.
public final class MemoryStudyStore: StudyStore {
    private let state = Mutex<[Int: Trial]>([:])

    /// An empty store.
    public init() {}

    /// Records the running trial.
    public func trialStarted(_ trial: Trial) throws(StudyStoreError) {
        state.withLock { $0[trial.number] = trial }
    }

    /// Adds the value to the trial's curve.
    public func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        state.withLock { $0[number]?.intermediateValues[step] = value }
    }

    /// Replaces the trial with its final record.
    public func trialFinished(_ trial: Trial) throws(StudyStoreError) {
        state.withLock { $0[trial.number] = trial }
    }

    /// The trials by number.
    public func trials() throws(StudyStoreError) -> [Trial] { allTrials }

    /// The trials by number, without the protocol's `throws`: memory never fails.
    public var allTrials: [Trial] {
        state.withLock { $0.values.sorted { $0.number < $1.number } }
    }

    /// Marks running trials as failed, reason "interrupted" (what a dead process left running);
    /// returns how many.
    @discardableResult
    public func markInterrupted() -> Int {
        state.withLock { trials in
            var marked = 0
            for (number, trial) in trials where trial.state == .running {
                trials[number]?.state = .failed
                trials[number]?.failure = Study.interruptedReason
                marked += 1
            }
            return marked
        }
    }
}
