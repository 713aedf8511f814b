/// Why a study store could not be opened, read or written, or why a stored study cannot be
/// rerun as it was.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`. Errors
/// about a file name it in `path`.
///
/// ```swift
/// do { _ = try SQLiteStudyStore.open(path: "hyperlab.sqlite") }
/// catch where error.kind == .newerSchema { print(error.message) }   // written by a newer HyperLab
/// ```
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to particular failures (and for tests).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file is not a SQLite database, or its pages are damaged.
        case notADatabase
        /// The file was written by a newer HyperLab with a schema this one does not know.
        case newerSchema
        /// The file is a SQLite database, but not one HyperLab made.
        case foreignDatabase
        /// The file or its folder cannot be opened, read or written.
        case inaccessible
        /// A statement failed (disk full, locked by another process, ...).
        case databaseFailure
        /// The database server cannot be reached, or the connection to it broke (it stopped or
        /// restarted, the network failed): the same call may work later (`ReconnectPolicy`).
        case unreachable
        /// A worker's claim on a trial went to another worker (it missed its heartbeats for
        /// longer than the grace): the trial is that worker's now.
        case claimLost
        /// A study with that name already exists.
        case studyExists
        /// No study has that name.
        case noSuchStudy
        /// The name cannot name a study (see `StudyName`).
        case invalidName
        /// A stored record cannot be read back (text of a distribution or value, JSON).
        case invalidRecord
        /// The CSV file of a stored study is missing or no longer holds the same bytes.
        case datasetChanged
    }

    /// What went wrong.
    public let kind: Kind
    /// The one-line message.
    public let message: String
    /// How to fix it, when known.
    public let hint: String?
    /// The file concerned, if any.
    public let path: String?

    /// An error of `kind` with its message and an optional hint and path.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.path = path
    }

    /// The message, then the hint on its own line.
    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }

    /// The same error as a `StudyStoreError`, for the `StudyStore` protocol.
    public var studyStoreError: StudyStoreError { StudyStoreError(message, hint: hint, kind: kind) }
}
