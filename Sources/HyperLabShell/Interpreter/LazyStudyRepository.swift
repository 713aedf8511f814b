import Foundation
import HyperLabKit
import Synchronization

/// A study store opened on first use (a SQLite file or a PostgreSQL server), so a session that
/// never sweeps neither pays for opening it nor leaves a file behind, and a store that cannot be
/// opened is an error of the command that needed it (with the store's message and hint).
public final class LazyStudyRepository: StudyRepository {
    private let path: String
    private let isFile: Bool
    private let open: @Sendable () throws(StorageError) -> any StudyRepository
    private let opened = Mutex<(any StudyRepository)?>(nil)

    /// A repository for the SQLite file at `path`, opened when first needed.
    public init(path: String) {
        self.path = path
        self.isFile = true
        self.open = { () throws(StorageError) in try SQLiteStudyStore.open(path: path) }
    }

    /// A repository on the PostgreSQL server at `url`, connected when first needed.
    public init(postgreSQL url: String) {
        self.path = PostgreSQLConnection.redacted(url)
        self.isFile = false
        self.open = { () throws(StorageError) in try PostgreSQLStudyStore.open(url: url) }
    }

    /// The file, or the server's URL without its password.
    public var location: String { path }

    /// The opened store (opening it now if needed).
    public func repository() throws(StorageError) -> any StudyRepository {
        if let open = opened.withLock({ $0 }) { return open }
        let store = try open()
        opened.withLock { $0 = store }
        return store
    }

    public func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID {
        try repository().createStudy(definition)
    }

    public func studies() throws(StorageError) -> [StudySummary] {
        // Listing does not create the file: no file yet means no studies.
        if isFile, opened.withLock({ $0 }) == nil, !FileManager.default.fileExists(atPath: path) { return [] }
        return try repository().studies()
    }

    public func load(_ name: String) throws(StorageError) -> StoredStudy {
        try repository().load(name)
    }

    @discardableResult
    public func markInterrupted(_ name: String) throws(StorageError) -> Int {
        try repository().markInterrupted(name)
    }

    public func setStatus(_ status: StudyStatus, of name: String) throws(StorageError) {
        try repository().setStatus(status, of: name)
    }

    public func deleteStudy(_ name: String) throws(StorageError) {
        try repository().deleteStudy(name)
    }

    public func recordLook(_ look: TestLook) throws(StorageError) {
        try repository().recordLook(look)
    }

    public func looks(ofDataset hash: String) throws(StorageError) -> [TestLook] {
        // Reading does not create the file: no file yet means no looks.
        if isFile, opened.withLock({ $0 }) == nil, !FileManager.default.fileExists(atPath: path) { return [] }
        return try repository().looks(ofDataset: hash)
    }

    public func trialStore(for id: StudyID) -> any StudyStore {
        // Only reached after createStudy or load opened the file.
        let open: (any StudyRepository)? = opened.withLock { $0 }
        return (open ?? MemoryStudyRepository()).trialStore(for: id)
    }
}

extension Shell {
    /// The store a `--store` or `set store=` value names: `memory`, a `postgresql://` URL, or a
    /// SQLite file (relative to `workingDirectory`), the last two opened when first needed.
    public static func repository(for choice: String, workingDirectory: String) -> any StudyRepository {
        if choice == "memory" { return MemoryStudyRepository() }
        if choice.hasPrefix("postgresql://") || choice.hasPrefix("postgres://") {
            return LazyStudyRepository(postgreSQL: choice)
        }
        return LazyStudyRepository(path: storePath(choice, workingDirectory: workingDirectory))
    }

    /// The SQLite file a store choice names: absolute as given, else relative to `workingDirectory`.
    static func storePath(_ choice: String, workingDirectory: String) -> String {
        choice.hasPrefix("/") ? choice : (workingDirectory as NSString).appendingPathComponent(choice)
    }
}
