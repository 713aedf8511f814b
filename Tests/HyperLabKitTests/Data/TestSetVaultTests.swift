import Testing
@testable import HyperLabKit

@Suite struct TestSetVaultTests {
    @Test func sizesAreReadableWithoutALook() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 4, stratify: true)
        #expect(split.test.count == 30)
        #expect(split.test.indices.count == 30)
        #expect(split.test.classCounts == [10, 10, 10])
        #expect(split.test.sealed.featureCount == 4)
        #expect(split.test.sealed.task == .classification)
        #expect(split.testLooks == 0)
    }

    @Test func openingCountsEveryLookAndGivesTheStandardizedTestRows() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        var split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 4)
        let first = split.openTest()
        #expect(split.testLooks == 1)
        let second = split.openTest()
        #expect(split.testLooks == 2)
        #expect(first == second)
        #expect(first.count == 30)
        let expected = split.standardizer.standardized(iris, rows: split.testIndices)
        #expect(first.features == expected)
        #expect(first.targets == iris.target.partitionTargets(split.testIndices))
    }

    @Test func aVaultCountsItsOwnLooks() throws {
        let part = Partition(features: Matrix(rows: 2, columns: 1, storage: [1, 2]), targets: .values([3, 4]))
        var vault = TestSetVault(sealing: part, indices: [7, 9])
        #expect(vault.looks == 0)
        #expect(vault.count == 2 && vault.indices == [7, 9])
        #expect(vault.classCounts == nil)
        #expect(vault.open() == part)
        #expect(vault.open() == part)
        #expect(vault.looks == 2)
    }
}
