import Foundation
import Testing
@testable import HyperLabShell

/// Where `hyperlab kernel install` writes the kernelspec, and what it says.
@Suite struct KernelSpecInstallerTests {
    @Test func foldersFollowJupytersRules() {
        #expect(KernelSpecInstaller.folder(for: .prefix("/opt/venv"), environment: [:]) == "/opt/venv/share/jupyter/kernels/hyperlab")
        #expect(KernelSpecInstaller.folder(for: .user, environment: ["JUPYTER_DATA_DIR": "/data/j", "HOME": "/home/a"])
                == "/data/j/kernels/hyperlab")
        #if os(Linux)
        #expect(KernelSpecInstaller.folder(for: .user, environment: ["HOME": "/home/a"]) == "/home/a/.local/share/jupyter/kernels/hyperlab")
        #expect(KernelSpecInstaller.folder(for: .user, environment: ["HOME": "/home/a", "XDG_DATA_HOME": "/x"]) == "/x/jupyter/kernels/hyperlab")
        #endif
    }

    @Test func theKernelJSONStartsTheKernelWithItsConnectionFile() throws {
        let json = try JupyterJSON.parse(KernelSpecInstaller.kernelJSON(executable: "/usr/local/bin/hyperlab"))
        #expect(json["argv"] == .array(["/usr/local/bin/hyperlab", "kernel", "--connection-file", "{connection_file}"].map { .string($0) }))
        #expect(json[string: "language"] == "hyperlab")
        #expect(json[string: "display_name"] == "HyperLab")
        #expect(json[string: "interrupt_mode"] == "message")
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kernelspec-\(UUID().uuidString)")
        try Data("a file, not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try KernelSpecInstaller.install(executable: "/bin/hyperlab", at: .prefix(file.path), environment: [:])
        } throws: { error in
            (error as? KernelError)?.message.hasPrefix("cannot write the kernelspec in \(file.path)/share/jupyter/kernels/hyperlab") == true
        }
    }
}
