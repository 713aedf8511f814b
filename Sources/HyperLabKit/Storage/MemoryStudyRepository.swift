import Synchronization

/// Studies kept in memory (`--store memory`): the same behaviour as the SQLite store, gone
/// when the process ends.
///
/// Safe to share between threads; never fails except for names (taken or unknown).
public final class MemoryStudyRepository: StudyRepository {
    private struct Entry {
        var id: StudyID
        var definition: StudyDefinition
        var trials: MemoryStudyStore
    }

    private let entries = Mutex<[Entry]>([])
    private let nextID = Mutex<Int64>(1)
    private let testLooks = Mutex<[TestLook]>([])

    /// An empty repository.
    public init() {}

    /// "memory".
    public var location: String { "memory" }

    /// Stores a new study with no trials.
    public func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID {
        try StudyName.checkForStore(definition.name)
        let id = StudyID(nextID.withLock { n in
            defer { n += 1 }
            return n
        })
        let added = entries.withLock { entries in
            guard !entries.contains(where: { $0.definition.name == definition.name }) else { return false }
            entries.append(Entry(id: id, definition: definition, trials: MemoryStudyStore()))
            return true
        }
        guard added else {
            throw StorageError(.studyExists, "a study named '\(definition.name)' already exists in memory",
                               hint: "choose another name= or resume that study")
        }
        return id
    }

    /// Every study, oldest first.
    public func studies() throws(StorageError) -> [StudySummary] {
        entries.withLock { $0 }.map { entry in
            let trials = entry.trials.allTrials
            var counts: [TrialState: Int] = [:]
            for trial in trials { counts[trial.state, default: 0] += 1 }
            let d = entry.definition
            return StudySummary(id: entry.id, name: d.name, dataset: d.datasetDisplayName, sampler: d.sampler,
                                status: d.status, created: d.created, metric: d.metric, direction: d.direction,
                                trialCount: d.trialCount, counts: counts, best: trials.best(for: d.direction)?.value,
                                interrupted: trials.filter { $0.state == .failed && $0.wasInterrupted }.count)
        }
    }

    /// The study named `name` with its trials.
    public func load(_ name: String) throws(StorageError) -> StoredStudy {
        let entry = try self.entry(name)
        return StoredStudy(id: entry.id, definition: entry.definition, trials: entry.trials.allTrials)
    }

    /// Marks running trials failed ("interrupted") and a running study interrupted.
    @discardableResult
    public func markInterrupted(_ name: String) throws(StorageError) -> Int {
        let entry = try self.entry(name)
        let marked = entry.trials.markInterrupted()
        entries.withLock { entries in
            if let i = entries.firstIndex(where: { $0.id == entry.id }), entries[i].definition.status == .running {
                entries[i].definition.status = .interrupted
            }
        }
        return marked
    }

    /// Sets the study's status.
    public func setStatus(_ status: StudyStatus, of name: String) throws(StorageError) {
        let id = try entry(name).id
        entries.withLock { entries in
            if let i = entries.firstIndex(where: { $0.id == id }) { entries[i].definition.status = status }
        }
    }

    /// Removes the study.
    public func deleteStudy(_ name: String) throws(StorageError) {
        let id = try entry(name).id
        entries.withLock { $0.removeAll { $0.id == id } }
    }

    /// The trial store of one study (an empty store for an unknown id).
    public func trialStore(for study: StudyID) -> any StudyStore {
        entries.withLock { $0.first { $0.id == study }?.trials } ?? MemoryStudyStore()
    }

    /// Keeps a look at a test part.
    public func recordLook(_ look: TestLook) throws(StorageError) {
        testLooks.withLock { looks in
            if !looks.contains(where: { $0.id == look.id }) { looks.append(look) }
        }
    }

    /// The looks at the dataset with content hash `hash`, oldest first.
    public func looks(ofDataset hash: String) throws(StorageError) -> [TestLook] {
        testLooks.withLock { $0 }.filter { $0.datasetHash == hash }.merged(with: [])
    }

    private func entry(_ name: String) throws(StorageError) -> Entry {
        let all = entries.withLock { $0 }
        guard let entry = all.first(where: { $0.definition.name == name }) else {
            throw noSuchStudy(name, among: all.map(\.definition.name))
        }
        return entry
    }
}
