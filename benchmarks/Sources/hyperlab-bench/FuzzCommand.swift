import Foundation
import HyperLabFuzz

/// `hyperlab-bench fuzz`: a fuzz pass of mutated command lines through the `hyperlab` binary
/// (`HyperLabFuzz`), with a summary in result lines and a reproducer file per crash or hang.
enum FuzzCommand {
    static let usage = """
        hyperlab-bench fuzz --binary PATH [--lines N] [--seed S] [--batch N] [--timeout SECONDS] [--jobs N] [--out DIR] [--root DIR]
        hyperlab-bench fuzz --print-batch K [--seed S] [--batch N] [--root DIR]
            mutated command lines (default 100000, seed 20261204) through the hyperlab binary in batches
            of --batch lines (default 500) per process, --jobs at once (default 2); a crash or a batch
            running past --timeout (default 120 s) is reduced to a reproducer in --out (default
            fuzz-reproducers); --root is the checkout whose tutorials and golden scripts are mutated
            (default: the working directory). Exit status 1 when anything crashed or hung.
            --print-batch K writes batch K's script (from 0) to standard output instead, to run by hand.
        """

    /// Runs the pass; true when nothing crashed or hung.
    static func run(_ arguments: [String]) throws(BenchError) -> Bool {
        var binary: String?
        var lines = 100_000
        var seed: UInt64 = 20_261_204
        var batch = 500
        var timeout = 120.0
        var jobs = 2
        var out = "fuzz-reproducers"
        var root = FileManager.default.currentDirectoryPath
        var printBatch: Int?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw .usage("\(option) needs a value\n" + usage) }
            switch option {
            case "--binary": binary = value
            case "--lines": lines = try number(value, option, 1...100_000_000)
            case "--seed":
                guard let parsed = UInt64(value) else { throw .usage("--seed takes a whole number ≥ 0") }
                seed = parsed
            case "--batch": batch = try number(value, option, 1...100_000)
            case "--timeout": timeout = Double(try number(value, option, 1...86_400))
            case "--jobs": jobs = try number(value, option, 1...256)
            case "--out": out = value
            case "--root": root = value
            case "--print-batch": printBatch = try number(value, option, 0...Int(Int32.max))
            default: throw .usage("unknown option '\(option)' for fuzz\n" + usage)
            }
        }
        let corpus: FuzzCorpus
        do {
            corpus = try FuzzCorpus(root: URL(fileURLWithPath: root))
        } catch {
            throw .file(path: root, why: "cannot read the tutorials and golden scripts to mutate (\(error.localizedDescription)); give the checkout with --root")
        }
        if let printBatch {
            let batch = FuzzBatch(index: printBatch, count: batch, seed: seed, mutator: FuzzMutator(corpus: corpus))
            FileHandle.standardOutput.write(Data(FuzzBatch.script(prelude: batch.prelude, lines: batch.lines)))
            return true
        }
        guard let binary else { throw .usage("fuzz needs --binary PATH (the hyperlab executable)\n" + usage) }
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw .file(path: binary, why: "not an executable file (build it with swift build -c release --product hyperlab)")
        }
        var settings = FuzzCampaign.Settings(binary: binary, lines: lines)
        settings.seed = seed
        settings.batchSize = batch
        settings.timeout = timeout
        settings.jobs = jobs
        settings.reproducerFolder = URL(fileURLWithPath: out)
        print("# fuzz: \(lines) lines from \(corpus.lines.count) corpus lines, seed \(seed), \(batch) per batch, \(jobs) at once, timeout \(Int(timeout)) s")
        let summary: FuzzCampaign.Summary
        do {
            summary = try FuzzCampaign(settings: settings, corpus: corpus).run { message in
                FileHandle.standardError.write(Data(("# " + message + "\n").utf8))
            }
        } catch {
            throw .file(path: binary, why: "could not run the fuzz batches: \(error)")
        }
        for (reproducer, file) in zip(summary.reproducers, summary.reproducerFiles) {
            print("# \(reproducer.verdict == .hung ? "hang" : "crash"): \(file.path)")
            for line in reproducer.errorTail.split(separator: "\n") { print("#   \(line)") }
        }
        print("hyperlab fuzz lines \(summary.lines)")
        print("hyperlab fuzz batches \(summary.batches)")
        print("hyperlab fuzz crashes \(summary.crashes)")
        print("hyperlab fuzz hangs \(summary.hangs)")
        print("hyperlab fuzz seconds \(String(format: "%.1f", summary.seconds))")
        return summary.crashes == 0 && summary.hangs == 0
    }

    private static func number(_ text: String, _ option: String, _ range: ClosedRange<Int>) throws(BenchError) -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw .usage("\(option) takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
