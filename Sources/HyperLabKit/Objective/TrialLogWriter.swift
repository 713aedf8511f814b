import Foundation

/// Appends lines to one trial's log, keeping it within a size limit; safe to call from several
/// threads.
///
/// The header lines given at creation stay at the top. When the file would grow past `limit`
/// bytes, the oldest output after the header is cut, so about half the limit of the newest
/// output remains after a line saying how much was cut: the file never exceeds the limit (a
/// single line longer than it keeps its end), and the end of the output, where a failure
/// shows, is always there.
final class TrialLogWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?
    private let path: String
    private let limit: Int
    private let headerSize: Int
    private var noteSize = 0
    private var size: Int
    private var cutBytes = 0

    /// Creates (or empties) the log at `path`, creating its folder, and writes `header` (one
    /// line per element); the error says why not. `limit` is the most bytes the file may hold.
    init(path: String, header: [String] = [], limit: Int = TrialLog.defaultLimit) throws(TrialFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw TrialFailure("cannot create the log folder \(folder): \(error.localizedDescription)")
        }
        let limit = max(limit, 256)
        var head = Data(header.map { $0 + "\n" }.joined().utf8)
        // The header takes at most a quarter of the limit.
        if head.count > limit / 4 { head = Data(head.prefix(limit / 4)) }
        guard FileManager.default.createFile(atPath: path, contents: head),
              let handle = FileHandle(forUpdatingAtPath: path) else {
            throw TrialFailure("cannot write the trial log \(path)")
        }
        _ = try? handle.seekToEnd()
        self.handle = handle
        self.path = path
        self.limit = limit
        self.headerSize = head.count
        self.size = head.count
    }

    /// Appends `line` and a line break, cutting the oldest output first if the log would pass
    /// its limit; a failed write is dropped (the trial goes on).
    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else { return }
        var bytes = Data((line + "\n").utf8)
        if size + bytes.count > limit {
            let room = limit - headerSize - TrialLogWriter.noteRoom
            if bytes.count > room / 2 {
                // The line alone is longer than what the tail keeps: keep its end.
                cutBytes += size - headerSize - noteSize + bytes.count - room / 2
                bytes = Data(bytes.suffix(room / 2))
                rewrite(handle, keeping: Data())
            } else {
                let keep = room / 2 - bytes.count
                rewrite(handle, keeping: tail(handle, bytes: keep))
            }
        }
        if (try? handle.write(contentsOf: bytes)) != nil { size += bytes.count }
    }

    /// Closes the file; later writes are dropped.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
    }

    /// Room kept for the line that notes a cut.
    private static let noteRoom = 96

    /// The last `bytes` bytes of output (after the header and any note), starting at a line.
    private func tail(_ handle: FileHandle, bytes: Int) -> Data {
        let start = headerSize + noteSize
        let from = max(size - bytes, start)
        guard (try? handle.seek(toOffset: UInt64(from))) != nil,
              var data = try? handle.readToEnd() else { return Data() }
        cutBytes += from - start
        if let newline = data.firstIndex(of: 10), from > start {
            cutBytes += newline - data.startIndex + 1
            data = Data(data[(newline + 1)...])
        }
        return data
    }

    /// Rewrites the file as the header, a note of how much was cut, and `kept`.
    private func rewrite(_ handle: FileHandle, keeping kept: Data) {
        let note = Data("# … \(cutBytes) bytes of earlier output cut: a trial's log keeps at most \(limit) bytes\n".utf8)
        do {
            try handle.truncate(atOffset: UInt64(headerSize))
            noteSize = min(note.count, TrialLogWriter.noteRoom)
            try handle.write(contentsOf: note.prefix(noteSize))
            try handle.write(contentsOf: kept)
            size = headerSize + noteSize + kept.count
        } catch {
            size = Int((try? handle.seekToEnd()) ?? UInt64(size))
        }
    }
}
