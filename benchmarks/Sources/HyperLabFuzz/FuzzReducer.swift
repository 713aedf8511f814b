import Foundation

/// The smallest script found that still crashes (or hangs) the binary.
public struct FuzzReproducer: Sendable {
    /// The batch it came from.
    public let batch: Int
    /// The number (from 1) of the faulty line among the batch's mutated lines.
    public let lineNumber: Int
    /// How the runs ended.
    public let verdict: FuzzVerdict
    /// The lines that reproduce it: set-up lines still needed, then the faulty line, last.
    public let lines: [[UInt8]]
    /// The end of standard error of the run of `lines`.
    public let errorTail: String

    /// The reproducer as a script, with a header saying where it came from and how to run it.
    public func script(seed: UInt64) -> [UInt8] {
        let what = switch verdict {
        case .crashed(let how): "crashed: \(how)"
        case .hung: "hung"
        case .survived: "survived"
        }
        let header = """
            # hyperlab fuzz reproducer: seed \(seed), batch \(batch), line \(lineNumber) \(what).
            # Run it in a folder holding the CSV files of Tests/HyperLabShellTests/Golden/fixtures:
            #   hyperlab --store memory --keep-going < THIS_FILE
            # The last line is the one that fails; the lines before it set the state it needs.

            """
        return Array(header.utf8) + FuzzBatch.script(prelude: [], lines: lines)
    }
}

/// Narrows a faulty batch to the line that faults and the few lines before it it needs.
///
/// First the shortest faulty prefix (bisection: the faulty line is that prefix's last), then
/// the context: the line alone, the line after the set-up, or the set-up and the lines before
/// it with chunks left out while the fault stays (a small delta debugging, Zeller 2002).
/// Each probe is one run of the binary, so probes are bounded.
public struct FuzzReducer: Sendable {
    /// The runner of the probes.
    public let runner: FuzzRunner
    /// The most probes spent on narrowing the context of a crash (a hang gets fewer).
    public let contextProbes: Int

    /// A reducer whose probes run on `runner`.
    public init(runner: FuzzRunner, contextProbes: Int = 48) {
        self.runner = runner
        self.contextProbes = contextProbes
    }

    /// The reproducer of `batch`, whose whole run ended with `verdict` (a fault).
    public func reduce(_ batch: FuzzBatch, verdict: FuzzVerdict) throws -> FuzzReproducer {
        func faults(_ lines: [[UInt8]]) throws -> (Bool, String) {
            let (found, tail) = try runner.run(FuzzBatch.script(prelude: [], lines: lines))
            return (Self.same(found, verdict), tail)
        }
        var low = 0, high = batch.lines.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if try faults(batch.prelude + batch.lines[..<middle]).0 { high = middle } else { low = middle }
        }
        let culprit = batch.lines[high - 1]
        var context = batch.prelude + batch.lines[..<(high - 1)]
        var tail = ""
        var probes = 0
        for candidate in [[], batch.prelude] {
            probes += 1
            let (fault, candidateTail) = try faults(candidate + [culprit])
            if fault {
                return FuzzReproducer(batch: batch.index, lineNumber: high, verdict: verdict, lines: candidate + [culprit], errorTail: candidateTail)
            }
        }
        // Leave out chunks of the context, halving the chunk size when none can go.
        // A probe of a hang costs the whole timeout: few of them.
        let budget = verdict == .hung ? min(contextProbes, 6) : contextProbes
        var chunk = max(1, context.count / 2)
        while chunk >= 1, probes < budget, !context.isEmpty {
            var start = 0
            var removedAny = false
            while start < context.count, probes < budget {
                var trial = context
                trial.removeSubrange(start..<min(context.count, start + chunk))
                probes += 1
                let (fault, trialTail) = try faults(trial + [culprit])
                if fault {
                    context = trial
                    tail = trialTail
                    removedAny = true
                } else {
                    start += chunk
                }
            }
            if !removedAny { chunk /= 2 }
        }
        if tail.isEmpty { tail = try faults(context + [culprit]).1 }
        return FuzzReproducer(batch: batch.index, lineNumber: high, verdict: verdict, lines: context + [culprit], errorTail: tail)
    }

    /// Whether a probe ended the way the batch did: any crash for a crash, a hang for a hang.
    static func same(_ probe: FuzzVerdict, _ original: FuzzVerdict) -> Bool {
        switch (probe, original) {
        case (.crashed, .crashed), (.hung, .hung): true
        default: false
        }
    }
}
