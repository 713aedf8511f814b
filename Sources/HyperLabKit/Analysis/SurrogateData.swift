/// Trials checked and laid out for growing regression trees: one column per parameter.
///
/// Invariants: at least 2 trials and 1 parameter; every value finite and not all equal;
/// continuous coordinates in [0, 1] (values within 1e-9 of the box are clamped onto it);
/// categorical coordinates whole numbers in `0..<count`.
struct SurrogateData: Sendable {
    /// The number of trials (rows).
    let count: Int
    /// The kind of each parameter (column).
    let kinds: [ImportanceInputKind]
    /// Column-major coordinates: parameter `j` of trial `i` is `columns[j * count + i]`.
    let columns: [Double]
    /// The metric of each trial.
    let values: [Double]

    /// Checks the caller's rows; `names` label parameters in messages (nil: "parameter 1", ...).
    init(inputs: [[Double]], kinds: [ImportanceInputKind], values: [Double], names: [String]?) throws(AnalysisError) {
        if kinds.isEmpty { throw .noParameters }
        if let names, names.count != kinds.count {
            throw .mismatchedCounts(what: "parameter names", expected: kinds.count, found: names.count)
        }
        if values.count != inputs.count {
            throw .mismatchedCounts(what: "metric values (one per trial)", expected: inputs.count, found: values.count)
        }
        if inputs.count < 2 { throw .tooFewTrials(count: inputs.count) }
        func name(_ j: Int) -> String { names?[j] ?? "parameter \(j + 1)" }
        for (j, kind) in kinds.enumerated() {
            if let k = kind.categoryCount, k < 1 { throw .noCategories(parameter: name(j)) }
        }
        let n = inputs.count, d = kinds.count
        var columns = [Double](repeating: 0, count: n * d)
        for (i, row) in inputs.enumerated() {
            if row.count != d {
                throw .mismatchedCounts(what: "parameter values in trial \(i + 1)", expected: d, found: row.count)
            }
            for j in 0..<d {
                var x = row[j]
                if !x.isFinite { throw .nonFiniteInput(trial: i, parameter: name(j)) }
                switch kinds[j] {
                case .continuous:
                    if x < -1e-9 || x > 1 + 1e-9 { throw .outsideUnitInterval(trial: i, parameter: name(j), value: x) }
                    x = Swift.min(Swift.max(x, 0), 1)
                case .categorical(let k):
                    if x < 0 || x > Double(k - 1) || x.rounded() != x {
                        throw .invalidCategory(trial: i, parameter: name(j), value: x, count: k)
                    }
                }
                columns[j * n + i] = x
            }
        }
        for (i, v) in values.enumerated() where !v.isFinite { throw .nonFiniteValue(trial: i) }
        if values.allSatisfy({ $0 == values[0] }) { throw .constantMetric }
        self.count = n
        self.kinds = kinds
        self.columns = columns
        self.values = values
    }

    /// Parameter `j` of trial `i`.
    @inline(__always) func coordinate(_ i: Int, _ j: Int) -> Double { columns[j * count + i] }
}
