/// One metric a study optimizes, with its direction (`dev_acc` up, `parameters` down).
///
/// A study has one objective (its `direction`) or two or three (`Study.objectives`): then no
/// trial is "the best", and the answer is the Pareto front of the complete trials
/// (`ParetoFront`), the trials no other trial beats on every metric at once.
///
/// ```swift
/// let objectives = [StudyObjective("dev_acc", .maximize), StudyObjective("parameters", .minimize)]
/// trial.objectiveValues(objectives)   // [0.968, 4810] (read from trial.metrics)
/// ```
public struct StudyObjective: Sendable, Hashable, Codable {
    /// The metric's name, as a trial's `metrics` hold it (`dev_acc`).
    public var name: String
    /// Whether it is maximized or minimized.
    public var direction: MetricDirection

    /// An objective.
    public init(_ name: String, _ direction: MetricDirection) {
        self.name = name
        self.direction = direction
    }

    /// The most objectives a study may have.
    public static let maximumCount = 3
}

extension Trial {
    /// The value of each objective, in order, read from `metrics` by name; nil when one is missing.
    public func objectiveValues(_ objectives: [StudyObjective]) -> [Double]? {
        var values: [Double] = []
        values.reserveCapacity(objectives.count)
        for objective in objectives {
            guard let value = metrics[objective.name] else { return nil }
            values.append(value)
        }
        return values
    }
}

extension Array where Element == Trial {
    /// The non-domination rank of each complete trial with every objective value finite, by trial
    /// number: 0 for the Pareto front, 1 for the front of the rest, and so on (`ParetoFront.ranks`).
    public func paretoRanks(_ objectives: [StudyObjective]) -> [Int: Int] {
        var numbers: [Int] = []
        var values: [[Double]] = []
        for trial in self where trial.state == .complete {
            guard let v = trial.objectiveValues(objectives), v.allSatisfy(\.isFinite) else { continue }
            numbers.append(trial.number)
            values.append(v)
        }
        let ranks = ParetoFront.ranks(values, directions: objectives.map(\.direction))
        return Dictionary(uniqueKeysWithValues: zip(numbers, ranks))
    }

    /// The complete trials on the Pareto front of `objectives`, in trial-number order.
    public func paretoFront(_ objectives: [StudyObjective]) -> [Trial] {
        let ranks = paretoRanks(objectives)
        return filter { ranks[$0.number] == 0 }.sorted { $0.number < $1.number }
    }
}
