import Foundation

/// Appends lines to one trial's log; safe to call from several threads.
final class TrialLogWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?

    /// Creates (or empties) the log at `path`, creating its folder; the error says why not.
    init(path: String) throws(TrialFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw TrialFailure("cannot create the log folder \(folder): \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw TrialFailure("cannot write the trial log \(path)")
        }
        self.handle = handle
    }

    /// Appends `line` and a line break; a failed write is dropped (the trial goes on).
    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Closes the file; later writes are dropped.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
    }
}
