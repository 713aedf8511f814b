extension Study {
    /// The study a stored definition describes, rebuilt by the Kit alone: its space, its sampler
    /// and pruner by kind (with trial 0 the base configuration where `baseline` says so), its
    /// direction, seed, trial count and lag. A resumed or distributed study suggests exactly
    /// what the study that stored it would have.
    /// - Throws: `StorageError` (`.invalidRecord`) when a part cannot be read back or names a
    ///   sampler or pruner this HyperLab does not know.
    public init(definition: StudyDefinition) throws(StorageError) {
        let space = try definition.searchSpace()
        guard let samplerKind = SamplerKind(rawValue: definition.sampler) else {
            throw StorageError(.invalidRecord, "the study \(definition.name) names an unknown sampler '\(definition.sampler)'",
                               hint: "it was stored by a newer HyperLab; known samplers: "
                                   + SamplerKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let prunerKind = PrunerKind(rawValue: definition.prune) else {
            throw StorageError(.invalidRecord, "the study \(definition.name) names an unknown pruner '\(definition.prune)'",
                               hint: "it was stored by a newer HyperLab; known pruners: "
                                   + PrunerKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var baseline: TrialParameters?
        if definition.baseline || samplerKind == .around {
            let base = try definition.baseConfiguration()
            baseline = TrialParameters(space.names.compactMap { name in base.value(name).map { (name, $0) } })
        }
        let sampler: any Sampler
        do {
            sampler = try samplerKind.sampler(space: space, baseline: baseline, settings: definition.samplerSettings)
        } catch {
            throw StorageError(.invalidRecord, "the stored search space of \(definition.name) is not a grid: \(error.message)")
        }
        var settings = definition.prunerSettings ?? [:]
        let maximum = PrunerKind.maximumEpochsSetting
        if prunerKind.budgetsEpochs, settings[maximum] == nil, let epochs = definition.configuration["epochs"] { settings[maximum] = epochs }
        let pruner = try prunerKind.pruner(settings: settings)
        self.init(space: space, sampler: prunerKind.sampler(sampler, of: samplerKind, with: pruner), pruner: pruner,
                  direction: definition.direction,
                  seed: definition.seed, trials: definition.trialCount, lag: definition.lag ?? Study.defaultLag)
        objectives = definition.objectives ?? []
    }
}
