import Foundation
import Testing
@testable import HyperLabKit

/// Folders, study records and stores shared by the storage tests.
enum StorageFixtures {
    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "hyperlab-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The kinds of store the shared suite runs against.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite, postgresql
        var testDescription: String { rawValue }

        /// Memory and SQLite always; PostgreSQL too when the test server is up (`./test` starts one).
        static var allCases: [Backend] {
            PostgreSQLTestServer.isAvailable ? [.memory, .sqlite, .postgresql] : [.memory, .sqlite]
        }
    }

    /// A fresh repository of `backend` (a new file in a new folder for SQLite) and a clean-up.
    static func repository(_ backend: Backend) throws -> (any StudyRepository, () -> Void) {
        switch backend {
        case .memory:
            return (MemoryStudyRepository(), {})
        case .sqlite:
            let folder = try temporaryFolder()
            let store = try SQLiteStudyStore.open(path: folder + "/hyperlab.sqlite")
            return (store, { try? FileManager.default.removeItem(atPath: folder) })
        case .postgresql:
            let (store, _, cleanUp) = try PostgreSQLTestServer.store()
            return (store, cleanUp)
        }
    }

    /// The search space of the store tests: a log real, a log integer and a choice of words.
    static func space() throws -> SearchSpace {
        try SearchSpace([
            ("lr", .log(1e-4, 1e-1)),
            ("units", .intLog(8, 256)),
            ("activation", .choice([.word("relu"), .word("tanh")])),
        ])
    }

    /// A study record on iris with the space above.
    static func definition(_ name: String = "sweep 1", trials: Int = 12, sampler: String = "tpe",
                           seed: UInt64 = 7, lag: Int? = nil) throws -> StudyDefinition {
        StudyDefinition(name: name, sampler: sampler, samplerSettings: ["startup_trials": "4"], seed: seed,
                        trialCount: trials, metric: "dev_acc", direction: .maximize, repeats: 1, prune: "median", lag: lag,
                        space: try space(), base: Configuration(), dataset: .builtin(name: "iris", options: [:]),
                        split: .holdout(train: 0.6, dev: 0.2, test: 0.2, seed: 1, stratify: true))
    }

    /// The sampler and pruner a stored record names (the test's own mapping, as the shell's).
    static func study(_ definition: StudyDefinition) throws -> Study {
        let sampler: any Sampler = definition.sampler == "tpe"
            ? TPESampler(startupTrials: Int(definition.samplerSettings["startup_trials"] ?? "") ?? 10)
            : RandomSampler()
        let pruner: any Pruner = definition.prune == "median" ? MedianPruner(startupTrials: 2) : NoPruner()
        return Study(space: try definition.searchSpace(), sampler: sampler, pruner: pruner,
                     direction: definition.direction, seed: definition.seed, trials: definition.trialCount,
                     lag: definition.lag ?? Study.defaultLag)
    }

    /// A deterministic objective with 4 epochs: some trials fail, diverge, or get pruned;
    /// `pause` microseconds per epoch (0: none).
    static func objective(pause: UInt32 = 0) -> @Sendable (TrialContext) throws -> TrialOutcome {
        { trial in
            let lr = trial.parameters["lr"]?.asReal ?? 1
            let units = trial.parameters["units"]?.asReal ?? 1
            let bonus = trial.parameters["activation"] == .word("tanh") ? 0.05 : 0
            if lr > 0.07 { throw TrialFailure("diverged at epoch 1") }
            let quality = 1 / (1 + pow(log10(lr) + 2, 2) + pow(log2(units) - 6, 2) / 8) + bonus
            var score = 0.0
            for epoch in 1...4 {
                if pause > 0 { usleep(pause) }
                score = quality * (1 - pow(0.5, Double(epoch))) + Double(trial.seed % 97) * 1e-6
                if trial.report(step: epoch, value: score) { break }
            }
            return TrialOutcome(value: score, metrics: ["dev_acc": score, "epochs": 4])
        }
    }

    /// A trial without its timing, for comparing runs.
    static func fingerprint(_ t: Trial) -> String {
        "\(t.number) \(t.parameters) \(t.state) \(t.value.map { "\($0)" } ?? "-") "
            + "\(t.curve.map { "\($0.step):\($0.value)" }) \(t.seed) \(t.failure ?? "") \(t.metrics.sorted { $0.key < $1.key })"
    }
}
