import HyperLabKit

/// A sweep's pruner settings (`eta=`, `min_epochs=` of `prune=hyperband`: whatever the pruner's
/// `RegisteredPruner.settings` declare), checked against the sweep and turned into the text the
/// store keeps, so a resumed or distributed study rebuilds the same pruner.
extension Shell {
    /// The settings of `prune` from the command, each given or its default, plus the trials'
    /// epochs (`max_epochs`) for a pruner that budgets epochs; empty for a pruner without settings.
    /// - Throws: `InputError` at the option for a setting of another pruner, a swept `epochs`
    ///   under a pruner that budgets epochs, or a setting in epochs above the epochs.
    static func pruneSettings(_ command: BoundCommand, prune: PrunerKind, space: SearchSpace,
                              base: Configuration) throws(InputError) -> [String: String] {
        for owner in PrunerKind.allCases where owner != prune {
            for setting in owner.settings where command.option(setting.name) != nil
                && !prune.settings.contains(where: { $0.name == setting.name }) {
                let key = setting.name
                throw InputError("\(key)= is a setting of prune=\(owner.rawValue)", at: command.span(ofOption: key),
                                 hint: prune == .none ? "\(command.option("prune") == nil ? "add" : "use") prune=\(owner.rawValue), or leave \(key)= out"
                                    : "prune=\(prune.rawValue) takes no settings: use prune=\(owner.rawValue), or leave \(key)= out")
            }
        }
        var stored: [String: String] = [:]
        var maximum: Int?
        if prune.budgetsEpochs {
            if space.names.contains("epochs") {
                throw InputError("prune=\(prune.rawValue) spends its budget in epochs, so epochs cannot be swept",
                                 at: command.span(ofOption: "epochs"),
                                 hint: "give epochs one value, the most any trial trains (the largest budget, R): epochs=81")
            }
            let epochs: Int = if case .parameter(.integer(let epochs))? = command.option("epochs") { epochs } else { base.epochs }
            stored[PrunerKind.maximumEpochsSetting] = "\(epochs)"
            maximum = epochs
        }
        for setting in prune.settings {
            let value = command.integer(setting.name)
            if setting.countsEpochs, let maximum, value > maximum {
                throw InputError("\(setting.name)=\(value) is more than the \(maximum) epochs a trial trains",
                                 at: command.span(ofOption: setting.name),
                                 hint: "the first rung must come before the last epoch: lower \(setting.name)= or raise epochs=")
            }
            stored[setting.name] = "\(value)"
        }
        return stored
    }
}
