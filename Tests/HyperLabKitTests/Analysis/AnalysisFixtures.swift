@testable import HyperLabKit

/// Seeded trials for the importance tests: uniform coordinates in the box and a metric.
enum AnalysisFixtures {
    /// `count` rows drawn uniformly from the box of `kinds` (continuous in [0, 1),
    /// categories equally likely), and `metric` of each row.
    static func trials(_ count: Int, kinds: [ImportanceInputKind], seed: Int = 11,
                       metric: ([Double]) -> Double) -> (inputs: [[Double]], values: [Double]) {
        var rng = SeededGenerator(seed: seed)
        let inputs = (0..<count).map { _ in
            kinds.map { kind in
                kind.categoryCount.map { Double(Int.random(in: 0..<$0, using: &rng)) } ?? rng.nextUnit()
            }
        }
        return (inputs, inputs.map(metric))
    }

    /// Names x0, x1, … for `count` parameters.
    static func names(_ count: Int) -> [String] { (0..<count).map { "x\($0)" } }

    /// `count` continuous kinds.
    static func continuous(_ count: Int) -> [ImportanceInputKind] { Array(repeating: .continuous, count: count) }
}

extension Array where Element == ImportanceEntry {
    /// The entry named `name`.
    func named(_ name: String) -> ImportanceEntry? { first { $0.name == name } }
}
