import Foundation

/// One line of `studies`: a stored study's name, dataset, sampler, trials by state, best value
/// and date.
public struct StudySummary: Sendable, Hashable {
    /// The study's key in its store.
    public var id: StudyID
    /// The study's name.
    public var name: String
    /// The dataset's display name (`iris`, `data.csv`).
    public var dataset: String
    /// The sampler's name (tpe, random, ...).
    public var sampler: String
    /// Where it stands.
    public var status: StudyStatus
    /// When it was created.
    public var created: Date
    /// The metric optimized.
    public var metric: String
    /// Whether the metric is maximized or minimized.
    public var direction: MetricDirection
    /// The number of trials asked.
    public var trialCount: Int
    /// Stored trials by state (states with no trial are absent).
    public var counts: [TrialState: Int]
    /// The best complete value, if any trial completed.
    public var best: Double?
    /// How many of the failed trials were stopped by Ctrl-C or a dead process ("interrupted").
    public var interrupted: Int

    /// A summary.
    public init(id: StudyID, name: String, dataset: String, sampler: String, status: StudyStatus, created: Date,
                metric: String, direction: MetricDirection, trialCount: Int, counts: [TrialState: Int], best: Double?,
                interrupted: Int = 0) {
        self.id = id
        self.name = name
        self.dataset = dataset
        self.sampler = sampler
        self.status = status
        self.created = created
        self.metric = metric
        self.direction = direction
        self.trialCount = trialCount
        self.counts = counts
        self.best = best
        self.interrupted = interrupted
    }

    /// The number of stored trials in `state`.
    public func count(_ state: TrialState) -> Int { counts[state] ?? 0 }
}
