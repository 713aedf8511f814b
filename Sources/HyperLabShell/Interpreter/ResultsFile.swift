import Foundation
import HyperLabKit

/// A sweep's trials as CSV or JSON, in the columns LANGUAGE.md promises: `trial`, `state`, one
/// column per swept key, one per metric (with `_sd` beside it under repeats), `seed`, `seconds`;
/// JSON adds the per-epoch dev metric. A multi-objective sweep lists its metrics first and adds
/// `pareto`: 1 for a trial on the Pareto front, else 0 (last in CSV; in each trial in JSON).
/// Its `seconds` metric, when listed, is the `seconds` column.
enum ResultsFile {
    /// The metric columns: every metric any trial reported, the sweep's metric first, `_sd` beside each.
    static func metricColumns(_ sweep: SweepRecord) -> [String] {
        let names = Set(sweep.trials.flatMap(\.metrics.keys)).filter { !$0.hasSuffix("_sd") && $0 != "seconds" }
        let lead = sweep.isMultiObjective ? sweep.objectives.map(\.name).filter { $0 != "seconds" } : [sweep.metric]
        let ordered = lead + names.filter { !lead.contains($0) }.sorted()
        let hasSD = sweep.trials.contains { !$0.metrics.keys.filter { $0.hasSuffix("_sd") }.isEmpty }
        return ordered.flatMap { hasSD ? [$0, $0 + "_sd"] : [$0] }
    }

    /// The CSV text.
    static func csv(_ sweep: SweepRecord) -> String {
        let keys = sweep.space.names
        let metrics = metricColumns(sweep)
        let front: Set<Int>? = sweep.isMultiObjective ? Set(sweep.paretoFront.map(\.number)) : nil
        var lines = [(["trial", "state"] + keys + metrics + ["seed", "seconds"] + (front == nil ? [] : ["pareto"]))
            .map(field).joined(separator: ",")]
        for trial in sweep.trials {
            var row = [String(trial.number), trial.state.rawValue]
            row += keys.map { trial.parameters[$0]?.description ?? "" }
            row += metrics.map { trial.metrics[$0].map(number) ?? "" }
            row += [String(trial.seed), number(trial.seconds)]
            if let front { row.append(front.contains(trial.number) ? "1" : "0") }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON text: the sweep's settings and every trial with its per-epoch dev metric (null
    /// for an epoch whose value is not finite, which JSON cannot hold); nil only if Foundation
    /// refuses the document, so a caller never writes a file that lost its trials.
    static func json(_ sweep: SweepRecord) -> String? {
        var trials: [[String: Any]] = []
        let front: Set<Int>? = sweep.isMultiObjective ? Set(sweep.paretoFront.map(\.number)) : nil
        for trial in sweep.trials {
            var entry: [String: Any] = ["trial": trial.number, "state": trial.state.rawValue, "seed": trial.seed,
                                        "seconds": trial.seconds]
            var parameters: [String: Any] = [:]
            for (name, value) in trial.parameters { parameters[name] = jsonValue(value) }
            entry["parameters"] = parameters
            entry["metrics"] = trial.metrics.filter { $0.value.isFinite }
            entry["per_epoch"] = [sweep.metric: trial.curve.map {
                ["epoch": $0.step, "value": $0.value.isFinite ? $0.value as Any : NSNull()] as [String: Any]
            }]
            if let failure = trial.failure { entry["failure"] = failure }
            if let front { entry["pareto"] = front.contains(trial.number) ? 1 : 0 }
            trials.append(entry)
        }
        var document: [String: Any] = [
            "sweep": sweep.name, "sampler": sweep.sampler, "dataset": sweep.datasetName, "metric": sweep.metric,
            "direction": sweep.direction == .maximize ? "maximize" : "minimize", "seed": sweep.seed,
            "repeats": sweep.repeats, "prune": sweep.prune,
            "space": Dictionary(uniqueKeysWithValues: sweep.space.parameters.map { ($0.name, $0.distribution.description) }),
            "best_trial": sweep.best.map { $0.number } as Any, "trials": trials,
        ]
        if let front {
            document["objectives"] = sweep.objectives.map { ["metric": $0.name, "direction": $0.direction.rawValue] }
            document["pareto_front"] = front.sorted()
        }
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return text + "\n"
    }

    private static func jsonValue(_ value: ParameterValue) -> Any {
        switch value {
        case .real(let x): x
        case .integer(let n): n
        case .word(let w): w
        case .integers(let l): l
        }
    }

    private static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
