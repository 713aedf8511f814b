import HyperLabKit

/// One batch of a fuzz pass: a few valid lines that set up a workbench (a dataset, a split,
/// cheap training settings, a finished sweep), then the mutated lines.
///
/// Batch `index` of seed `seed` is the same on every run, whatever the other batches are.
public struct FuzzBatch: Sendable {
    /// The batch's number in its pass.
    public let index: Int
    /// The set-up lines, valid and cheap.
    public let prelude: [[UInt8]]
    /// The mutated lines.
    public let lines: [[UInt8]]

    /// Set-ups to start from: every kind of dataset the shell loads (classes, numbers, a CSV
    /// file, 2-D points, cross-validation), each with a finished sweep for results and plots.
    static let preludes = [
        ["load iris", "split train=0.6 dev=0.2 test=0.2 seed=1"],
        ["load moons n=200 noise=0.2 seed=3", "split train=0.6 dev=0.2 test=0.2 seed=2"],
        ["load diabetes", "split train=0.6 dev=0.2 test=0.2 seed=1"],
        ["load \"flowers.csv\" target=species", "split train=0.5 dev=0.25 test=0.25 seed=1"],
        ["load wine", "split cv=3 test=0.2 seed=1"],
        ["load xor n=100 seed=1", "split train=0.6 dev=0.2 test=0.2"],
    ].map { $0 + ["set epochs=2", "sweep random n=3 lr=log(1e-3, 1e-1) units=intlog(4, 32) epochs=1 seed=1", "train"] }

    /// Batch `index` of the pass with `seed`: `count` lines from `mutator`, each within `FuzzBudget`.
    public init(index: Int, count: Int, seed: UInt64, mutator: FuzzMutator) {
        self.index = index
        var rng = SeededGenerator(seed: seed).derived("fuzz batch \(index)")
        prelude = rng.pick(Self.preludes).map { Array($0.utf8) }
        var lines: [[UInt8]] = []
        while lines.count < count {
            let line = FuzzBudget.bounded(mutator.line(&rng))
            if FuzzCorpus.isAllowed(String(decoding: line, as: UTF8.self)) { lines.append(line) }
        }
        self.lines = lines
    }

    /// A batch of given lines (a test's, or one read back).
    public init(index: Int, prelude: [[UInt8]], lines: [[UInt8]]) {
        self.index = index
        self.prelude = prelude
        self.lines = lines
    }

    /// The script of the prelude and `lines` (a subset of the batch's lines, for reducing).
    public static func script(prelude: [[UInt8]], lines: [[UInt8]]) -> [UInt8] {
        Array((prelude + lines).map { $0 + [0x0A] }.joined())
    }
}
