import Foundation
import HyperLabKit

/// Sampler overhead: the wall-clock time of one suggestion through `Study.suggestion(for:trials:)`
/// (the product path: building the visible history, then the sampler) after a given number of
/// finished trials, on the issue's space of 2 log floats, 1 log integer and 1 choice.
///
/// The history is drawn at random (seeded) and scored by `score`, so the time does not depend on
/// how the sampler itself would have explored; `benchmarks/peers/optuna_samplers.py overhead`
/// builds the same kind of history for Optuna.
enum SamplerOverhead {
    /// The issue's 4-parameter space: `lr` log(1e-5, 1e-1), `weight_decay` log(1e-6, 1e-2),
    /// `units` intlog(8, 512), `activation` choice(relu, tanh, gelu).
    static func space() throws(BenchError) -> SearchSpace {
        do {
            return try SearchSpace([
                ("lr", .log(1e-5, 1e-1)),
                ("weight_decay", .log(1e-6, 1e-2)),
                ("units", .intLog(8, 512)),
                ("activation", .choice([.word("relu"), .word("tanh"), .word("gelu")])),
            ])
        } catch {
            throw .usage("cannot build the overhead space: \(error)")
        }
    }

    /// A smooth stand-in for a validation loss over that space (the same formula as the peers').
    static func score(_ p: TrialParameters) -> Double {
        let lr = log10(p["lr"]?.asReal ?? 1e-3), wd = log10(p["weight_decay"]?.asReal ?? 1e-4)
        let units = log2(p["units"]?.asReal ?? 128)
        let activation = p["activation"] == .word("tanh") ? 0.0 : 0.3
        return (lr + 3) * (lr + 3) + 0.1 * (wd + 4) * (wd + 4) + 0.05 * (units - 7) * (units - 7) + activation
    }

    /// CPU seconds the calling thread spends in `body` (CLOCK_THREAD_CPUTIME_ID: insensitive to
    /// other processes on a shared machine), and its result.
    static func threadCPUTimed<T>(_ body: () -> T) -> (seconds: Double, value: T) {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
        }
        let start = now()
        let value = body()
        return (now() - start, value)
    }

    /// Median wall-clock and thread-CPU milliseconds of `timed` suggestions of `sampler` at
    /// trials `history`, `history` + 1, … after `history` random trials (one untimed suggestion first).
    static func millisecondsPerSuggestion(_ sampler: any Sampler, history: Int, timed: Int) throws(BenchError) -> (wall: Double, cpu: Double) {
        let space = try space()
        let study = Study(space: space, sampler: sampler, direction: .minimize, seed: 7, trials: history + timed + 1)
        var generator = SeededGenerator(seed: 99)
        var trials: [Trial] = (0..<history).map { n in
            let p = RandomSampler().suggest(SamplingContext(number: n, space: space), using: &generator)
            return Trial(number: n, parameters: p, state: .complete, value: score(p))
        }
        var wall: [Double] = [], cpu: [Double] = []
        for n in history...(history + timed) {
            let (seconds, (cpuSeconds, p)) = Statistics.timed { threadCPUTimed { study.suggestion(for: n, trials: trials) } }
            if n > history {
                wall.append(seconds * 1000)
                cpu.append(cpuSeconds * 1000)
            }
            trials.append(Trial(number: n, parameters: p, state: .complete, value: score(p)))
        }
        return (Statistics.median(wall), Statistics.median(cpu))
    }

    /// Prints TPE's time at trial `tpeHistory` and the GP's at trial `gpHistory` (those of
    /// `samplers`: `tpe`, `bayes`).
    static func run(samplers: [String], tpeHistory: Int, gpHistory: Int, timed: Int) throws(BenchError) {
        if samplers.contains("tpe") {
            let tpe = try millisecondsPerSuggestion(TPESampler(), history: tpeHistory, timed: timed)
            print("hyperlab_tpe overhead_at_\(tpeHistory) ms_per_suggestion \(String(format: "%.4f", tpe.wall))")
            print("hyperlab_tpe overhead_at_\(tpeHistory) cpu_ms_per_suggestion \(String(format: "%.4f", tpe.cpu))")
        }
        if samplers.contains("bayes") {
            let gp = try millisecondsPerSuggestion(GPSampler(), history: gpHistory, timed: timed)
            print("hyperlab_bayes overhead_at_\(gpHistory) ms_per_suggestion \(String(format: "%.4f", gp.wall))")
            print("hyperlab_bayes overhead_at_\(gpHistory) cpu_ms_per_suggestion \(String(format: "%.4f", gp.cpu))")
        }
    }
}
