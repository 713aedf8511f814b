import Foundation
import Synchronization

/// The folder that keeps objective-command logs when studies are kept in memory: made on first
/// use under the system's temporary folder, removed when its shell goes away or the process
/// exits (even by `exit()`), so a session with `--store memory` leaves no logs behind.
///
/// ```swift
/// let logs = TemporaryLogFolder()
/// let folder = logs.path          // /tmp/hyperlab-logs-4242-…/, made now
/// logs.remove()                   // gone (also at deinit and at exit)
/// ```
public final class TemporaryLogFolder: Sendable {
    private let made = Mutex<String?>(nil)

    /// A folder not made yet.
    public init() {}

    deinit { remove() }

    /// The folder's path, making it (and registering it for removal at exit) on first use.
    public var path: String {
        made.withLock { made in
            if let made { return made }
            let path = (NSTemporaryDirectory() as NSString)
                .appendingPathComponent("hyperlab-logs-\(getpid())-\(UUID().uuidString.prefix(8))")
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            _ = TemporaryLogFolder.removedAtExit.withLock { $0.insert(path) }
            TemporaryLogFolder.registerExitHandler
            made = path
            return path
        }
    }

    /// Whether the folder has been made (and not removed since).
    public var exists: Bool { made.withLock { $0 != nil } }

    /// Removes the folder and everything in it; a later `path` makes a new one.
    public func remove() {
        guard let path = made.withLock({ made -> String? in defer { made = nil }; return made }) else { return }
        try? FileManager.default.removeItem(atPath: path)
        _ = TemporaryLogFolder.removedAtExit.withLock { $0.remove(path) }
    }

    /// The folders still to remove when the process exits.
    private static let removedAtExit = Mutex<Set<String>>([])

    /// Registers, once, the exit handler that removes them.
    private static let registerExitHandler: Void = {
        atexit {
            for path in TemporaryLogFolder.removedAtExit.withLock({ $0 }) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }()
}
