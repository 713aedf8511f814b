import Testing
@testable import HyperLabKit

@Suite struct DatasetSummaryTests {
    @Test func classificationSummary() throws {
        let summary = DatasetSummary(try BuiltinDatasets.load(name: "iris"))
        #expect(summary.rows == 150)
        #expect(summary.featureCount == 4)
        #expect(summary.task == .classification)
        #expect(summary.classes?.map(\.name) == ["setosa", "versicolor", "virginica"])
        #expect(summary.classes?.map(\.count) == [50, 50, 50])
        #expect(summary.classes?.allSatisfy { abs($0.fraction - 1.0 / 3) < 1e-12 } == true)
        #expect(summary.target == nil)
        let petal = summary.features[2]
        #expect(petal.name == "petal length (cm)")
        #expect(petal.statistics.min == 1.0)
        #expect(petal.statistics.max == 6.9)
        #expect(abs(petal.statistics.mean - 3.758) < 1e-9)
        #expect(abs(petal.statistics.sd - 1.759404) < 1e-5)   // population sd
        #expect(summary.missingTotal == 0)
    }

    @Test func regressionSummary() throws {
        let summary = DatasetSummary(try BuiltinDatasets.load(name: "diabetes"))
        #expect(summary.task == .regression)
        #expect(summary.classes == nil)
        let target = try #require(summary.target)
        #expect(target.count == 442)
        #expect(abs(target.mean - 152.133484) < 1e-5)
    }

    @Test func statisticsOfFewValues() {
        let s = ValueStatistics([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.mean == 5)
        #expect(s.sd == 2)
        #expect(s.min == 2 && s.max == 9)
        #expect(ValueStatistics([Double]()).count == 0)
    }
}
