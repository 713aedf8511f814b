import Foundation

/// The per-trial log of an external command: where it is and how to read its last lines.
///
/// ```swift
/// let path = TrialLog.path(folder: "logs", trial: 7)      // logs/trial-0007.log
/// let lines = TrialLog.tail(path: path, lines: 20)        // the last 20 lines, or nil
/// ```
/// A log starts with `# trial N, seed S, in DIR` and `$ COMMAND`, then holds every line the
/// command wrote on standard output (report lines included) and standard error, in the
/// order they arrived, and ends with a `# ...` line saying how the command ended. A log
/// longer than its limit keeps the two header lines, a `# … N bytes of earlier output cut`
/// line, and the newest output.
public enum TrialLog {
    /// The most bytes a trial's log keeps by default (10 MB): past it, the oldest output is
    /// cut and the newest kept (`ExternalCommandObjective.logLimit`).
    public static let defaultLimit = 10_000_000

    /// The log file of trial `trial` in `folder`: `trial-0007.log` (at least 4 digits).
    public static func path(folder: String, trial: Int) -> String {
        let digits = String(trial)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (folder as NSString).appendingPathComponent("trial-\(padded).log")
    }

    /// The last `lines` lines of the file at `path` (fewer if it is shorter; a final line
    /// break ends the last line rather than starting an empty one); nil when it cannot be read.
    /// Reads only the end of a long file.
    public static func tail(path: String, lines: Int) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard lines > 0 else { return [] }
        guard let size = try? handle.seekToEnd() else { return nil }
        var start = size
        var bytes: [UInt8] = []
        let chunk: UInt64 = 64 << 10
        // Read backwards until the buffer holds more than `lines` line breaks or the whole file.
        while start > 0 && bytes.reduce(0, { $0 + ($1 == 10 ? 1 : 0) }) <= lines {
            let from = start > chunk ? start - chunk : 0
            guard (try? handle.seek(toOffset: from)) != nil,
                  let data = try? handle.read(upToCount: Int(start - from)) else { return nil }
            bytes = Array(data) + bytes
            start = from
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.isEmpty { return [] }
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if start > 0 { all.removeFirst() }   // the first line may be cut
        return Array(all.suffix(lines))
    }
}
