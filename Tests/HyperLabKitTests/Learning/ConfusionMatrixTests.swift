import Testing
@testable import HyperLabKit

@Suite struct ConfusionMatrixTests {
    @Test func countsTrueClassesByRowAndPredictionsByColumn() {
        let m = ConfusionMatrix(labels: [0, 1, 1, 2, 2, 2], predicted: [0, 0, 1, 2, 1, 2], classes: 3)
        #expect(m.counts == [[1, 0, 0], [1, 1, 0], [0, 1, 2]])
        #expect(m.total == 6)
        #expect(m.recall(1) == 0.5)
        #expect(ConfusionMatrix(labels: [0], predicted: [0], classes: 2).recall(1) == nil)
    }
}
