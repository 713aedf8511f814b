import Testing
@testable import HyperLabKit

/// `Partitioning`: one value for a fixed split or K folds, made again from a stored reference.
@Suite struct PartitioningTests {
    let iris: Dataset
    init() throws { iris = try BuiltinDatasets.load(name: "iris") }

    @Test func aHoldoutScoresOnItsTrainAndDevParts() throws {
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
        let scoring = Partitioning.holdout(split).scoringParts
        #expect(scoring.parts.count == 1 && !scoring.isCrossValidation)
        #expect(scoring.parts[0].train == split.train && scoring.parts[0].dev == split.dev)
        #expect(scoring.parts[0].devIndices == split.devIndices)
        #expect(scoring.datasetName == "iris" && scoring.task == .classification)
        #expect(scoring.devToTrainRatio == 30.0 / 90.0)
    }

    @Test func crossValidationScoresOnEveryFold() throws {
        let cv = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1)
        let scoring = Partitioning.crossValidation(cv).scoringParts
        #expect(scoring.isCrossValidation)
        #expect(scoring.parts.map(\.devIndices) == cv.foldIndices)
        #expect(scoring.devToTrainRatio == 0.25)
    }

    @Test func aStoredReferenceMakesTheSamePartitioningAgain() throws {
        let split = Partitioning.holdout(try DataSplit(dataset: iris, train: 0.5, dev: 0.25, test: 0.25, seed: 3, stratify: true))
        let again = try #require(try Partitioning(split.reference, dataset: iris))
        #expect(again.holdout?.devIndices == split.holdout?.devIndices && again.holdout?.testIndices == split.holdout?.testIndices)
        #expect(again.crossValidation == nil)
        let cv = Partitioning.crossValidation(try CrossValidationSplit(dataset: iris, folds: 4, test: 0.2, seed: 2))
        let folds = try #require(try Partitioning(cv.reference, dataset: iris))
        #expect(folds.crossValidation?.foldIndices == cv.crossValidation?.foldIndices && folds.holdout == nil)
        #expect(try Partitioning(.ownedByCommand, dataset: iris) == nil)
    }

    @Test func aReferenceThatNoLongerFitsTheDataIsAnError() {
        #expect(throws: DataError.self) {
            try Partitioning(.crossValidation(folds: 50, test: 0.2, seed: 1, stratify: false), dataset: iris)
        }
    }

    @Test func openingTheTestPartCountsTheLookOnTheValue() throws {
        var partitioning = Partitioning.crossValidation(try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1))
        #expect(partitioning.testLooks == 0)
        let test = partitioning.openTest()
        #expect(test.count == 30 && partitioning.testLooks == 1)
        #expect(partitioning.trainAndDev.count == 120)
    }

    @Test func freshPartsDealTheNonTestRowsAgain() throws {
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
        let fresh = Partitioning.holdout(split).freshParts(of: iris, seed: 7)
        #expect(fresh.count == 1 && fresh[0].dev.count == split.dev.count && fresh[0].devIndices != split.devIndices)
        #expect(Set(fresh[0].devIndices).isSubset(of: Set(split.trainIndices + split.devIndices)))
        let cv = try CrossValidationSplit(dataset: iris, folds: 3, test: 0.2, seed: 1)
        let refolded = Partitioning.crossValidation(cv).freshParts(of: iris, seed: 7)
        #expect(refolded.map(\.devIndices) == cv.refolded(seed: 7).foldIndices)
    }
}
