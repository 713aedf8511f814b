import Synchronization
import Testing
@testable import HyperLabKit

/// `ConfigurationObjective`: every score is the engine's own run on the stated part and seed, a
/// trial is the mean over parts × seeds, and a run that cannot start is an error, never a NaN.
@Suite struct ConfigurationObjectiveTests {
    let cv: CrossValidationSplit
    let config: Configuration

    init() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        cv = try CrossValidationSplit(dataset: iris, folds: 3, test: 0.2, seed: 1)
        var config = Configuration()
        try config.set("epochs", .integer(3), origin: .command("test"))
        try config.set("hidden", .integers([4]), origin: .command("test"))
        self.config = config
    }

    var objective: ConfigurationObjective {
        ConfigurationObjective(parts: ScoringParts.Part.folds(of: cv), metric: "dev_acc", repeats: 2)
    }

    /// The engine's own score of `configuration` with `seed` on fold `k`, trained here directly.
    func direct(_ configuration: Configuration, seed: Int, fold k: Int) throws -> TrainingRun {
        var seeded = configuration
        try seeded.set("seed", .integer(seed), origin: .command("test"))
        return try Trainer(configuration: seeded).train(on: cv.fold(k).train, dev: cv.fold(k).dev)
    }

    @Test func trainRunsTheConfigurationOncePerPartWithItsOwnSeed() throws {
        var parts: [Int] = []
        let runs = try objective.runs(of: config) { k, _ in if parts.last != k { parts.append(k) } }
        #expect(parts == [0, 1, 2])
        #expect(runs.count == 3)
        for k in 0..<3 {
            let alone = try direct(config, seed: config.seed, fold: k)
            #expect(runs[k].metrics.filter { $0.key != "seconds" } == alone.metrics.filter { $0.key != "seconds" }, "fold \(k)")
        }
    }

    @Test func aTrialIsTheMeanOverPartsAndSeeds() throws {
        let context = TrialContext(number: 4, parameters: TrialParameters([("lr", .real(0.05))]), seed: 1234)
        let outcome = try objective.trialObjective(base: config)(context)
        var trained = config
        try trained.set("lr", .real(0.05), origin: .command("test"))
        var values: [Double] = []
        for k in 0..<3 {
            for r in 0..<2 { values.append(try direct(trained, seed: context.seed(forRepeat: r), fold: k).metrics["dev_acc"] ?? .nan) }
        }
        #expect(outcome.value == TrialOutcome.meanAndSD(values).0)
        #expect(outcome.metrics["epochs"] == 3)
        #expect(outcome.metrics["dev_acc_sd"] == TrialOutcome.meanAndSD(values).1)
    }

    @Test func pruningSeesOnlyTheFirstPartsFirstRepeat() throws {
        let steps = Mutex<[Int]>([])
        let context = TrialContext(number: 0, parameters: TrialParameters([]), seed: 9) { step, _ in
            steps.withLock { $0.append(step) }
            return false
        }
        _ = try objective.trialObjective(base: config)(context)
        #expect(steps.withLock { $0 } == [1, 2, 3])
    }

    @Test func aPrunedTrialStopsAfterItsFirstRun() throws {
        let context = TrialContext(number: 0, parameters: TrialParameters([]), seed: 9) { step, _ in step == 1 }
        let outcome = try objective.trialObjective(base: config)(context)
        #expect(outcome.metrics["epochs"] == 1)
        #expect(outcome.metrics["dev_acc_sd"] == nil, "one run, not a mean")
    }

    @Test func aParameterTheConfigurationRefusesFailsTheTrialWithItsName() throws {
        let context = TrialContext(number: 2, parameters: TrialParameters([("dropout", .real(1.5))]), seed: 9)
        #expect { try objective.trialObjective(base: config)(context) } throws: { error in
            (error as? TrialFailure)?.reason.hasPrefix("invalid dropout: ") == true
        }
    }

    @Test func scoresAreTheEnginesRunsInJobOrder() throws {
        let jobs = [(2, 11), (0, 12), (1, 13), (0, 14)].map { k, seed in
            ConfigurationObjective.Job(configuration: config, seed: seed, part: k, origin: .command("compare"))
        }
        let finished = Mutex<[Int]>([])
        let scores = try objective.scores(jobs) { n in finished.withLock { $0.append(n) } }
        #expect(scores == (try jobs.map { try direct(config, seed: $0.seed, fold: $0.part).metrics["dev_acc"] ?? .nan }))
        #expect(finished.withLock { $0.sorted() } == [1, 2, 3, 4])
    }

    @Test func aRunThatCannotStartIsAnErrorNotANaNScore() throws {
        let fold = cv.fold(0)
        let empty = Partition(features: Matrix(rows: 0, columns: fold.train.featureCount), targets: .classes([], classCount: 3))
        let broken = ConfigurationObjective(parts: [.init(train: empty, dev: fold.dev, devIndices: fold.devIndices,
                                                          standardizer: fold.standardizer)], metric: "dev_acc")
        let job = ConfigurationObjective.Job(configuration: config, seed: 1, part: 0, origin: .command("recheck"))
        #expect(throws: TrainingError.invalidData("the train part has no rows")) { try broken.scores([job]) }
    }

    @Test func aSeedTheConfigurationRefusesIsAnError() {
        #expect(throws: TrainingError.self) { try ConfigurationObjective.seeded(config, -1, origin: .command("test")) }
    }

    @Test func aScoreOverPartsIsTheirMeanOrNaNWhenOneDiverged() {
        #expect(ConfigurationObjective.mean([0.5, 0.75, 1]) == 0.75)
        #expect(ConfigurationObjective.mean([0.5, .nan]).isNaN)
        #expect(ConfigurationObjective.mean([0.5, .infinity]).isNaN)
    }
}
