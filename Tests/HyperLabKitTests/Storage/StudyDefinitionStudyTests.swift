import Foundation
import Testing
@testable import HyperLabKit

/// `Study(definition:)`: every sampler and pruner kind is stored, reopened and resumed by the
/// Kit alone, with the trials of a run that never stopped.
@Suite struct StudyDefinitionStudyTests {
    typealias Backend = StorageFixtures.Backend

    /// A definition of `kind` and `prune` on a space each kind accepts (a grid takes lists only;
    /// `around` wants a base configuration to start from).
    static func definition(_ kind: SamplerKind, _ prune: PrunerKind) throws -> StudyDefinition {
        let space: SearchSpace = switch kind {
        case .grid: try SearchSpace([("units", .choice([.integer(8), .integer(64), .integer(256)])),
                                     ("activation", .choice([.word("relu"), .word("tanh")]))])
        case .around: try SearchSpace([("lr", .near(3)), ("units", .near(2))],
                                      center: ["lr": .real(0.01), "units": .integer(64)],
                                      bounds: ["lr": 1e-6...10, "units": 1...4096])
        default: try StorageFixtures.space()
        }
        var base = Configuration()
        try base.set("lr", .real(0.01), origin: .command("set"))
        try base.set("units", .integer(64), origin: .command("set"))
        try base.set("epochs", .integer(6), origin: .command("set"))   // Hyperband's R: the objective's epochs
        return StudyDefinition(name: "\(kind.rawValue) \(prune.rawValue)", sampler: kind.rawValue, baseline: kind == .around,
                               seed: 5, trialCount: kind == .grid ? 6 : 14, metric: "dev_acc", direction: .maximize,
                               prune: prune.rawValue, lag: 3, space: space, base: base,
                               dataset: .builtin(name: "iris", options: [:]),
                               split: .holdout(train: 0.6, dev: 0.2, test: 0.2, seed: 1, stratify: true))
    }

    @Test(arguments: SamplerKind.allCases, PrunerKind.allCases)
    func everyKindIsStoredReopenedAndResumedByTheKitAlone(_ kind: SamplerKind, _ prune: PrunerKind) throws {
        let definition = try Self.definition(kind, prune)
        let (repository, cleanUp) = try StorageFixtures.repository(.sqlite)
        defer { cleanUp() }
        let id = try repository.createStudy(definition)
        let study = try Study(definition: try repository.load(definition.name).definition)
        #expect(study.lag == 3)
        #expect(type(of: study.pruner) == type(of: prune.pruner))
        let whole = study.run(parallel: 2, objective: StudyRunTests.objective)
        #expect(whole.trials.count == definition.trialCount)

        // Stopped after a few trials, then rebuilt from the store alone and resumed.
        let calls = StudyResumeTests.Counter()
        let cut = study.run(parallel: 2, store: repository.trialStore(for: id),
                            interruption: Interruption { calls.add(); return calls.count > 30 },
                            objective: StudyRunTests.objective)
        #expect(cut.stoppedEarly)
        _ = try repository.markInterrupted(definition.name)
        let stored = try repository.load(definition.name)
        let reopened = try Study(definition: stored.definition)
        let resumed = reopened.run(parallel: 2, store: repository.trialStore(for: id), previous: stored.trials,
                                   objective: StudyRunTests.objective)
        #expect(resumed.trials.map(StorageFixtures.fingerprint) == whole.trials.map(StorageFixtures.fingerprint))
    }

    @Test func anUnknownSamplerOrPrunerIsAClearError() throws {
        var definition = try Self.definition(.tpe, .none)
        definition.sampler = "nevergrad"
        #expect(throws: StorageError.self) { try Study(definition: definition) }
        do { _ = try Study(definition: definition) } catch {
            #expect(error.message == "the study tpe none names an unknown sampler 'nevergrad'")
            #expect(error.hint == "it was stored by a newer HyperLab; known samplers: "
                    + SamplerKind.allCases.map(\.rawValue).joined(separator: ", "))
            #expect(error.hint?.contains("grid, random, sobol, tpe, bayes, cmaes") == true)
        }
        definition.sampler = "tpe"
        definition.prune = "pbt"
        do { _ = try Study(definition: definition) } catch {
            #expect(error.message == "the study tpe none names an unknown pruner 'pbt'")
        }
    }

    /// Hyperband's settings travel with the study; R falls back to the stored epochs.
    @Test func hyperbandsSettingsAreStoredAndRebuilt() throws {
        var definition = try Self.definition(.tpe, .hyperband)
        definition.prunerSettings = ["eta": "2", "min_epochs": "2", "max_epochs": "16"]
        let (repository, cleanUp) = try StorageFixtures.repository(.sqlite)
        defer { cleanUp() }
        _ = try repository.createStudy(definition)
        let stored = try repository.load(definition.name).definition
        #expect(stored.prunerSettings == definition.prunerSettings)
        let pruner = try #require(try Study(definition: stored).pruner as? HyperbandPruner)
        #expect([pruner.reductionFactor, pruner.minimumResource, pruner.maximumResource] as [Int] == [2, 2, 16])
        #expect(try Study(definition: stored).sampler is BudgetedSampler, "TPE models one budget at a time")

        definition.prunerSettings = nil
        let fallback = try #require(try Study(definition: definition).pruner as? HyperbandPruner)
        #expect([fallback.reductionFactor, fallback.minimumResource, fallback.maximumResource] as [Int] == [3, 1, 6])
        #expect(try Study(definition: try Self.definition(.tpe, .asha)).sampler is TPESampler)

        definition.prunerSettings = ["eta": "1"]
        #expect(throws: StorageError(.invalidRecord, "eta=1 is not a whole number from 2 to 100")) { try Study(definition: definition) }
        definition.prune = "asha"
        #expect(throws: StorageError(.invalidRecord, "prune=asha has no setting 'eta'", hint: "prune=asha takes no settings")) {
            try Study(definition: definition)
        }
    }
}
