import Testing
@testable import HyperLabKit

@Suite struct RegressionForestTests {
    private let single = ForestOptions(trees: 1, bootstrap: false)

    @Test func oneSplitGivesTheVarianceOfAStepWeightedByLength() throws {
        // Samples at 0.2 and 0.6: the split sits at 0.4, so 0 on [0, 0.4] and 1 on (0.4, 1].
        let forest = try RegressionForest(inputs: [[0.2], [0.6]], kinds: [.continuous], values: [0, 1], options: single)
        let tree = forest.trees[0]
        #expect(tree.leafCount == 2)
        #expect(tree.predict([0.4]) == 0 && tree.predict([0.41]) == 1)
        let parts = tree.varianceDecomposition()
        #expect(abs(parts.mean - 0.6) < 1e-15)
        #expect(abs(parts.totalVariance - 0.24) < 1e-15)
        #expect(abs(parts.mainEffectVariances[0] - 0.24) < 1e-15)
    }

    @Test func categoriesSplitBySubsetsAndUnseenOnesJoinTheLargerSide() throws {
        // Categories 0 and 1 score 0, category 2 scores 3, category 3 never appears.
        let inputs: [[Double]] = [[0.5, 0], [0.5, 1], [0.5, 2]]
        let forest = try RegressionForest(inputs: inputs, kinds: [.continuous, .categorical(count: 4)],
                                          values: [0, 0, 3], options: single)
        let tree = forest.trees[0]
        #expect(tree.leafCount == 2)
        #expect([0.0, 1, 2, 3].map { tree.predict([0.5, $0]) } == [0, 0, 3, 0])
        // Leaves {0, 1, 3} → 0 (volume 3/4) and {2} → 3 (volume 1/4).
        let parts = tree.varianceDecomposition()
        #expect(abs(parts.mean - 0.75) < 1e-15)
        #expect(abs(parts.totalVariance - 1.6875) < 1e-12)
        #expect(abs(parts.mainEffectVariances[1] - 1.6875) < 1e-12)
        #expect(parts.mainEffectVariances[0] == 0)
    }

    @Test func theLeavesPartitionTheBox() throws {
        let kinds: [ImportanceInputKind] = [.continuous, .categorical(count: 5), .continuous]
        let (x, y) = AnalysisFixtures.trials(150, kinds: kinds) { x in x[0] * x[1] + x[2] }
        let forest = try RegressionForest(inputs: x, kinds: kinds, values: y, options: ForestOptions(trees: 3), seed: 2)
        for tree in forest.trees {
            let boxes = tree.leafBoxes()
            var volume = 0.0
            for l in boxes.values.indices {
                var v = 1.0
                for j in 0..<3 {
                    v *= j == 1 ? Double(boxes.sets[l * 3 + 1].count) / 5 : boxes.high[l * 3 + j] - boxes.low[l * 3 + j]
                }
                volume += v
            }
            #expect(abs(volume - 1) < 1e-12)
            #expect(boxes.values.count == tree.leafCount)
        }
    }

    @Test func exactMainEffectsAgreeWithIntegrationOnAFineGrid() throws {
        let kinds = AnalysisFixtures.continuous(2)
        let (x, y) = AnalysisFixtures.trials(60, kinds: kinds) { x in (3 * x[0]).squareRoot() + x[0] * x[1] }
        let forest = try RegressionForest(inputs: x, kinds: kinds, values: y, options: ForestOptions(trees: 2), seed: 4)
        let m = 400
        let grid = (0..<m).map { (Double($0) + 0.5) / Double(m) }
        for tree in forest.trees {
            var table = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for b in 0..<m { table[a * m + b] = tree.predict([grid[a], grid[b]]) } }
            let mean = table.reduce(0, +) / Double(m * m)
            let total = table.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m * m)
            let rows = (0..<m).map { a in (0..<m).reduce(0) { $0 + table[a * m + $1] } / Double(m) }
            let columns = (0..<m).map { b in (0..<m).reduce(0) { $0 + table[$1 * m + b] } / Double(m) }
            let effect0 = rows.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m)
            let effect1 = columns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m)
            let parts = tree.varianceDecomposition()
            #expect(abs(parts.mean - mean) < 0.01 * total.squareRoot())
            #expect(abs(parts.totalVariance - total) < 0.02 * total)
            #expect(abs(parts.mainEffectVariances[0] - effect0) < 0.02 * total)
            #expect(abs(parts.mainEffectVariances[1] - effect1) < 0.02 * total)
        }
    }

    @Test func theForestFollowsTheData() throws {
        let (x, y) = AnalysisFixtures.trials(100, kinds: [.continuous]) { $0[0] > 0.5 ? 1 : 0 }
        let forest = try RegressionForest(inputs: x, kinds: [.continuous], values: y, options: ForestOptions(trees: 8))
        #expect(forest.predict([0.1]) == 0 && forest.predict([0.9]) == 1)
    }

    @Test func optionsBoundTheTrees() throws {
        let kinds = AnalysisFixtures.continuous(3)
        let (x, y) = AnalysisFixtures.trials(80, kinds: kinds) { $0[0] + 2 * $0[1] * $0[2] }
        let stump = try RegressionForest(inputs: x, kinds: kinds, values: y, options: ForestOptions(trees: 4, maxDepth: 1))
        #expect(stump.trees.allSatisfy { $0.leafCount == 2 })
        let coarse = try RegressionForest(inputs: x, kinds: kinds, values: y,
                                          options: ForestOptions(trees: 4, minSamplesLeaf: 10))
        #expect(coarse.trees.allSatisfy { $0.leafCount <= 8 })
        let random = try RegressionForest(inputs: x, kinds: kinds, values: y,
                                          options: ForestOptions(trees: 4, featuresPerSplit: 1))
        #expect(random.trees.allSatisfy { $0.leafCount > 8 })
    }

    @Test func eachTreeDependsOnlyOnTheSeedAndItsNumber() throws {
        let kinds: [ImportanceInputKind] = [.continuous, .categorical(count: 3)]
        let (x, y) = AnalysisFixtures.trials(50, kinds: kinds) { $0[0] + $0[1] }
        let four = try RegressionForest(inputs: x, kinds: kinds, values: y, options: ForestOptions(trees: 4), seed: 9)
        let eight = try RegressionForest(inputs: x, kinds: kinds, values: y, options: ForestOptions(trees: 8), seed: 9)
        let probes: [[Double]] = [[0.1, 0], [0.5, 1], [0.93, 2], [0.33, 1]]
        for t in 0..<4 {
            #expect(probes.map(four.trees[t].predict) == probes.map(eight.trees[t].predict))
            #expect(four.trees[t].varianceDecomposition() == eight.trees[t].varianceDecomposition())
        }
        #expect(probes.map(four.trees[0].predict) != probes.map(four.trees[1].predict))
    }
}
