import Foundation

/// Makes a folder and its files read-only for this process, even when it runs as root
/// (`chattr +i`, which root cannot write through), and undoes it. Shared by the Kit's and the
/// shell's tests (the store's read-only tests at both levels).
public enum ReadOnlyFolder {
    /// Makes `folder` and its files read-only; false when this system cannot (root without `chattr`).
    public static func lock(_ folder: String) -> Bool {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
        if getuid() != 0 {
            for file in files { chmod(file, 0o444) }
            return chmod(folder, 0o555) == 0
        }
        return run("/usr/bin/chattr", ["+i"] + files + [folder]) && access(folder, W_OK) != 0
    }

    /// Makes `folder` and its files writable again.
    public static func unlock(_ folder: String) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
        if getuid() != 0 {
            chmod(folder, 0o755)
            for file in files { chmod(file, 0o644) }
        } else {
            _ = run("/usr/bin/chattr", ["-i", folder] + files)
        }
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
