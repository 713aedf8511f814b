import HyperLabKit

/// What a sweep will hold in memory at its peak, estimated before it starts, so a plan the
/// machine cannot hold is refused with a hint instead of swapping or being killed.
///
/// Two parts: every trial's record (parameters, metrics, curve), measured at about 4 KB a trial
/// once the training buffers' free pages go back to the system (`FreeMemory`), and the trainings
/// running at once, each holding its network's parameters, gradients, Adam's two moments and the
/// best epoch's checkpoint, plus a batch's activations and deltas and the dev part's outputs. For
/// the network the largest value of every swept size (units, layers, hidden, batch) is taken.
struct SweepMemoryEstimate {
    /// The bytes one finished trial keeps.
    static let bytesPerTrialRecord = 4_096

    /// The estimated peak, in bytes.
    let bytes: Int
    /// The bytes of one training at the largest swept sizes (0 for an objective command).
    let bytesPerTraining: Int

    /// The estimate of `plan`, whose trials train on `parts` (none for an objective command).
    init(plan: Shell.SweepPlan, parts: [ScoringParts.Part]) {
        var training = 0
        if let part = parts.first {
            var largest = plan.base
            for parameter in plan.space.parameters where ["units", "layers", "hidden", "batch"].contains(parameter.name) {
                if let top = SweepMemoryEstimate.largest(parameter.distribution) {
                    try? largest.set(parameter.name, top, origin: .command("sweep"))
                }
            }
            let classes = if case .classes(_, let count) = part.train.targets { count } else { 1 }
            if let architecture = try? Architecture(configuration: largest, inputs: part.train.featureCount,
                                                    task: part.train.task, classes: classes) {
                let widths = architecture.layerSizes
                let floats = 5 * architecture.parameterCount
                    + 3 * largest.batch * widths.reduce(0, +)
                    + part.dev.count * (widths.max() ?? 1)
                training = 4 * floats
            }
        }
        bytesPerTraining = training
        let running = min(max(plan.parallel, 1), max(plan.total, 1))
        bytes = plan.total * SweepMemoryEstimate.bytesPerTrialRecord + running * training
    }

    /// The largest value a size distribution takes, as a configuration value.
    private static func largest(_ distribution: Distribution) -> ParameterValue? {
        switch distribution.kind {
        case let .int(_, b), let .intLog(_, b): return .integer(b)
        case .choice(let values):
            func size(_ value: ParameterValue) -> Double {
                if case .integers(let widths) = value { return Double(widths.reduce(0, +)) }
                return value.asReal ?? 0
            }
            return values.max { size($0) < size($1) }
        default: return nil
        }
    }

    /// "4.73 GB", "410 MB", "90.5 KB": a byte count as a person reads it.
    static func text(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return NumberFormat.metric(value / 1e9) + " GB" }
        if value >= 1e6 { return NumberFormat.metric(value / 1e6) + " MB" }
        return NumberFormat.metric(value / 1e3) + " KB"
    }
}
