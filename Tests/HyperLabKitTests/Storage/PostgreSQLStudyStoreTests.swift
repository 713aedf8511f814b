import Foundation
import Testing
@testable import HyperLabKit

/// The `StudyRepository` behaviour of the PostgreSQL store, against a real server.
@Suite(.enabled(if: PostgreSQLTestServer.isAvailable,
                "needs HYPERLAB_TEST_POSTGRES_URL: eval \"$(scripts/start-test-postgres.sh)\""))
struct PostgreSQLStudyStoreTests {
    static func parameters(_ lr: Double, _ units: Int) -> TrialParameters {
        TrialParameters([("lr", .real(lr)), ("units", .integer(units)), ("activation", .word("relu"))])
    }

    @Test func trialsOfEveryStateReadBackEqual() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let id = try store.createStudy(try StorageFixtures.definition())
        let trials = store.trialStore(for: id)
        let complete = Trial(number: 0, parameters: Self.parameters(0.0031622776601683794, 64), state: .complete,
                             intermediateValues: [1: 0.5, 2: 0.75], value: 0.75,
                             metrics: ["dev_acc": 0.75, "train_loss": 0.1 + 0.2], seed: 123_456_789_012, seconds: 1.25)
        let pruned = Trial(number: 1, parameters: Self.parameters(1e-4, 8), state: .pruned,
                           intermediateValues: [1: 0.1], seed: 2, seconds: 0.5)
        let failed = Trial(number: 2, parameters: Self.parameters(0.09, 256), state: .failed, failure: "the metric is nan (diverged)",
                           intermediateValues: [1: .nan, 2: .infinity], metrics: ["dev_acc": .nan, "train_loss": -.infinity],
                           seed: 3)
        for trial in [complete, pruned, failed] {
            try trials.trialStarted(Trial(number: trial.number, parameters: trial.parameters, state: .running, seed: trial.seed))
            for (step, value) in trial.curve { try trials.trialReported(number: trial.number, step: step, value: value) }
            try trials.trialFinished(trial)
        }
        try trials.trialStarted(Trial(number: 3, parameters: Self.parameters(0.01, 16), state: .running, seed: 4))
        try trials.trialReported(number: 3, step: 1, value: 0.25)

        let stored = try store.load("sweep 1")
        #expect(stored.id == id)
        #expect(stored.trials.count == 4)
        #expect(stored.trials[0] == complete)
        #expect(stored.trials[1] == pruned)
        #expect(stored.trials[2].failure == failed.failure && stored.trials[2].state == .failed)
        #expect(stored.trials[2].intermediateValues[1]?.isNaN == true && stored.trials[2].intermediateValues[2] == .infinity)
        #expect(stored.trials[2].metrics["dev_acc"]?.isNaN == true && stored.trials[2].metrics["train_loss"] == -.infinity)
        #expect(stored.trials[3].state == .running && stored.trials[3].intermediateValues == [1: 0.25])
    }

    @Test func theDefinitionIsKeptWholeAndNamesAreUnique() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        var definition = try StorageFixtures.definition()
        definition.seed = UInt64.max - 3
        definition.split = .crossValidation(folds: 5, test: 0.2, seed: 3, stratify: false)
        definition.objective = ExternalObjectiveReference(command: "python train.py --lr {lr}", metric: "dev_loss", timeout: 30, directory: "/tmp")
        _ = try store.createStudy(definition)
        #expect(try store.load("sweep 1").definition == definition)
        #expect(throws: StorageError.self) { try store.createStudy(definition) }
        #expect(try store.availableName("sweep 1") == "sweep 1 (2)")
        do {
            _ = try store.load("swep 1")
            Issue.record("an unknown study loaded")
        } catch {
            #expect(error.kind == .noSuchStudy && error.hint == "did you mean sweep 1?")
        }
        try store.deleteStudy("sweep 1")
        #expect(try store.studies().isEmpty)
    }

    @Test func studiesListCountsBestStatusAndInterruptions() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let a = try store.createStudy(try StorageFixtures.definition("a", trials: 3))
        var minimizing = try StorageFixtures.definition("b", trials: 2)
        minimizing.direction = .minimize
        let b = try store.createStudy(minimizing)
        for (id, values) in [(a, [0.5, 0.9]), (b, [0.5, 0.2])] {
            for (n, v) in values.enumerated() {
                try store.trialStore(for: id).trialFinished(Trial(number: n, parameters: Self.parameters(0.01, 8),
                                                                  state: .complete, value: v))
            }
        }
        try store.trialStore(for: a).trialStarted(Trial(number: 2, parameters: Self.parameters(0.01, 8), state: .running))
        try store.setStatus(.complete, of: "b")
        let list = try store.studies()
        #expect(list.map(\.name) == ["a", "b"])
        #expect(list[0].best == 0.9 && list[1].best == 0.2)
        #expect(list[0].count(.complete) == 2 && list[0].count(.running) == 1)
        #expect(list[0].status == .running && list[1].status == .complete)
        #expect(try store.markInterrupted("a") == 1)
        let stored = try store.load("a")
        #expect(stored.trials[2].state == .failed && stored.trials[2].failure == Study.interruptedReason)
        #expect(stored.definition.status == .interrupted)
    }

    @Test func aStudyRunWritesEveryEventAndTheStoreMatchesTheReport() throws {
        let (store, _, cleanUp) = try PostgreSQLTestServer.store()
        defer { cleanUp() }
        let definition = try StorageFixtures.definition(trials: 10)
        let id = try store.createStudy(definition)
        let report = try StorageFixtures.study(definition)
            .run(parallel: 2, store: store.trialStore(for: id), objective: StorageFixtures.objective())
        #expect(report.storeError == nil)
        #expect(try store.load(definition.name).trials == report.trials)
    }

    @Test func aNewerSchemaIsRefusedAndLeftAsItWas() throws {
        let (url, cleanUp) = try PostgreSQLTestServer.freshSchema()
        defer { cleanUp() }
        _ = try PostgreSQLStudyStore.open(url: url)
        let db = try PostgreSQLConnection(url: url)
        try db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        do {
            _ = try PostgreSQLStudyStore.open(url: url)
            Issue.record("a store of schema 99 opened")
        } catch {
            #expect(error.kind == .newerSchema)
            #expect(error.message.contains("schema 99"))
        }
        #expect(try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?["value"] == "99")
    }

    @Test func anotherProgramsTablesAreRefused() throws {
        let (url, cleanUp) = try PostgreSQLTestServer.freshSchema()
        defer { cleanUp() }
        try PostgreSQLConnection(url: url).execute("CREATE TABLE study (id INT)")
        #expect(throws: StorageError.self) { try PostgreSQLStudyStore.open(url: url) }
    }
}
