import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabKit

/// A store is one regular file: devices and pipes are refused, a read-only file is listed and
/// opened, and a refused file leaves no `-wal` or `-shm` file beside it.
@Suite struct SQLiteStoreFileTests {
    @Test func aDeviceIsRefusedWithAClearMessage() throws {
        let problem = try #require(SQLiteStoreFile.problem(path: "/dev/null"))
        #expect(problem.message == "/dev/null is a device, not a regular file: it cannot keep studies")
        #expect(problem.hint?.contains("--store memory") == true)
        do {
            _ = try SQLiteStudyStore.open(path: "/dev/null")
            Issue.record("/dev/null opened as a store")
        } catch {
            #expect(error.kind == .inaccessible)
            #expect(error.message.contains("not a regular file"))
        }
    }

    @Test func aPipeIsRefusedWithoutWaitingOnIt() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/pipe.sqlite"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(throws: StorageError.self) { try SQLiteStudyStore.open(path: path) }
        #expect(SQLiteStoreFile.problem(path: path)?.message.contains("is a pipe") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe.sqlite"])
    }

    @Test func aRegularFileAFolderAndAMissingPathAreNotThisChecksProblem() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SQLiteStudyStoreTests.makeStore(at: folder + "/s.sqlite")
        #expect(SQLiteStoreFile.problem(path: folder + "/s.sqlite") == nil)
        #expect(SQLiteStoreFile.problem(path: folder) == nil)
        #expect(SQLiteStoreFile.problem(path: folder + "/none.sqlite") == nil)
    }

    @Test func aDamagedWALFileLeavesNoSideFiles() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/damaged.sqlite"
        try SQLiteStudyStoreTests.makeStore(at: path)
        var data = try #require(FileManager.default.contents(atPath: path))
        #expect(data[18] == 2 && data[19] == 2)   // the header says WAL mode
        for i in stride(from: 4096, to: data.count, by: 1) where i % 2 == 0 { data[i] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.self) { try SQLiteStudyStore.open(path: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["damaged.sqlite"])
        #expect(FileManager.default.contents(atPath: path) == data)
    }

    @Test func aReadOnlyStoreIsListedAndOpenedButNotWritten() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { ReadOnlyFolder.unlock(folder); try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shared.sqlite"
        try SQLiteStudyStoreTests.makeStore(at: path)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder)
        try #require(ReadOnlyFolder.lock(folder), "this system cannot make a folder read-only")
        #expect(SQLiteStoreFile.isReadOnly(path: path))
        let store = try SQLiteStudyStore.open(path: path)
        #expect(store.isReadOnly)
        #expect(try store.studies().map(\.name) == ["sweep 1"])
        let stored = try store.load("sweep 1")
        #expect(stored.trials.count == 1 && stored.trials.first?.value == 0.5)
        let another = try StorageFixtures.definition("another")
        do {
            _ = try store.createStudy(another)
            Issue.record("a read-only store took a new study")
        } catch {
            #expect(error.message.contains("is read-only"))
            #expect(error.hint?.contains("copy it") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == before)
    }
}
