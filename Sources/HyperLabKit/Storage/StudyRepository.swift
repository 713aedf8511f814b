/// A place that keeps many studies: the SQLite file (`--store PATH`, the default) or memory
/// (`--store memory`). The shell treats both alike.
///
/// ```swift
/// let store: any StudyRepository = try SQLiteStudyStore.open(path: "hyperlab.sqlite")
/// let id = try store.createStudy(definition)
/// let report = study.run(parallel: 2, store: store.trialStore(for: id), objective: objective)
/// try store.setStatus(report.stoppedEarly ? .interrupted : .complete, of: definition.name)
///
/// // resume, perhaps after a kill -9:
/// try store.markInterrupted("sweep 1")
/// let stored = try store.load("sweep 1")
/// study.run(parallel: 2, store: store.trialStore(for: stored.id), previous: stored.trials, objective: objective)
/// ```
public protocol StudyRepository: Sendable {
    /// Where the studies are kept, for messages: a file path, or "memory".
    var location: String { get }

    /// Stores a new study (status as given, usually running) with no trials.
    /// - Throws: `StorageError` (`.studyExists`) when the name is taken, or a write failure.
    func createStudy(_ definition: StudyDefinition) throws(StorageError) -> StudyID

    /// Every stored study, oldest first.
    func studies() throws(StorageError) -> [StudySummary]

    /// The study named `name` with its trials.
    /// - Throws: `StorageError` (`.noSuchStudy`) naming the stored studies when none has that name.
    func load(_ name: String) throws(StorageError) -> StoredStudy

    /// Marks the trials of `name` left running by a process that died as failed, reason
    /// "interrupted", and a running study as interrupted. Returns how many trials it marked.
    @discardableResult
    func markInterrupted(_ name: String) throws(StorageError) -> Int

    /// Sets the status of the study named `name`.
    func setStatus(_ status: StudyStatus, of name: String) throws(StorageError)

    /// Removes the study named `name` and its trials.
    func deleteStudy(_ name: String) throws(StorageError)

    /// The `StudyStore` of one study, for `Study.run(store:)`: every trial event is written
    /// to that study.
    func trialStore(for study: StudyID) -> any StudyStore

    /// Keeps one look at a dataset's test part (a look already kept, by id, is kept once).
    func recordLook(_ look: TestLook) throws(StorageError)

    /// The looks kept for the dataset whose `Dataset.contentHash` is `hash`, oldest first.
    func looks(ofDataset hash: String) throws(StorageError) -> [TestLook]
}

extension StudyRepository {
    /// `base` if no stored study has that name, else `base (2)`, `base (3)`, ...
    public func availableName(_ base: String) throws(StorageError) -> String {
        let taken = Set(try studies().map(\.name))
        guard taken.contains(base) else { return base }
        var k = 2
        while taken.contains(numbered(base, k)) { k += 1 }
        return numbered(base, k)
    }

    /// `base (k)`, with `base` cut so the whole stays within `StudyName.maximumLength` characters.
    private func numbered(_ base: String, _ k: Int) -> String {
        let suffix = " (\(k))"
        return String(base.prefix(StudyName.maximumLength - suffix.count)) + suffix
    }

    /// `"\(prefix)\(n)"` for the first `n` ≥ `first` that no stored study has: the default name of
    /// a sweep ("sweep 3" when "sweep 1" and "sweep 2" are stored), so a default name is never
    /// stored as 'sweep 1 (2)'.
    public func availableNumberedName(_ prefix: String, from first: Int) throws(StorageError) -> String {
        let taken = Set(try studies().map(\.name))
        var n = max(first, 1)
        while taken.contains("\(prefix)\(n)") { n += 1 }
        return "\(prefix)\(n)"
    }

    /// The error for a name no study has, listing the stored ones.
    func noSuchStudy(_ name: String, among names: [String]) -> StorageError {
        let hint: String
        if let match = ClosestMatch.suggestion(for: name, among: names) {
            hint = "did you mean \(match)?"
        } else if names.isEmpty {
            hint = "\(location) holds no study yet; a sweep stores one"
        } else {
            hint = "stored studies: " + names.joined(separator: ", ")
        }
        return StorageError(.noSuchStudy, "no study named '\(name.excerpt)' in \(location)", hint: hint)
    }
}
