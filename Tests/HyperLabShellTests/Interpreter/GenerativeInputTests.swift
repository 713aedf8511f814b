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
        // Depth and magnitude: past the parser's nesting limit, past what a whole number holds.
        "int(1,1e19)", "intlog(1,1e300)", "int(-1e19,1)", String(repeating: "[", count: 100),
        String(repeating: "log(", count: 70), String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
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

    /// Lines at the edges the mutations rarely reach: nesting thousands deep, bounds far past
    /// what a whole number holds, in every sweep and for every integer key (seeded, reproducible).
    static func edgeLines(count: Int) -> [String] {
        var rng = SeededGenerator(seed: 20_261_204)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        let integerKeys = ParameterCatalog.all.filter { if case .integer = $0.kind { true } else { false } }.map(\.name)
        var lines = ["sweep random n=5 units=int(1,1e19)", "sweep random n=5 units=int(-1e19,1)",
                     "sweep random n=5 units=intlog(1,1e300)", "sweep grid units=[1, 1e19]", "set units=1e19"]
        while lines.count < count {
            let depth = pick([65, 100, 1_000, 8_000, 10_000])
            switch rng.next() % 5 {
            case 0:
                let magnitude = "\(pick(["", "-"]))1e\(15 + Int(rng.next() % 294))"
                let bounds = rng.next() % 2 == 0 ? "1,\(magnitude)" : "\(magnitude),1"
                lines.append("sweep \(pick(["random", "sobol", "tpe", "bayes", "grid"])) n=3 \(pick(integerKeys))=\(pick(["int", "intlog"]))(\(bounds))")
            case 1:
                lines.append("set hidden=" + String(repeating: "[", count: depth) + "8" + String(repeating: "]", count: depth))
            case 2:
                lines.append("sweep random n=3 lr=" + String(repeating: pick(["[", "log(", "choice("]), count: depth))
            case 3:
                lines.append("model mlp hidden=" + String(repeating: "[", count: depth))
            default:
                lines.append("sweep around n=3 lr=" + String(repeating: "near(", count: depth) + "3" + String(repeating: ")", count: depth))
            }
        }
        return lines
    }

    @Test func linesNestedThousandsDeepOrWithHugeBoundsEndInAPositionedError() throws {
        let transcript = try Transcript(echo: false)
        let shell = transcript.shell
        _ = shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2\nset epochs=1")
        for line in Self.edgeLines(count: 60) {
            let before = Self.state(shell)
            let start = transcript.output.text.count
            #expect(shell.run(line) == .failed, "\(line.prefix(80))")
            let error = String(transcript.output.text.dropFirst(start))
            #expect(error.contains("^"), "no caret for \(line.prefix(80)):\n\(error.prefix(400))")
            #expect(Self.state(shell) == before, "state changed by \(line.prefix(80))")
        }
    }
}
