import Testing
@testable import HyperLabKit

/// The hypervolume on hand-computed cases in one, two and three dimensions.
@Suite struct HypervolumeTests {
    @Test func twoDimensionalCasesByHand() {
        // A 3×1 box and a 2×3 box overlapping in 2×1: 3 + 6 − 2 = 7.
        #expect(Hypervolume.of([[1, 3], [2, 1]], reference: [4, 4]) == 7)
        // A dominated point and one outside the reference add nothing.
        #expect(Hypervolume.of([[1, 3], [2, 1], [3, 3], [5, 0]], reference: [4, 4]) == 7)
        #expect(Hypervolume.of([], reference: [4, 4]) == 0)
        #expect(Hypervolume.of([[0, 0]], reference: [2, 3]) == 6)
        #expect(Hypervolume.of([[2]], reference: [5]) == 3)
    }

    @Test func threeDimensionalCasesByHand() {
        #expect(Hypervolume.of([[0, 0, 0]], reference: [1, 2, 3]) == 6)
        // By inclusion–exclusion: box A = [0,2]×[0,2]×[1,2] (4), box B = [1,2]×[0,2]×[0,2] (4), overlap [1,2]×[0,2]×[1,2] (2).
        #expect(Hypervolume.of([[0, 0, 1], [1, 0, 0]], reference: [2, 2, 2]) == 6)
        // Three points each best on one axis, reference 2: three 2·1·1 boxes, each pair overlapping in
        // the unit cube [1,2]³, which all three share: 6 − 3 + 1 = 4.
        #expect(Hypervolume.of([[0, 1, 1], [1, 0, 1], [1, 1, 0]], reference: [2, 2, 2]) == 4)
    }

    @Test func contributionsAndReferencePoint() {
        // Removing (1, 3) leaves 2·3 = 6; removing (2, 1) leaves 3·1 = 3.
        #expect(Hypervolume.contributions([[1, 3], [2, 1]], reference: [4, 4]) == [1, 4])
        #expect(Hypervolume.referencePoint([[1, -2], [3, -1], [0, 0]]) == [3.3000000000000003, 1e-12 * 1.1])
    }
}
