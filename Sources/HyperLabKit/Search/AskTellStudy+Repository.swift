extension AskTellStudy {
    /// A new study named `name` in `repository` (a SQLite file, a PostgreSQL database or memory),
    /// whose trials the repository keeps as they are asked, reported and told; `open(named:in:)`
    /// continues it later, in this process or another. The shell lists it with `studies`.
    ///
    /// ```swift
    /// let store = try SQLiteStudyStore.open(path: "studies.sqlite")
    /// let study = try AskTellStudy.create(named: "branin", in: store, space: space,
    ///                                     sampler: .tpe, direction: .minimize, seed: 1)
    /// ```
    /// - Parameter metric: the name the store and the shell give the told values.
    /// - Throws: `AskTellError` (`.storage`) when the name is taken or invalid or the repository
    ///   fails, (`.invalidSampler`) and (`.invalidPruner`) as `init(space:…)` (and for `.around`:
    ///   a stored study keeps no baseline).
    public static func create(named name: String, in repository: any StudyRepository, space: SearchSpace,
                              sampler: SamplerKind = .tpe, samplerSettings: [String: String] = [:],
                              pruner: PrunerKind = .none, prunerSettings: [String: String] = [:],
                              direction: MetricDirection, metric: String = "value",
                              seed: UInt64 = 0, lag: Int = AskTellStudy.defaultLag) throws(AskTellError) -> AskTellStudy {
        // The sampler is checked before anything is stored.
        let study = try AskTellStudy.study(space: space, sampler: sampler, samplerSettings: samplerSettings,
                                           baseline: nil, pruner: pruner, prunerSettings: prunerSettings,
                                           direction: direction, seed: seed, lag: lag)
        let definition = StudyDefinition(
            name: name, sampler: sampler.rawValue, samplerSettings: samplerSettings, seed: seed, trialCount: 0,
            metric: metric, direction: direction, prune: pruner.rawValue,
            prunerSettings: prunerSettings, lag: lag,
            space: space.parameters.map { StudyDefinition.SweptParameter(name: $0.name, distribution: $0.distribution.description) },
            configuration: [:], dataset: .ownedByCommand, split: .ownedByCommand)
        let id: StudyID
        do { id = try repository.createStudy(definition) } catch { throw AskTellError(error) }
        return try AskTellStudy(study: study, metric: metric, store: repository.trialStore(for: id))
    }

    /// The study named `name` in `repository`, rebuilt from its stored definition (space, sampler,
    /// pruner, direction, seed and lag) with its trials as history: the next `ask()` continues the
    /// numbering and suggests what the study would have suggested had it never stopped.
    /// - Throws: `AskTellError` (`.storage`) when no study has that name (the hint names the
    ///   stored ones) or its definition cannot be read back.
    public static func open(named name: String, in repository: any StudyRepository) throws(AskTellError) -> AskTellStudy {
        let stored: StoredStudy
        let study: Study
        do {
            stored = try repository.load(name)
            study = try Study(definition: stored.definition)
        } catch {
            throw AskTellError(error)
        }
        return try AskTellStudy(study: study, metric: stored.definition.metric,
                                store: repository.trialStore(for: stored.id))
    }
}
