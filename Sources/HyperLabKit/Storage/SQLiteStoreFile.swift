import Foundation

/// What kind of file a store path names, and the clean-up of SQLite's side files after a
/// refused file: checks made before SQLite is let near the path.
///
/// ```swift
/// if let problem = SQLiteStoreFile.problem(path: "/dev/null") { print(problem.message) }  // not a regular file
/// SQLiteStoreFile.isReadOnly(path: "shared.sqlite")   // true when neither it nor its folder can be written
/// ```
/// A store is one regular file (a symbolic link to one is followed): a device, a pipe or a
/// socket would hang SQLite or lose every write, so it is refused. A file that cannot be
/// written (or whose folder cannot take the `-wal` and `-shm` files) is opened read-only.
public enum SQLiteStoreFile {
    /// Why `path` cannot be a store file, or nil when it is a regular file or does not exist.
    public static func problem(path: String) -> StorageError? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil   // a folder has its own error, with a hint for a file inside it
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFIFO: kind = "a pipe"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a file"
        }
        return StorageError(.inaccessible, "\(path) is \(kind), not a regular file: it cannot keep studies",
                            hint: "give a file name such as hyperlab.sqlite, or --store memory", path: path)
    }

    /// Whether the existing, non-empty file at `path` must be opened read-only: it, or its
    /// folder (where SQLite puts its `-wal` and `-shm` files), cannot be written.
    public static func isReadOnly(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return false }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0
    }

    /// The name SQLite opens for the file at `path`: the path itself, or, when its folder cannot
    /// be written and holds no `-shm` file (which a read-only connection to a WAL file needs and
    /// cannot make there), a `file:` URI with `immutable=1`, read without any side file (a `-wal`
    /// file left there by a writer that died is then not read: what it held is not listed).
    static func connectionName(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder.isEmpty ? "." : folder, W_OK) != 0,
              !FileManager.default.fileExists(atPath: path + "-shm") else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// The side files SQLite may make beside `path`.
    static func sideFiles(of path: String) -> [String] { [path + "-wal", path + "-shm", path + "-journal"] }

    /// Runs `body`; if it throws, removes the side files of `path` that did not exist before
    /// (empty ones only), so a refused file leaves its folder as it was.
    static func leavingNoSideFiles<T>(of path: String, _ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        let existing = Set(sideFiles(of: path).filter { FileManager.default.fileExists(atPath: $0) })
        do {
            return try body()
        } catch {
            for side in sideFiles(of: path) where !existing.contains(side) {
                let size = (try? FileManager.default.attributesOfItem(atPath: side)[.size] as? Int) ?? 0
                if size == 0 || side.hasSuffix("-shm") { try? FileManager.default.removeItem(atPath: side) }
            }
            throw error
        }
    }
}
