import Testing
@testable import HyperLabKit

@Suite struct PrunerTests {
    private func context(_ own: [Int: Double], step: Int, peers: [Double], peerCount: Int? = nil,
                         direction: MetricDirection = .maximize) -> PruningContext {
        PruningContext(number: 20, step: step, values: own,
                       peerValues: Dictionary(uniqueKeysWithValues: peers.enumerated().map { ($0.offset, $0.element) }),
                       peerCount: peerCount ?? peers.count, direction: direction)
    }

    @Test func medianComparesTheBestValueSoFarWithThePeersMedian() {
        let pruner = MedianPruner(startupTrials: 3, warmupSteps: 2)
        let peers = [0.5, 0.7, 0.9, 0.6]   // median 0.65
        #expect(!pruner.shouldPrune(context([1: 0.1], step: 1, peers: peers)))              // warm-up
        #expect(pruner.shouldPrune(context([1: 0.1, 2: 0.6], step: 2, peers: peers)))
        #expect(!pruner.shouldPrune(context([1: 0.66, 2: 0.6], step: 2, peers: peers)))    // best so far 0.66
        #expect(!pruner.shouldPrune(context([2: 0.1], step: 2, peers: peers, peerCount: 2))) // startup
        #expect(pruner.shouldPrune(context([2: .nan], step: 2, peers: peers)))
        #expect(!pruner.shouldPrune(context([2: 0.1], step: 2, peers: [], peerCount: 5)))   // nobody reached step 2
        // Minimizing a loss: 0.7 is worse than the median 0.65.
        #expect(pruner.shouldPrune(context([2: 0.7], step: 2, peers: peers, direction: .minimize)))
        #expect(!pruner.shouldPrune(context([2: 0.6], step: 2, peers: peers, direction: .minimize)))
    }

    @Test func ashaRungsAndPromotions() {
        let asha = SuccessiveHalvingPruner()
        #expect(asha.rungs(upTo: 30) == [1, 3, 9, 27])
        #expect((1...10).filter(asha.isDecisionStep) == [1, 3, 9])
        #expect(!asha.shouldPrune(context([2: 0.0], step: 2, peers: [0.9])))              // not a rung
        // Alone or with one peer (⌊n/3⌋ = 0): only the best continues.
        #expect(!asha.shouldPrune(context([1: 0.5], step: 1, peers: [])))
        #expect(asha.shouldPrune(context([1: 0.5], step: 1, peers: [0.6])))
        #expect(!asha.shouldPrune(context([1: 0.7], step: 1, peers: [0.6])))
        // Six values at the rung: the top two continue.
        let peers = [0.1, 0.2, 0.3, 0.4, 0.8]
        #expect(!asha.shouldPrune(context([3: 0.5], step: 3, peers: peers)))   // 2nd of 6
        #expect(asha.shouldPrune(context([3: 0.35], step: 3, peers: peers)))   // 3rd of 6
        #expect(!asha.shouldPrune(context([3: 0.15], step: 3, peers: peers, direction: .minimize)))
        #expect(asha.shouldPrune(context([3: 0.25], step: 3, peers: peers, direction: .minimize)))
        let late = SuccessiveHalvingPruner(minimumResource: 2, reductionFactor: 2, minimumEarlyStoppingRate: 1)
        #expect(late.rungs(upTo: 20) == [4, 8, 16])
    }

    @Test func noPrunerNeverDecides() {
        #expect(!NoPruner().isDecisionStep(1))
        #expect(!NoPruner().shouldPrune(context([1: .nan], step: 1, peers: [1])))
    }
}
