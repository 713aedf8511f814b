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
                bench.partitioning?.holdout.map { "\($0.trainIndices.count) \($0.devIndices.count) \($0.testLooks)" } ?? "-",
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

    /// Runs `line` in the transcript's shell: its outcome and what it printed.
    static func run(_ line: String, in transcript: Transcript) -> (RunOutcome, String) {
        let start = transcript.output.text.utf8.count
        let outcome = transcript.shell.run(line)
        return (outcome, String(decoding: transcript.output.text.utf8.dropFirst(start), as: UTF8.self))
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
                lines.append("sweep \(pick(["random", "sobol", "tpe", "bayes", "cmaes", "grid"])) n=3 \(pick(integerKeys))=\(pick(["int", "intlog"]))(\(bounds))")
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
            let (outcome, error) = Self.run(line, in: transcript)
            #expect(outcome == .failed, "\(line.prefix(80))")
            #expect(error.contains("^"), "no caret for \(line.prefix(80)):\n\(error.prefix(400))")
            #expect(Self.state(shell) == before, "state changed by \(line.prefix(80))")
        }
    }

    /// Numbers at the edges: past what a whole number or a Double holds, tiny, not numbers at all.
    static let magnitudes = ["1e19", "-1e19", "1e300", "1e-320", "nan", "inf", "0x10", "9999999999999999999",
                             "9223372036854775807", "-9223372036854775808", "1e309", "-0"]

    /// Whether a value of `kind` is a number (or holds numbers: a list, a distribution).
    static func isNumeric(_ kind: ValueKind) -> Bool {
        switch kind {
        case .integer, .real, .number, .freeSweep: return true
        case .parameter(let key), .sweep(let key):
            switch ParameterCatalog.spec(key)?.kind {
            case .integer?, .real?, .integerList?: return true
            default: return false
            }
        default: return false
        }
    }

    /// A command's example made cheap to run: two trials (of a grid too), an epoch, two seeds.
    static func cheap(_ example: String) -> String {
        var line = example
        for (key, value) in [("epochs", "1"), ("n", "2"), ("repeats", "2"), ("top", "2")] {
            line = line.replacingOccurrences(of: " \(key)=[0-9]+", with: " \(key)=\(value)", options: .regularExpression)
        }
        return line.hasPrefix("sweep grid") ? line + " n=2" : line
    }

    /// `line` with option `key` set to `value`: its value replaced, or the option added.
    static func setting(_ key: String, to value: String, in line: String) -> String {
        let pattern = "(^| )\(key)=[^ ]+"
        if line.range(of: pattern, options: .regularExpression) != nil {
            return line.replacingOccurrences(of: pattern, with: "$1\(key)=\(value)", options: .regularExpression)
        }
        return line + " \(key)=\(value)"
    }

    /// Lines that put every extreme magnitude in every numeric position of `spec`: each number of
    /// its example, each numeric option (for sweeps bare, in a list and as a distribution's
    /// bound), each whole-number argument; and the same positions nested far past the limit.
    static func magnitudeLines(_ spec: CommandSpec) -> [String] {
        let example = cheap(spec.example)
        var lines: [String] = []
        let numbers = ((try? Lexer(example).tokens()) ?? []).filter { if case .number = $0.kind { true } else { false } }
        for token in numbers {
            let chars = Array(example)
            let before = String(chars[..<(token.span.column - 1)])
            let after = String(chars[(token.span.column - 1 + token.span.length)...])
            lines += magnitudes.map { before + $0 + after }
            lines.append(before + String(repeating: "[", count: 1_000) + "1" + String(repeating: "]", count: 1_000) + after)
        }
        let keys = spec.optionKeys.filter { key in spec.option(key).map { isNumeric($0.kind) } ?? false }
        for key in keys {
            let sweeps = spec.sweepsParameters
            for (index, magnitude) in magnitudes.enumerated() {
                lines.append(setting(key, to: magnitude, in: example))
                let forms = sweeps ? ["[\(magnitude)]", "int(\(magnitude),1)", "log(1,\(magnitude))", "uniform(\(magnitude),\(magnitude))"]
                                   : ["[\(magnitude)]"]
                lines.append(setting(key, to: forms[index % forms.count], in: example))
            }
            lines.append(setting(key, to: String(repeating: "log(", count: 10_000), in: example))
        }
        for (index, argument) in spec.arguments.enumerated() {
            guard case .integer = argument.kind else { continue }
            // A choice before it (plot curve run|trial N) takes its first word.
            let words = spec.arguments[..<index].compactMap { earlier -> String? in
                if case .choice(let choices) = earlier.kind { choices.first } else { nil }
            }
            lines += magnitudes.map { ([spec.title] + words + [$0]).joined(separator: " ") }
        }
        return lines
    }

    /// Quotes and continuations thousands deep: escaped quotes in a string, runs of quotes, a
    /// command continued over thousands of lines, continuation lines with nothing on them.
    static let quoteAndContinuationLines: [String] = [65, 1_000, 10_000].flatMap { depth -> [String] in
        let escapedQuotes = String(repeating: "\\\"", count: depth)
        let quotes = String(repeating: "\"", count: depth)
        let backslashes = String(repeating: "\\", count: depth)
        let continuedOptions = String(repeating: "lr=0.01 \\\n", count: depth)
        let emptyContinuations = String(repeating: "\\\n", count: depth)
        let continuedCalls = String(repeating: "log(1e-3, \\\n", count: depth)
        return ["say \"" + escapedQuotes + "\"", "say " + quotes, "say " + quotes + "\"", "say \"" + backslashes,
                "set lr=0.1 \\\n" + continuedOptions + "epochs=2", "say \\\n" + emptyContinuations + "\"continued\"",
                "sweep random n=2 lr=" + continuedCalls + "1)"]
    }

    @Test func extremeMagnitudesInEveryNumericPositionOfEveryCommandEndInAResultOrAPositionedError() throws {
        var checked = 0
        for spec in CommandCatalog.all where !["quit", "exit"].contains(spec.name) {
            let transcript = try Transcript(echo: false)
            let shell = transcript.shell
            _ = shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nset epochs=1\n"
                          + "sweep random n=3 lr=log(1e-3, 1e-1) epochs=1 seed=1\ntrain")
            for line in Self.magnitudeLines(spec) {
                let before = Self.state(shell)
                let (outcome, error) = Self.run(line, in: transcript)
                checked += 1
                guard outcome == .failed else {
                    #expect(outcome == .completed, "\(line.prefix(120))")
                    continue
                }
                #expect(error.contains("^"), "no caret for \(line.prefix(120)):\n\(error.prefix(400))")
                #expect(Self.state(shell) == before, "state changed by \(line.prefix(120))")
            }
        }
        #expect(checked > 2_000)
    }

    @Test func quotesAndContinuationsThousandsDeepEndInAResultOrAPositionedError() throws {
        let transcript = try Transcript(echo: false)
        let shell = transcript.shell
        _ = shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2\nset epochs=1")
        var outcomes = [RunOutcome: Int]()
        for line in Self.quoteAndContinuationLines {
            let before = Self.state(shell)
            let (outcome, error) = Self.run(line, in: transcript)
            outcomes[outcome, default: 0] += 1
            if outcome == .failed {
                #expect(error.contains("^"), "no caret for \(line.prefix(80)):\n\(error.prefix(400))")
                #expect(Self.state(shell) == before, "state changed by \(line.prefix(80))")
            } else {
                #expect(outcome == .completed)
            }
        }
        // Both ends are reached: escaped quotes make a valid string, an odd run of quotes does not.
        #expect(outcomes[.completed, default: 0] > 0 && outcomes[.failed, default: 0] > 0)
    }
}
