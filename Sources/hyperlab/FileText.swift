#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be read or written.
struct FileError: Error, CustomStringConvertible {
    /// The path as the user gave it.
    let path: String
    /// What was attempted: "read" or "write".
    let action: String
    /// The system's reason (`strerror`).
    let reason: String
    /// What to do about it.
    let hint: String

    var description: String { "cannot \(action) \(path): \(reason)\n  hint: \(hint)" }

    fileprivate init(path: String, action: String, errorNumber: Int32) {
        self.path = path
        self.action = action
        self.reason = String(cString: strerror(errorNumber))
        switch errorNumber {
        case ENOENT: hint = action == "read" ? "check the name; relative paths start in the current folder"
                                             : "the folder does not exist"
        case EACCES, EPERM: hint = "check the file's permissions"
        case EISDIR: hint = "give a file, not a folder"
        default: hint = "check the path"
        }
    }
}

/// Whole-file reads and atomic writes through plain system calls (no Foundation: startup stays fast).
enum FileText {
    /// The contents of the file at `path`, decoded as UTF-8 (invalid bytes become U+FFFD).
    static func read(_ path: String) throws(FileError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, action: "read", errorNumber: errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, action: "read", errorNumber: EISDIR)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", errorNumber: errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces the file at `path` with `text` atomically: writes a temporary file beside it,
    /// then renames it over `path`, so an interrupted write never leaves a truncated file.
    static func writeAtomically(_ text: String, to path: String) throws(FileError) {
        let target = resolvedPath(path)
        let temporary = target + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, action: "write", errorNumber: errno) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let failure = errno
                close(fd)
                unlink(temporary)
                throw FileError(path: path, action: "write", errorNumber: failure)
            }
            offset += n
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            let failure = errno
            unlink(temporary)
            throw FileError(path: path, action: "write", errorNumber: failure)
        }
    }

    /// `path` with symbolic links resolved when it exists (so renaming keeps a linked history file).
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
