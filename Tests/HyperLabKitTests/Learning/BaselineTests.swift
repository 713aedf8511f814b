import Testing
@testable import HyperLabKit

@Suite struct BaselineTests {
    static func partition(_ labels: [Int32], classes: Int) -> Partition {
        Partition(features: Matrix(rows: labels.count, columns: 1), targets: .classes(labels, classCount: classes))
    }

    @Test func majorityClassOfTrainScoredOnAnotherPart() {
        let baseline = Baseline(fitting: Self.partition([0, 2, 2, 1, 2], classes: 3))
        #expect(baseline.prediction == .majorityClass(2))
        let dev = Self.partition([2, 0, 2, 1], classes: 3)
        #expect(baseline.score(on: dev) == 0.5)
        #expect(baseline.isBeaten(by: 0.75, on: dev))
        #expect(!baseline.isBeaten(by: 0.5, on: dev))
    }

    @Test func aTieGoesToTheLowestLabel() {
        #expect(Baseline(fitting: Self.partition([1, 0, 1, 0], classes: 2)).prediction == .majorityClass(0))
    }

    @Test func trainMeanScoredByRMSE() {
        let train = Partition(features: Matrix(rows: 3, columns: 1), targets: .values([1, 2, 6]))
        let baseline = Baseline(fitting: train)
        #expect(baseline.prediction == .mean(3))
        let dev = Partition(features: Matrix(rows: 2, columns: 1), targets: .values([1, 5]))
        // errors −2 and 2: RMSE 2
        #expect(baseline.score(on: dev) == 2)
        #expect(baseline.isBeaten(by: 1.5, on: dev))
        #expect(!baseline.isBeaten(by: 2, on: dev))
    }
}
