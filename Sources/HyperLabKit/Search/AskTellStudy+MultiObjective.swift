extension AskTellStudy {
    /// A study of two or three metrics at once on `space`, whose trials `store` keeps: each trial is
    /// told one value per objective (`tell(_:values:metrics:)`), and `paretoFront` is the answer.
    ///
    /// ```swift
    /// let study = try AskTellStudy(space: space, objectives: [StudyObjective("error", .minimize),
    ///                                                        StudyObjective("size", .minimize)], seed: 1)
    /// let trial = try study.ask()
    /// try study.tell(trial, values: [error(trial), size(trial)])
    /// study.paretoFront.map(\.number)
    /// ```
    /// - Throws: `AskTellError` (`.invalidObjectives`) for fewer than two or more than three
    ///   objectives, a name given twice, a sampler that models one metric (`bayes`, `cmaes`) or a
    ///   pruner; otherwise as `init(space:…)`.
    public convenience init(space: SearchSpace, sampler: SamplerKind = .tpe, samplerSettings: [String: String] = [:],
                            objectives: [StudyObjective], seed: UInt64 = 0, lag: Int = AskTellStudy.defaultLag,
                            store: any StudyStore = MemoryStudyStore()) throws(AskTellError) {
        try AskTellStudy.check(objectives, sampler: sampler)
        guard let first = objectives.first else { throw AskTellError(.invalidObjectives, "no objective was given") }
        var study = try AskTellStudy.study(space: space, sampler: sampler, samplerSettings: samplerSettings,
                                           baseline: nil, pruner: .none, prunerSettings: [:], direction: first.direction,
                                           seed: seed, lag: lag)
        study.objectives = objectives
        try self.init(study: study, metric: first.name, store: store)
    }

    /// A new multi-objective study named `name` in `repository`, as `create(named:in:space:…)`;
    /// `open(named:in:)` reopens it with its objectives.
    /// - Throws: `AskTellError` as `init(space:objectives:…)`, and (`.storage`) when the name is
    ///   taken or invalid or the repository fails.
    public static func create(named name: String, in repository: any StudyRepository, space: SearchSpace,
                              sampler: SamplerKind = .tpe, samplerSettings: [String: String] = [:],
                              objectives: [StudyObjective], seed: UInt64 = 0,
                              lag: Int = AskTellStudy.defaultLag) throws(AskTellError) -> AskTellStudy {
        try check(objectives, sampler: sampler)
        guard let first = objectives.first else { throw AskTellError(.invalidObjectives, "no objective was given") }
        var study = try AskTellStudy.study(space: space, sampler: sampler, samplerSettings: samplerSettings,
                                           baseline: nil, pruner: .none, prunerSettings: [:], direction: first.direction,
                                           seed: seed, lag: lag)
        study.objectives = objectives
        let definition = StudyDefinition(
            name: name, sampler: sampler.rawValue, samplerSettings: samplerSettings, seed: seed, trialCount: 0,
            metric: first.name, direction: first.direction, objectives: objectives, lag: lag,
            space: space.parameters.map { StudyDefinition.SweptParameter(name: $0.name, distribution: $0.distribution.description) },
            configuration: [:], dataset: .ownedByCommand, split: .ownedByCommand)
        let id: StudyID
        do { id = try repository.createStudy(definition) } catch { throw AskTellError(error) }
        return try AskTellStudy(study: study, metric: first.name, store: repository.trialStore(for: id))
    }

    /// Completes `trial` with one value per objective, in the study's order; each is kept among
    /// the metrics under its objective's name, and the first is the trial's `value`. A NaN or
    /// infinite value fails the trial as diverged.
    /// - Throws: `AskTellError` (`.invalidObjectives`) when the study has one metric or the count
    ///   differs; otherwise as `tell(_:_:metrics:)`.
    public func tell(_ trial: AskedTrial, values: [Double], metrics: [String: Double] = [:]) throws(AskTellError) {
        let objectives = study.objectives
        guard objectives.count > 1 else {
            throw AskTellError(.invalidObjectives, "this study optimizes one metric, and \(values.count) values were told",
                               hint: "tell(trial, value) completes a trial of a one-metric study")
        }
        guard values.count == objectives.count else {
            throw AskTellError(.invalidObjectives,
                               "trial \(trial.number) was told \(values.count) values for \(objectives.count) objectives",
                               hint: "tell one value for each of " + objectives.map(\.name).joined(separator: ", "))
        }
        var all = metrics
        for (objective, value) in zip(objectives, values) { all[objective.name] = value }
        if let bad = zip(objectives, values).first(where: { !$0.1.isFinite }) {
            try tell(trial, state: .failed, reason: "the metric \(bad.0.name) is \(bad.1) (diverged)")
            return
        }
        try tell(trial, values[0], metrics: all)
    }

    /// The complete trials no other complete trial beats on every objective, by number; for a
    /// study of one metric, its best trial.
    public var paretoFront: [Trial] {
        let trials = self.trials
        guard study.isMultiObjective else { return trials.best(for: study.direction).map { [$0] } ?? [] }
        return trials.paretoFront(study.objectives)
    }

    /// Refuses objectives that are not two or three distinct names, or a sampler that models one metric.
    static func check(_ objectives: [StudyObjective], sampler: SamplerKind) throws(AskTellError) {
        guard (2...StudyObjective.maximumCount).contains(objectives.count) else {
            throw AskTellError(.invalidObjectives, "a multi-objective study has 2 or 3 objectives, not \(objectives.count)",
                               hint: "for one metric, give direction: instead of objectives:")
        }
        var seen = Set<String>()
        for objective in objectives where !seen.insert(objective.name).inserted {
            throw AskTellError(.invalidObjectives, "the objective \(objective.name) is given twice",
                               hint: "each objective is a different metric")
        }
        guard sampler.supportsMultipleObjectives else {
            throw AskTellError(.invalidObjectives, "\(sampler.rawValue) models one metric and cannot search for several",
                               hint: "use tpe (MOTPE) or random for several metrics")
        }
    }
}
