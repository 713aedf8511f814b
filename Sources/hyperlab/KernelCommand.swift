import ArgumentParser
import Foundation
import HyperLabShell

/// `hyperlab kernel`: HyperLab as a Jupyter kernel (`kernel install` writes the kernelspec that
/// makes Jupyter start `hyperlab kernel --connection-file F`).
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve a Jupyter notebook (Jupyter starts this), or install the kernelspec.",
        discussion: """
            hyperlab kernel install --user            let Jupyter start HyperLab notebooks
            hyperlab kernel install --prefix P        into P/share/jupyter (a virtual environment)
            hyperlab kernel --connection-file F       what Jupyter runs
            """,
        subcommands: [KernelServeCommand.self, KernelInstallCommand.self],
        defaultSubcommand: KernelServeCommand.self
    )
}

/// `hyperlab kernel --connection-file F`: serves one notebook over Jupyter's messaging protocol.
struct KernelServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve one notebook over Jupyter's messaging protocol (the default)."
    )

    /// The connection file Jupyter wrote.
    @Option(help: ArgumentHelp("The connection file Jupyter wrote (ports and key).", valueName: "file.json"))
    var connectionFile: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        KernelSignals.install()
        let console = Console.standard(environment: ProcessEnvironment.variables())
        let server: KernelServer
        do {
            let connection = try ConnectionFile.read(connectionFile)
            let common = self.common
            let timings = Launch.timingsRequested(ProcessEnvironment.variables())
            server = try KernelServer(connection: connection, timings: timings) { console throws(KernelError) in
                do {
                    return try Launch.makeShell(common, interactive: false, console: console)
                } catch {
                    throw KernelError("the store cannot be used", hint: "check --store")
                }
            }
        } catch {
            console.error("hyperlab kernel: \(error.message)\nhint: \(error.hint)")
            throw ExitCode(2)
        }
        server.run()
    }
}

/// `hyperlab kernel install [--user | --prefix P]`: writes the kernelspec.
struct KernelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write the HyperLab kernelspec, so Jupyter offers the HyperLab kernel."
    )

    /// Into the user's Jupyter folder (the default).
    @Flag(help: "Into your Jupyter data folder (~/.local/share/jupyter/kernels/hyperlab; the default).")
    var user = false

    /// Into P/share/jupyter.
    @Option(help: ArgumentHelp("Into P/share/jupyter/kernels/hyperlab (e.g. a virtual environment's prefix).", valueName: "P"))
    var prefix: String?

    func validate() throws {
        if user && prefix != nil { throw ValidationError("Give --user or --prefix, not both.") }
    }

    func run() throws {
        let environment = ProcessEnvironment.variables()
        let location: KernelSpecInstaller.Location = prefix.map { .prefix(absolute($0)) } ?? .user
        do {
            let folder = try KernelSpecInstaller.install(executable: Self.executablePath(), at: location, environment: environment)
            print("installed the HyperLab kernel in \(folder)")
        } catch {
            FileHandle.standardError.write(Data("hyperlab kernel install: \(error.message)\nhint: \(error.hint)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// `path` made absolute against the working directory.
    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (ProcessEnvironment.workingDirectory() as NSString).appendingPathComponent(path)
    }

    /// The absolute path of this binary (`/proc/self/exe` on Linux), for kernel.json's argv.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }
}
