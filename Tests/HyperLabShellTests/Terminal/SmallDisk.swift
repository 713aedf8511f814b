import Foundation

/// A tmpfs of a few hundred kilobytes mounted on a new temporary folder: a disk that fills up
/// part-way through a sweep. Mounting needs root (CAP_SYS_ADMIN); tests that need one are
/// skipped, saying why, where it is refused.
struct SmallDisk {
    /// The folder the tmpfs is mounted on.
    let folder: URL

    /// Mounts a tmpfs of `kilobytes` on a new temporary folder; nil when mounting is refused.
    static func mount(kilobytes: Int) -> SmallDisk? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-small-disk-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]) else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return SmallDisk(folder: folder)
    }

    /// Whether this process may mount a tmpfs (tried once, on a disk mounted and removed at once).
    static let canMount: Bool = {
        guard let disk = mount(kilobytes: 64) else { return false }
        disk.unmount()
        return true
    }()

    /// Unmounts the tmpfs and removes its folder.
    func unmount() {
        _ = SmallDisk.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `tool` quietly; whether it exited with status 0.
    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
