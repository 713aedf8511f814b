import Foundation
import GRDB
import Testing
@testable import HyperLabKit

/// What only a file store does: survive reopening, and refuse files it must not write to
/// without changing a byte of them.
@Suite struct SQLiteStudyStoreTests {
    /// The bytes of a file, or nil if it does not exist.
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A store file with one study and one finished trial, closed.
    static func makeStore(at path: String) throws {
        let store = try SQLiteStudyStore.open(path: path)
        let id = try store.createStudy(try StorageFixtures.definition())
        let trial = Trial(number: 0, parameters: TrialParameters([("lr", .real(0.01))]), state: .complete,
                          intermediateValues: [1: 0.5], value: 0.5, seed: 9)
        try store.trialStore(for: id).trialStarted(Trial(number: 0, parameters: trial.parameters, state: .running, seed: 9))
        try store.trialStore(for: id).trialFinished(trial)
    }

    /// Opening `path` fails with `kind`, and the file's bytes and the folder's file list (no `-wal`
    /// or `-shm` left beside it) are unchanged.
    static func expectRefused(_ path: String, _ kind: StorageError.Kind, sourceLocation: SourceLocation = #_sourceLocation) throws -> StorageError? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let before = bytes(path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var caught: StorageError?
        do {
            _ = try SQLiteStudyStore.open(path: path)
            Issue.record("\(path) opened", sourceLocation: sourceLocation)
        } catch {
            caught = error
            #expect(error.kind == kind, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.hint?.isEmpty == false, sourceLocation: sourceLocation)
        }
        #expect(bytes(path) == before, "the file changed", sourceLocation: sourceLocation)
        let after = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(after == listing, "files were left beside it", sourceLocation: sourceLocation)
        return caught
    }

    @Test func aFinishedTrialIsThereAfterReopening() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/studies.sqlite"
        try Self.makeStore(at: path)
        let again = try SQLiteStudyStore.open(path: path)
        let stored = try again.load("sweep 1")
        #expect(stored.trials.count == 1)
        #expect(stored.trials.first?.state == .complete && stored.trials.first?.value == 0.5)
        #expect(stored.trials.first?.intermediateValues == [1: 0.5])
        let versions = try again.versions()
        #expect(versions.schema == SQLiteStudyStore.schemaVersion)
        #expect(versions.createdBy == HyperLabVersion.current && versions.writtenBy == HyperLabVersion.current)
        let journal = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func aFileFromANewerSchemaIsRefusedUnchanged() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/future.sqlite"
        try Self.makeStore(at: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
            try db.execute(sql: "UPDATE meta SET value = '9.9.0' WHERE key = 'written_by'")
            try db.execute(sql: "PRAGMA user_version = 99")
        }
        let error = try Self.expectRefused(path, .newerSchema)
        #expect(error?.message.contains("HyperLab 9.9.0") == true)
        #expect(error?.message.contains("schema 99") == true)
        #expect(error?.hint?.contains("upgrade HyperLab") == true)
    }

    @Test func aFileWithAnUnknownMigrationIsRefusedUnchanged() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/superseded.sqlite"
        try Self.makeStore(at: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(SQLiteStudyStore.schemaVersion + 1)')")
        }
        _ = try Self.expectRefused(path, .newerSchema)
    }

    @Test func randomBytesAreRefusedUnchanged() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = SeededGenerator(seed: 11)
        for (name, size) in [("random.sqlite", 8192), ("short.sqlite", 40)] {
            let path = folder + "/" + name
            try Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
            let error = try Self.expectRefused(path, .notADatabase)
            #expect(error?.message.contains("not a HyperLab store") == true)
        }
    }

    @Test func damagedPagesAreRefusedUnchanged() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/damaged.sqlite"
        try Self.makeStore(at: path)
        var data = try #require(Self.bytes(path))
        var generator = SeededGenerator(seed: 5)
        // Keep the 100-byte header, scramble the rest of the first page and all later pages.
        for i in 100..<data.count where i % 3 != 0 { data[i] = UInt8.random(in: 0...255, using: &generator) }
        try data.write(to: URL(fileURLWithPath: path))
        _ = try Self.expectRefused(path, .notADatabase)
    }

    @Test func anotherProgramsDatabaseIsRefusedUnchanged() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/contacts.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada')")
        }
        let error = try Self.expectRefused(path, .foreignDatabase)
        #expect(error?.message.contains("contact") == true)
    }

    @Test func aFolderOrAMissingFolderIsAClearError() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StorageError.self) { try SQLiteStudyStore.open(path: folder) }
        do { _ = try SQLiteStudyStore.open(path: folder + "/no/such/folder/x.sqlite") } catch {
            #expect(error.kind == .inaccessible)
        }
        // An empty file becomes a new store.
        _ = FileManager.default.createFile(atPath: folder + "/empty.sqlite", contents: Data())
        #expect(try SQLiteStudyStore.open(path: folder + "/empty.sqlite").studies().isEmpty)
    }

    @Test func aChangedCSVFileIsNoticed() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/points.csv"
        try Data("x,y\n1,a\n2,b\n3,a\n4,b\n".utf8).write(to: URL(fileURLWithPath: csv))
        let reference = try DatasetReference(.csv(path: "points.csv", target: "y", task: .classification, missing: .none),
                                             relativeTo: folder)
        guard case .csv(_, _, _, _, _, let hash, _) = reference else { Issue.record("not a CSV reference"); return }
        #expect(hash == SHA256.hex(of: Array("x,y\n1,a\n2,b\n3,a\n4,b\n".utf8)))
        try reference.verify()
        #expect(reference.loadArguments == "\"points.csv\" target=y task=classification")
        #expect(reference.displayName == "points.csv")
        try Data("x,y\n1,a\n2,b\n3,b\n4,b\n".utf8).write(to: URL(fileURLWithPath: csv))
        do { try reference.verify(); Issue.record("a changed file passed") } catch {
            #expect(error.kind == .datasetChanged)
            #expect(error.message.contains("points.csv has changed"))
        }
        try FileManager.default.removeItem(atPath: csv)
        do { try reference.verify(); Issue.record("a missing file passed") } catch {
            #expect(error.kind == .datasetChanged)
            #expect(error.message.contains("missing"))
        }
        let moons = try DatasetReference(BuiltinDatasets.load(name: "moons", options: ["n": .integer(40)]).source)
        #expect(moons.loadArguments.hasPrefix("moons n=40"))
        #expect(try moons.loadDataset().rowCount == 40)
    }
}
