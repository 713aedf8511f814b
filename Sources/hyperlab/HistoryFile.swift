#if canImport(Glibc)
import Glibc
#endif

/// The line-editor history kept across runs: one command per line, newest last.
///
/// Every accepted line is appended at once (re-reading the file first, so two shells open
/// at the same time both keep their lines), and the file is replaced atomically.
struct HistoryFile {
    /// Where the history lives.
    let path: String
    /// The most entries kept.
    let limit: Int

    /// The history file for this user: `HYPERLAB_HISTORY` when set, else `~/.hyperlab_history`;
    /// nil when neither is known (no home folder) or `HYPERLAB_HISTORY` is set but empty.
    static func standard(environment: [String: String], limit: Int = 1000) -> HistoryFile? {
        if let override = environment["HYPERLAB_HISTORY"] {
            return override.isEmpty ? nil : HistoryFile(path: override, limit: limit)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return HistoryFile(path: home + "/.hyperlab_history", limit: limit)
        }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            return HistoryFile(path: String(cString: directory) + "/.hyperlab_history", limit: limit)
        }
        return nil
    }

    /// The stored entries, oldest first; empty when the file does not exist yet.
    func load() throws(FileError) -> [String] {
        guard access(path, F_OK) == 0 else { return [] }
        let text = try FileText.read(path)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Appends `entry` unless it repeats the newest stored one, keeping at most `limit` entries.
    func append(_ entry: String) throws(FileError) {
        var entries = try load()
        guard entries.last != entry else { return }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        try FileText.writeAtomically(entries.joined(separator: "\n") + "\n", to: path)
    }
}
