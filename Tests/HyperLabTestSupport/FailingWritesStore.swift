import Foundation
import HyperLabKit

/// A study store in memory that fails with "the disk is full", as a store on a full disk does,
/// each `record` call that holds the end of a trial numbered `firstTrial` or above, `times` times
/// at most (then writes go through again): the Kit's and the shell's store-failure tests.
public final class FailingWritesStore: StudyStore, @unchecked Sendable {
    /// The store the writes that succeed go to.
    public let inner: any StudyStore
    private let firstTrial: Int
    private let lock = NSLock()
    private var failuresLeft: Int

    /// A store over `inner` (a new memory store when nil) that fails `times` times, from the
    /// write of trial `firstTrial`'s end on.
    public init(failingFromTrial firstTrial: Int, times: Int = .max, over inner: (any StudyStore)? = nil) {
        self.firstTrial = firstTrial
        failuresLeft = times
        self.inner = inner ?? MemoryStudyStore()
    }

    /// Fails when the events end a trial numbered `firstTrial` or above and failures are left;
    /// else writes through.
    public func record(_ events: [StudyEvent]) throws(StudyStoreError) {
        let ends = events.contains { $0.kind == .finished && $0.trial.number >= firstTrial }
        let fails = lock.withLock {
            guard ends && failuresLeft > 0 else { return false }
            failuresLeft -= 1
            return true
        }
        if fails { throw StudyStoreError("the disk is full") }
        try inner.record(events)
    }

    public func trialStarted(_ trial: Trial) throws(StudyStoreError) { try inner.trialStarted(trial) }
    public func trialReported(number: Int, step: Int, value: Double) throws(StudyStoreError) {
        try inner.trialReported(number: number, step: step, value: value)
    }
    public func trialFinished(_ trial: Trial) throws(StudyStoreError) { try inner.trialFinished(trial) }
    public func trials() throws(StudyStoreError) -> [Trial] { try inner.trials() }
}

/// A repository in memory whose trial stores fail as `FailingWritesStore` does; everything
/// else, the status of a study included, goes through.
public final class FailingWritesRepository: StudyRepository {
    private let inner = MemoryStudyRepository()
    private let firstTrial: Int
    private let times: Int
    private let statusFails: Bool
    private let looksFail: Bool

    /// A repository whose studies' writes fail `times` times from the end of trial `firstTrial`
    /// on; with `statusFails`, setting a study's status fails too; with `looksFail`, reading and
    /// keeping looks at a test set fail.
    public init(failingFromTrial firstTrial: Int, times: Int = .max, statusFails: Bool = false, looksFail: Bool = false) {
        self.firstTrial = firstTrial
        self.times = times
        self.statusFails = statusFails
        self.looksFail = looksFail
    }

    public var location: String { "test.sqlite" }
    public func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID { try inner.createStudy(definition) }
    public func studies() throws(StorageError) -> [StudySummary] { try inner.studies() }
    public func load(_ name: String) throws(StorageError) -> StoredStudy { try inner.load(name) }
    public func markInterrupted(_ name: String) throws(StorageError) -> Int { try inner.markInterrupted(name) }
    public func setStatus(_ status: StudyStatus, of name: String) throws(StorageError) {
        if statusFails { throw StorageError(.databaseFailure, "cannot set the status of \(name) in test.sqlite: the disk is full") }
        try inner.setStatus(status, of: name)
    }
    public func deleteStudy(_ name: String) throws(StorageError) { try inner.deleteStudy(name) }
    public func trialStore(for study: StudyID) -> any StudyStore {
        FailingWritesStore(failingFromTrial: firstTrial, times: times, over: inner.trialStore(for: study))
    }
    public func recordLook(_ look: TestLook) throws(StorageError) {
        if looksFail { throw StorageError(.databaseFailure, "the disk is full") }
        try inner.recordLook(look)
    }
    public func looks(ofDataset hash: String) throws(StorageError) -> [TestLook] {
        if looksFail { throw StorageError(.databaseFailure, "the disk is full") }
        return try inner.looks(ofDataset: hash)
    }
}
