/// Why an ask-and-tell call (`AskTellStudy`, `AskedTrial`) was refused.
///
/// Every error has a one-line `message` and, where there is a likely fix, a `hint`.
///
/// ```swift
/// do { try study.tell(trial, 0.5) }
/// catch where error.kind == .notRunning { print(error) }   // told twice
/// ```
public struct AskTellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to particular failures (and for tests).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The study's store could not record or read trials (disk full, server gone).
        case store
        /// The trial was asked from another study.
        case foreignTrial
        /// The trial was already told (complete, pruned or failed).
        case notRunning
        /// A `tell(_:state:)` named a state a trial cannot be told into (running, or complete without a value).
        case invalidState
        /// The trial has no parameter of that name.
        case unknownParameter
        /// The parameter's value is not of the type asked for.
        case wrongType
        /// The sampler cannot work on the space (a grid over a continuous range).
        case invalidSampler
        /// A pruner setting is not one the pruner reads, or is out of its range.
        case invalidPruner
        /// A stored study cannot be created, read or reopened.
        case storage
        /// The objectives of a multi-objective study are not two or three distinct metrics, the
        /// sampler or pruner cannot serve several, or `tell` got the wrong number of values.
        case invalidObjectives
    }

    /// What went wrong.
    public let kind: Kind
    /// The one-line message.
    public let message: String
    /// How to fix it, when known.
    public let hint: String?

    /// An error of `kind` with its message and an optional hint.
    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// The error of a store that failed.
    init(_ error: StudyStoreError) {
        self.init(.store, error.message, hint: error.hint)
    }

    /// The error of a repository that failed.
    init(_ error: StorageError) {
        self.init(.storage, error.message, hint: error.hint)
    }

    /// The message, then the hint on its own line.
    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
