/// Where a stored study stands, as `studies` lists it.
public enum StudyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created, and trials are being run (or the process running them died: see
    /// `StudyRepository.markInterrupted`).
    case running
    /// Every asked trial has finished.
    case complete
    /// Stopped before the asked number of trials (Ctrl-C, a store failure, a dead process);
    /// `resume` continues it.
    case interrupted
}
