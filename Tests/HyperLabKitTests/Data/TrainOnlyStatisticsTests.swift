import Testing
@testable import HyperLabKit

/// No statistic of dev or test rows reaches training: imputation of empty cells, feature
/// standardization and target scaling are fitted on the train part only, under a fixed split,
/// cross-validation folds, the final fit before `evaluate test`, and `recheck fresh=yes`.
@Suite struct TrainOnlyStatisticsTests {
    /// 40 rows, one feature `x = row` and every fourth cell empty; targets `y = 10 × row`.
    static func gappy() -> Dataset {
        let rows = 40
        let missing = Set(stride(from: 0, to: rows, by: 4))
        let features = (0..<rows).map { missing.contains($0) ? 19.5 : Double($0) }
        return Dataset(name: "gappy", featureNames: ["x"], features: features,
                       target: .values((0..<rows).map { 10 * Double($0) }),
                       missingCounts: [missing.count], missingCells: missing,
                       source: .csv(path: "gappy.csv", target: "y", task: .regression, missing: .mean))
    }

    /// The mean of the present values of `rows`, and their sd with the empty cells counted at the mean.
    static func trainStatistics(_ data: Dataset, rows: [Int]) -> (mean: Double, sd: Double) {
        let present = rows.filter { !data.isMissing(row: $0, feature: 0) }.map { data.value(row: $0, feature: 0) }
        let mean = present.reduce(0, +) / Double(present.count)
        let squares = present.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        return (mean, (squares / Double(rows.count)).squareRoot())
    }

    /// Checks that `part` (dataset rows `rows`) fills its empty cells with `mean` and scales by `sd`.
    static func expectFitted(_ part: Partition, rows: [Int], of data: Dataset, mean: Double, sd: Double) {
        for (i, r) in rows.enumerated() {
            let expected = data.isMissing(row: r, feature: 0) ? 0 : (data.value(row: r, feature: 0) - mean) / sd
            #expect(abs(Double(part.features[i, 0]) - expected) < 1e-5, "row \(r)")
        }
    }

    @Test func aFixedSplitImputesAndStandardizesWithTrainRowsOnly() throws {
        let data = Self.gappy()
        let split = try DataSplit(dataset: data, train: 0.5, dev: 0.25, test: 0.25, seed: 4)
        let (mean, sd) = Self.trainStatistics(data, rows: split.trainIndices)
        #expect(abs(split.standardizer.means[0] - mean) < 1e-12)
        #expect(abs(split.standardizer.scales[0] - sd) < 1e-12)
        let wholeFile = Self.trainStatistics(data, rows: Array(0..<data.rowCount)).mean
        #expect(abs(mean - wholeFile) > 0.1, "the train part's mean differs from the file's")
        Self.expectFitted(split.train, rows: split.trainIndices, of: data, mean: mean, sd: sd)
        Self.expectFitted(split.dev, rows: split.devIndices, of: data, mean: mean, sd: sd)
        var opened = split
        Self.expectFitted(opened.openTest(), rows: split.testIndices, of: data, mean: mean, sd: sd)
    }

    @Test func eachFoldImputesWithItsOwnTrainRowsAndTheFinalFitWithAllDevelopmentRows() throws {
        let data = Self.gappy()
        let cv = try CrossValidationSplit(dataset: data, folds: 4, test: 0.25, seed: 2)
        for k in 0..<cv.foldCount {
            let fold = cv.fold(k)
            let (mean, sd) = Self.trainStatistics(data, rows: fold.trainIndices)
            Self.expectFitted(fold.train, rows: fold.trainIndices, of: data, mean: mean, sd: sd)
            Self.expectFitted(fold.dev, rows: fold.devIndices, of: data, mean: mean, sd: sd)
        }
        let (mean, sd) = Self.trainStatistics(data, rows: cv.developmentIndices)
        Self.expectFitted(cv.trainAndDev, rows: cv.developmentIndices, of: data, mean: mean, sd: sd)
        var opened = cv
        Self.expectFitted(opened.openTest(), rows: cv.testIndices, of: data, mean: mean, sd: sd)
    }

    @Test func aFreshDealImputesWithItsNewTrainRows() throws {
        let data = Self.gappy()
        let split = try DataSplit(dataset: data, train: 0.5, dev: 0.25, test: 0.25, seed: 4)
        let fresh = split.freshTrainDev(of: data, seed: 9)
        let trainRows = Array(Set(split.trainIndices + split.devIndices).subtracting(fresh.devIndices))
        let (mean, sd) = Self.trainStatistics(data, rows: trainRows)
        #expect(abs(fresh.standardizer.means[0] - mean) < 1e-12 && abs(fresh.standardizer.scales[0] - sd) < 1e-12)
        Self.expectFitted(fresh.dev, rows: fresh.devIndices, of: data, mean: mean, sd: sd)
    }

    @Test func targetScalingIsFittedOnTheTrainedRowsOnly() throws {
        let data = Self.gappy()
        let split = try DataSplit(dataset: data, train: 0.5, dev: 0.25, test: 0.25, seed: 4)
        let session = try TrainingSession(configuration: LearningFixtures.configuration(["epochs": .integer(1)]),
                                          train: split.train, dev: split.dev, backend: DeterministicGEMM())
        let trainTargets = split.trainIndices.map { 10 * Double($0) }
        let mean = trainTargets.reduce(0, +) / Double(trainTargets.count)
        #expect(abs(session.scaling.mean - mean) < 1e-3, "train targets only, not dev's")
        let all = (split.trainIndices + split.devIndices).map { 10 * Double($0) }
        #expect(abs(all.reduce(0, +) / Double(all.count) - mean) > 1e-3, "the data tells the two apart")
    }
}
