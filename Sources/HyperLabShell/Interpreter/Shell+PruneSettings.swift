import HyperLabKit

/// A sweep's pruner settings (`eta=`, `min_epochs=` for `prune=hyperband`), checked against the
/// sweep and turned into the text the store keeps, so a resumed or distributed study rebuilds
/// the same pruner.
extension Shell {
    /// The settings of `prune` from the command: for Hyperband η, r = `min_epochs` and R = the
    /// trials' epochs (`max_epochs`), all three stored; empty for the other pruners.
    /// - Throws: `InputError` at the option for a setting the pruner does not take, a swept
    ///   `epochs`, or `min_epochs` above the epochs.
    static func pruneSettings(_ command: BoundCommand, prune: PrunerKind, space: SearchSpace,
                              base: Configuration) throws(InputError) -> [String: String] {
        for key in ["eta", "min_epochs"] where command.option(key) != nil && prune.settingRanges[key] == nil {
            throw InputError("\(key)= is a setting of prune=hyperband", at: command.span(ofOption: key),
                             hint: prune == .none ? "add prune=hyperband, or leave \(key)= out"
                                : "prune=\(prune.rawValue) takes no settings: use prune=hyperband, or leave \(key)= out")
        }
        guard prune == .hyperband else { return [:] }
        if space.names.contains("epochs") {
            throw InputError("prune=hyperband spends its budget in epochs, so epochs cannot be swept",
                             at: command.span(ofOption: "epochs"),
                             hint: "give epochs one value, the most any trial trains (Hyperband's R): epochs=81")
        }
        let maximum: Int = if case .parameter(.integer(let epochs))? = command.option("epochs") { epochs } else { base.epochs }
        let minimum = command.integer("min_epochs")
        if minimum > maximum {
            throw InputError("min_epochs=\(minimum) is more than the \(maximum) epochs a trial trains",
                             at: command.span(ofOption: "min_epochs"),
                             hint: "the first rung must come before the last epoch: lower min_epochs= or raise epochs=")
        }
        return ["eta": "\(command.integer("eta"))", "min_epochs": "\(minimum)", "max_epochs": "\(maximum)"]
    }
}
