/// What a run of study events says about one trial: all a store has to write for it in one
/// transaction, where only the trial's last state is ever visible.
///
/// ```swift
/// for batch in TrialEventBatch.grouping(events) {
///     let trial = events[batch.latest].trial   // its state after the last event
///     // batch.started: write the row whole; else batch.steps: the epochs reported since
/// }
/// ```
struct TrialEventBatch {
    /// The index, in the events, of the trial's last event.
    var latest: Int
    /// Whether the events hold the trial's start (an earlier attempt's row and epochs go).
    var started = false
    /// The epochs reported in the events (after the start, if they hold it), in order.
    var steps: [(step: Int, value: Double)] = []

    /// The events grouped by trial, in the order of each trial's first event. The trials
    /// stay in the events: copying one per event cost more than writing it.
    static func grouping(_ events: [StudyEvent]) -> [TrialEventBatch] {
        var batches: [TrialEventBatch] = []
        var index: [Int: Int] = [:]
        batches.reserveCapacity(events.count)
        index.reserveCapacity(events.count)
        for (e, event) in events.enumerated() {
            let n = event.trial.number
            let i: Int
            if let known = index[n] {
                i = known
            } else {
                i = batches.count
                index[n] = i
                batches.append(TrialEventBatch(latest: e))
            }
            batches[i].latest = e
            switch event.kind {
            case .started:
                batches[i].started = true
                batches[i].steps.removeAll()
            case let .reported(step, value): batches[i].steps.append((step, value))
            case .finished: break
            }
        }
        return batches
    }
}
