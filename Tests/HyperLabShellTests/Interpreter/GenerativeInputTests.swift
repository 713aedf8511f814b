import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Thousands of random and mutated command lines (seeded, reproducible): none crashes the
/// interpreter, each ends in a result or an error, and an error leaves the workbench unchanged.
@Suite struct GenerativeInputTests {
    /// Valid lines to mutate: every command of the catalogue with typical options. Kept cheap:
    /// no training (the point is the language, not the engine).
    static let seeds = [
        "load iris", "load moons n=50 noise=0.2 seed=3", "load \"flowers.csv\" target=species",
        "split train=0.6 dev=0.2 test=0.2 seed=1", "split train=0.5 dev=0.25 test=0.25 stratify=yes",
        "model mlp hidden=[8, 4] activation=tanh dropout=0.1", "model linear", "model mlp layers=2 units=8",
        "optimizer adam lr=0.01 beta1=0.85", "optimizer momentum momentum=0.5 weight_decay=1e-4",
        "schedule cosine warmup=2", "schedule step step=3 gamma=0.5", "set lr=0.1 epochs=3 batch=8",
        "show data", "show config", "datasets", "help", "help split", "history", "runs",
        "say \"hello\"", "pause", "reset", "plot curve", "plot boundary", "set seed=4 patience=2",
    ]

    static let fragments = [
        "=", "[", "]", "(", ")", ",", ";", "\"", "\\", "#", "<", ">=", "-", "1e-3", "0", "-1", "1e309", "nan",
        "yes", "no", "lr", "epochs", "hidden", "relu", "adam", "iris", "train", "split", "log(1,2)", "[1,[2]]",
        "  ", "\t", "é", "🙂", "x=", "=y", "999999999999999999999", "0.5", "data", "config", "run", "7",
    ]

    /// One random line: a seed mutated by deleting, duplicating, inserting or replacing pieces,
    /// or a line of random fragments.
    static func line(_ rng: inout SeededGenerator) -> String {
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        if rng.next() % 4 == 0 {
            return (0..<Int(rng.next() % 8)).map { _ in pick(fragments) }.joined(separator: rng.next() % 2 == 0 ? " " : "")
        }
        var chars = Array(pick(seeds))
        for _ in 0..<Int(rng.next() % 4) {
            let position = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count + 1))
            switch rng.next() % 4 {
            case 0 where !chars.isEmpty:
                let end = min(chars.count, position + Int(1 + rng.next() % 4))
                if position < end { chars.removeSubrange(position..<end) }
            case 1:
                chars.insert(contentsOf: Array(pick(fragments)), at: min(position, chars.count))
            case 2 where !chars.isEmpty:
                let index = min(position, chars.count - 1)
                chars[index] = pick(Array("=[](),;\"\\#<>-.e0123456789 abcxyz"))
            default:
                chars.insert(contentsOf: Array(" " + pick(seeds)), at: chars.count)
            }
        }
        return String(chars)
    }

    /// A fingerprint of everything a command may change.
    static func state(_ shell: Shell) -> String {
        let bench = shell.workbench
        return [bench.dataset.map { "\($0.name) \($0.rowCount)" } ?? "-",
                bench.split.map { "\($0.trainIndices.count) \($0.devIndices.count) \($0.testLooks)" } ?? "-",
                "\(bench.configuration.hashValue)", "\(bench.runs.count)", "\(shell.recorded.count)"].joined(separator: "|")
    }

    @Test func tenThousandLinesNeverCrashAndErrorsChangeNothing() throws {
        let transcript = try Transcript(echo: false)
        let shell = transcript.shell
        var rng = SeededGenerator(seed: 20_261_129)
        var outcomes = [RunOutcome: Int]()
        var executed = 0
        while executed < 10_000 {
            if executed % 500 == 0 { _ = shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2") }
            let text = Self.line(&rng)
            let names = (try? Parser.parse(text))?.map(\.name) ?? []
            if names.contains(where: ["train", "evaluate", "replay", "save", "quit", "exit"].contains) {
                continue  // slow, file-writing or ending commands are covered by their own tests
            }
            executed += 1
            let before = Self.state(shell)
            let configBefore = shell.workbench.configuration
            let outcome = shell.run(text)
            outcomes[outcome, default: 0] += 1
            if outcome == .failed, !text.contains(";"), !text.contains("\n") {
                // A single failing command must leave the workbench exactly as it was.
                #expect(Self.state(shell) == before, "state changed by failing line: \(text)")
                #expect(shell.workbench.configuration == configBefore, "configuration changed by: \(text)")
            }
        }
        #expect((outcomes[.failed] ?? 0) > 1_000)
        #expect((outcomes[.completed] ?? 0) > 1_000)
    }
}
