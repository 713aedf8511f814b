import Foundation

/// Writes the HyperLab kernelspec (`hyperlab kernel install`): a folder `hyperlab` holding
/// `kernel.json`, which tells Jupyter how to start the kernel.
///
/// ```json
/// {"argv": ["/path/to/hyperlab", "kernel", "--connection-file", "{connection_file}"],
///  "display_name": "HyperLab", "interrupt_mode": "message", "language": "hyperlab"}
/// ```
/// Interrupts are sent as `interrupt_request` messages on the control channel (SIGINT works too).
public enum KernelSpecInstaller {
    /// Where the kernelspec goes.
    public enum Location: Sendable, Equatable {
        /// The user's Jupyter data folder: `$JUPYTER_DATA_DIR`, else `~/.local/share/jupyter`
        /// (`~/Library/Jupyter` on macOS).
        case user
        /// `P/share/jupyter`, as `jupyter kernelspec install --prefix P` (a virtual environment's).
        case prefix(String)
    }

    /// The kernelspec folder for `location`: `…/kernels/hyperlab`.
    public static func folder(for location: Location, environment: [String: String]) -> String {
        let data: String
        switch location {
        case .prefix(let prefix):
            data = (prefix as NSString).appendingPathComponent("share/jupyter")
        case .user:
            if let folder = environment["JUPYTER_DATA_DIR"], !folder.isEmpty {
                data = folder
            } else {
                let home = environment["HOME"] ?? NSHomeDirectory()
                #if os(macOS)
                data = (home as NSString).appendingPathComponent("Library/Jupyter")
                #else
                let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? (home as NSString).appendingPathComponent(".local/share")
                data = (base as NSString).appendingPathComponent("jupyter")
                #endif
            }
        }
        return (data as NSString).appendingPathComponent("kernels/" + JupyterLanguage.kernelName)
    }

    /// The `kernel.json` text for the binary at `executable` (an absolute path).
    public static func kernelJSON(executable: String) -> String {
        JupyterJSON.object([
            "argv": .array([executable, "kernel", "--connection-file", "{connection_file}"].map { .string($0) }),
            "display_name": .string(JupyterLanguage.displayName),
            "language": .string(JupyterLanguage.language),
            "interrupt_mode": .string("message"),
            "metadata": .object(["debugger": .boolean(false)]),
        ]).text
    }

    /// Writes the kernelspec for `executable` at `location`; the folder written.
    /// - Throws: `KernelError` when the folder or the file cannot be written.
    public static func install(executable: String, at location: Location, environment: [String: String]) throws(KernelError) -> String {
        let folder = folder(for: location, environment: environment)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try kernelJSON(executable: executable).write(toFile: (folder as NSString).appendingPathComponent("kernel.json"),
                                                         atomically: true, encoding: .utf8)
        } catch {
            throw KernelError("cannot write the kernelspec in \(folder): \(error.localizedDescription)",
                              hint: "choose a folder you may write: --user, or --prefix P")
        }
        return folder
    }
}
