import Foundation
import Synchronization

/// A fuzz pass: mutated lines in batches through the binary, faulty batches reduced to
/// reproducer files, and a count of everything.
///
/// ```swift
/// let corpus = try FuzzCorpus(root: checkout)
/// let summary = try FuzzCampaign(settings: .init(binary: path, lines: 3_000), corpus: corpus).run()
/// // summary.crashes == 0, summary.hangs == 0
/// ```
public struct FuzzCampaign: Sendable {
    /// What to run.
    public struct Settings: Sendable {
        /// The `hyperlab` executable.
        public var binary: String
        /// Mutated lines in all (the batches' set-up lines not counted).
        public var lines: Int
        /// Lines per batch, one process each.
        public var batchSize = 500
        /// The seed every batch derives from.
        public var seed: UInt64 = 20_261_204
        /// Seconds a batch may run before it counts as hung.
        public var timeout: Double = 120
        /// Batches run at once.
        public var jobs = 2
        /// Where reproducers are written (nil: not written, only returned).
        public var reproducerFolder: URL?

        /// Settings for `lines` lines through `binary`.
        public init(binary: String, lines: Int) {
            self.binary = binary
            self.lines = lines
        }
    }

    /// What a pass found.
    public struct Summary: Sendable {
        /// Mutated lines generated and run.
        public var lines = 0
        /// Batches (processes) run, not counting the reducer's probes.
        public var batches = 0
        /// Batches that crashed.
        public var crashes = 0
        /// Batches that ran past the timeout.
        public var hangs = 0
        /// Wall-clock seconds of the pass, reduction included.
        public var seconds = 0.0
        /// One reproducer per faulty batch.
        public var reproducers: [FuzzReproducer] = []
        /// The files the reproducers were written to.
        public var reproducerFiles: [URL] = []
    }

    /// The settings.
    public let settings: Settings
    /// The lines and files the batches come from.
    public let corpus: FuzzCorpus

    /// A pass over `corpus` with `settings`.
    public init(settings: Settings, corpus: FuzzCorpus) {
        self.settings = settings
        self.corpus = corpus
    }

    /// Runs the pass; `progress` gets a line per finished batch and per fault.
    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runner = FuzzRunner(binary: settings.binary, timeout: settings.timeout, files: corpus.files, scratch: scratch)
        let mutator = FuzzMutator(corpus: corpus)
        let batchCount = (settings.lines + settings.batchSize - 1) / settings.batchSize
        let state = SharedTally()
        let settings = self.settings

        let group = DispatchGroup()
        for _ in 0..<max(1, min(settings.jobs, batchCount)) {
            DispatchQueue.global().async(group: group) {
                while let index = state.tally.withLock({ $0.takeBatch(below: batchCount) }) {
                    let count = min(settings.batchSize, settings.lines - index * settings.batchSize)
                    let batch = FuzzBatch(index: index, count: count, seed: settings.seed, mutator: mutator)
                    let outcome = Result { try Self.check(batch, runner: runner, progress: progress) }
                    state.tally.withLock { $0.record(outcome, lines: count) }
                    progress("batch \(index + 1)/\(batchCount): \(count) lines")
                }
            }
        }
        group.wait()
        var summary = try state.tally.withLock { try $0.summary() }
        summary.reproducers.sort { $0.batch < $1.batch }
        if let folder = settings.reproducerFolder, !summary.reproducers.isEmpty {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for reproducer in summary.reproducers {
                let kind = reproducer.verdict == .hung ? "hang" : "crash"
                let file = folder.appendingPathComponent("\(kind)-seed\(settings.seed)-batch\(reproducer.batch)-line\(reproducer.lineNumber).hlab")
                try Data(reproducer.script(seed: settings.seed)).write(to: file)
                summary.reproducerFiles.append(file)
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Runs one batch; its reproducer when it faults.
    private static func check(_ batch: FuzzBatch, runner: FuzzRunner,
                              progress: @Sendable (String) -> Void) throws -> FuzzReproducer? {
        let (verdict, _) = try runner.run(FuzzBatch.script(prelude: batch.prelude, lines: batch.lines))
        guard verdict.isFault else { return nil }
        progress("batch \(batch.index + 1) \(verdict == .hung ? "hung" : "crashed"); reducing it")
        return try FuzzReducer(runner: runner).reduce(batch, verdict: verdict)
    }
}

/// The tally the batches of a pass share.
private final class SharedTally: Sendable {
    let tally = Mutex(CampaignState())
}

/// What the batches of a pass found so far.
private struct CampaignState {
    private var next = 0
    private var lines = 0
    private var batches = 0
    private var reproducers: [FuzzReproducer] = []
    private var failure: (any Error)?

    /// The next batch to run, or nil when none is left (or a batch could not be run at all).
    mutating func takeBatch(below count: Int) -> Int? {
        guard next < count, failure == nil else { return nil }
        defer { next += 1 }
        return next
    }

    mutating func record(_ outcome: Result<FuzzReproducer?, any Error>, lines count: Int) {
        switch outcome {
        case .success(let reproducer):
            lines += count
            batches += 1
            if let reproducer { reproducers.append(reproducer) }
        case .failure(let error):
            failure = error
        }
    }

    func summary() throws -> FuzzCampaign.Summary {
        if let failure { throw failure }
        var summary = FuzzCampaign.Summary()
        summary.lines = lines
        summary.batches = batches
        summary.crashes = reproducers.count { if case .crashed = $0.verdict { true } else { false } }
        summary.hangs = reproducers.count { $0.verdict == .hung }
        summary.reproducers = reproducers
        return summary
    }
}
