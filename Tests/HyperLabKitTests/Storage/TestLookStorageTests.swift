import Foundation
import GRDB
import Testing
@testable import HyperLabKit

/// Looks at test parts are kept per dataset content hash, in memory, in a SQLite file that
/// outlives the process (an older file gains the table when opened), and in PostgreSQL when
/// the test server is set (`HYPERLAB_TEST_POSTGRES_URL`).
@Suite struct TestLookStorageTests {
    static func look(_ dataset: Dataset, _ seconds: Double, score: Double? = 0.9) -> TestLook {
        TestLook(dataset: dataset, date: Date(timeIntervalSince1970: seconds), kind: score == nil ? .resplit : .evaluation,
                 split: "train=0.6 dev=0.2 test=0.2 seed=1 stratify=no", configuration: score == nil ? "" : "linear · sgd lr=0.1 · 5 epochs",
                 metric: score == nil ? nil : "test_acc", score: score)
    }

    @Test func theContentHashIgnoresNameAndSourceAndSeesEveryValue() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let renamed = Dataset(name: "flowers", featureNames: iris.featureNames, features: iris.features, target: iris.target,
                              source: .csv(path: "flowers.csv", target: "species", task: .classification, missing: .none))
        #expect(iris.contentHash == renamed.contentHash)
        var features = iris.features
        features[17] += 0.1
        let changed = Dataset(name: "iris", featureNames: iris.featureNames, features: features, target: iris.target, source: iris.source)
        #expect(iris.contentHash != changed.contentHash)
        #expect(try BuiltinDatasets.load(name: "wine").contentHash != iris.contentHash)
    }

    @Test func eachStoreKeepsLooksPerDatasetOnceEach() throws {
        let iris = try BuiltinDatasets.load(name: "iris"), wine = try BuiltinDatasets.load(name: "wine")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("looks-\(UUID().uuidString).sqlite").path
        var stores: [any StudyRepository] = [MemoryStudyRepository(), try SQLiteStudyStore.open(path: path)]
        var cleanUp: () -> Void = {}
        defer { cleanUp() }
        if PostgreSQLTestServer.isAvailable {
            let (server, _, drop) = try PostgreSQLTestServer.store()
            stores.append(server)
            cleanUp = drop
        }
        for store in stores {
            let first = Self.look(iris, 20), second = Self.look(iris, 30, score: nil)
            try store.recordLook(second)
            try store.recordLook(first)
            try store.recordLook(first)
            try store.recordLook(Self.look(wine, 25))
            #expect(try store.looks(ofDataset: iris.contentHash) == [first, second], "\(store.location)")
            #expect(try store.looks(ofDataset: wine.contentHash).count == 1)
        }
        #expect(try SQLiteStudyStore.open(path: path).looks(ofDataset: iris.contentHash).count == 2, "kept in the file")
    }

    @Test func aSchemaOneFileGainsTheLooksWhenOpened() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        let store = try SQLiteStudyStore.open(path: path)
        try store.recordLook(Self.look(iris, 1))
        #expect(try store.looks(ofDataset: iris.contentHash).count == 1)
        #expect(try store.versions().schema == 2)
    }

    @Test func mergingCountsALookOnce() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let a = Self.look(iris, 10), b = Self.look(iris, 5)
        #expect([a].merged(with: [b, a]) == [b, a])
    }
}
