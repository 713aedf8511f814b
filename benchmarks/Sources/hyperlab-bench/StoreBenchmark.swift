import Foundation
import HyperLabKit

/// `hyperlab-bench store`: the overhead of keeping a study's trials, memory against SQLite.
///
/// A sweep of N instant trials (an objective that reports `epochs` values and returns at once:
/// a stub that lives here, not in the product) runs through `Study.run` with the random
/// sampler, once per store; each run's trials per second is printed, then the median over
/// repeats. The SQLite run writes every event in its own transaction, as a real sweep does,
/// to a new file in the temporary folder; with `HYPERLAB_BENCH_POSTGRES_URL` set, the
/// PostgreSQL store is measured too (a new study each run). Target (issue 6): SQLite within 2×
/// of memory.
enum StoreBenchmark {
    static let usage = """
        hyperlab-bench store [--trials N] [--epochs E] [--repeats R] [--parallel P]
            trials per second of a sweep of N instant trials (default 1000, 1 epoch each, parallel 1)
            with the memory store and the SQLite store; median of R runs (default 21) after a warm-up
        """

    /// Runs `store ARGUMENTS`.
    static func run(_ arguments: [String]) throws(BenchError) {
        var options: [String: Int] = ["trials": 1000, "epochs": 1, "repeats": 21, "parallel": 1]
        var rest = arguments[...]
        while let option = rest.popFirst() {
            let key = String(option.dropFirst(2))
            guard option.hasPrefix("--"), options[key] != nil else { throw .usage("unknown option \(option)\n" + usage) }
            guard let text = rest.popFirst(), let value = Int(text), (1...1_000_000).contains(value) else {
                throw .usage("\(option) takes a whole number from 1 to 1000000")
            }
            options[key] = value
        }
        let trials = options["trials"] ?? 1000, epochs = options["epochs"] ?? 1
        let repeats = options["repeats"] ?? 21, parallel = options["parallel"] ?? 1
        let folder = NSTemporaryDirectory() + "hyperlab-bench-store-\(getpid())"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .file(path: folder, why: "cannot create the folder (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }

        print("# hyperlab store overhead: \(trials) instant trials, \(epochs) epoch(s) each, parallel \(parallel), median of \(repeats)")
        let postgres = ProcessInfo.processInfo.environment["HYPERLAB_BENCH_POSTGRES_URL"]
        // The stores take turns, run by run, so that a slow spell of the machine falls on all alike.
        let backends = ["memory", "sqlite"] + (postgres == nil ? [] : ["postgresql"])
        var rates: [String: [Double]] = [:]
        for attempt in 0...repeats {
            for backend in backends {
                let rate = try measure(backend, trials: trials, epochs: epochs, parallel: parallel,
                                       path: backend == "postgresql" ? (postgres ?? "") : folder + "/run-\(attempt).sqlite",
                                       name: "bench-\(getpid())-\(attempt)")
                if attempt > 0 { rates[backend, default: []].append(rate) }   // attempt 0 warms up
            }
        }
        var medians: [String: Double] = [:]
        for backend in backends {
            let sorted = (rates[backend] ?? []).sorted()
            guard !sorted.isEmpty else { continue }
            let median = sorted[sorted.count / 2]
            medians[backend] = median
            print("hyperlab_\(backend) store_\(trials)_trials trials_per_second \(String(format: "%.1f", median))"
                  + " (runs from \(String(format: "%.0f", sorted[0])) to \(String(format: "%.0f", sorted[sorted.count - 1])))")
        }
        if let memory = medians["memory"], let sqlite = medians["sqlite"], sqlite > 0 {
            print("# sqlite takes \(String(format: "%.2f", memory / sqlite))× the time of memory (target: at most 2×)")
        }
        if let memory = medians["memory"], let pg = medians["postgresql"], pg > 0 {
            print("# postgresql takes \(String(format: "%.2f", memory / pg))× the time of memory")
        }
    }

    /// Trials per second of one sweep with the given store.
    private static func measure(_ backend: String, trials: Int, epochs: Int, parallel: Int,
                                path: String, name: String) throws(BenchError) -> Double {
        let space: SearchSpace
        do { space = try SearchSpace([("lr", .log(1e-4, 1e-1)), ("units", .intLog(8, 256))]) } catch {
            throw .training(error.message)
        }
        let study = Study(space: space, sampler: RandomSampler(), direction: .maximize, seed: 1, trials: trials)
        let repository: any StudyRepository
        do {
            switch backend {
            case "memory": repository = MemoryStudyRepository()
            case "postgresql": repository = try PostgreSQLStudyStore.open(url: path)
            default: repository = try SQLiteStudyStore.open(path: path)
            }
        } catch {
            throw .file(path: path, why: error.message)
        }
        let definition = StudyDefinition(name: name, sampler: "random", seed: 1, trialCount: trials, metric: "dev_acc",
                                         direction: .maximize, space: [], configuration: [:],
                                         dataset: .builtin(name: "iris", options: [:]),
                                         split: .holdout(train: 0.6, dev: 0.2, test: 0.2, seed: 0, stratify: false))
        let id: StudyID
        do { id = try repository.createStudy(definition) } catch { throw .file(path: path, why: error.message) }
        let start = ContinuousClock.now
        let timed = TimedStore(repository.trialStore(for: id))
        let report = study.run(parallel: parallel, store: timed) { trial in
            let lr = trial.parameters["lr"]?.asReal ?? 0
            for epoch in 1...epochs { _ = trial.report(step: epoch, value: lr * Double(epoch)) }
            return TrialOutcome(value: lr, metrics: ["dev_acc": lr])
        }
        let elapsed = ContinuousClock.now - start
        if let error = report.storeError { throw .file(path: path, why: error.message) }
        let seconds = elapsed.inSeconds
        if ProcessInfo.processInfo.environment["HYPERLAB_BENCH_VERBOSE"] != nil {
            let (writes, inStore) = timed.totals
            print("  \(backend): \(String(format: "%.2f", seconds * 1000)) ms, \(writes) writes taking \(String(format: "%.2f", inStore * 1000)) ms")
        }
        return Double(report.trials.count) / seconds
    }
}

/// A store that passes every call on and adds up how many writes it made and how long they took.
private final class TimedStore: StudyStore, @unchecked Sendable {
    private let inner: any StudyStore
    private let lock = NSLock()
    private var writes = 0
    private var seconds = 0.0

    init(_ inner: any StudyStore) { self.inner = inner }

    /// The writes so far and the seconds they took.
    var totals: (Int, Double) { lock.withLock { (writes, seconds) } }

    private func timed(_ body: () throws(StudyStoreError) -> Void) throws(StudyStoreError) {
        let start = ContinuousClock.now
        defer {
            let d = ContinuousClock.now - start
            lock.withLock {
                writes += 1
                seconds += d.inSeconds
            }
        }
        try body()
    }

    func record(_ events: [StudyEvent]) throws(StudyStoreError) { try timed { () throws(StudyStoreError) in try inner.record(events) } }
    func trialStarted(_ trial: Trial) throws(StudyStoreError) { try timed { () throws(StudyStoreError) in try inner.trialStarted(trial) } }
    func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try timed { () throws(StudyStoreError) in try inner.trialReported(number: number, step: step, value: value) }
    }
    func trialFinished(_ trial: Trial) throws(StudyStoreError) { try timed { () throws(StudyStoreError) in try inner.trialFinished(trial) } }
    func trials() throws(StudyStoreError) -> [Trial] { try inner.trials() }
}
