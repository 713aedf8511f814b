import ArgumentParser
import Foundation
import HyperLabKit
import HyperLabShell

/// Builds the shell for a command-line invocation and runs the chosen kind of input.
enum Launch {
    /// The exit status for a run's outcome: 1 when a command failed, 0 otherwise.
    static func status(_ outcome: RunOutcome) -> Int32 {
        outcome == .failed ? 1 : 0
    }

    /// A shell on this process's terminal (or pipes), set up from the command-line options.
    /// `console` replaces the terminal's (a Jupyter kernel's).
    static func makeShell(_ common: CommonOptions, interactive: Bool, console: Console? = nil) throws(ExitCode) -> Shell {
        let environment = ProcessEnvironment.variables()
        let console = console ?? Console.standard(environment: environment)
        // Durations ("in 0.4 s") only for a person at a terminal, or on request: a replayed
        // script prints the same text digit for digit.
        let requested = timingsRequested(environment)
        var options = ShellOptions(echo: common.echo, interactive: interactive,
                                   workingDirectory: ProcessEnvironment.workingDirectory(),
                                   showTimings: interactive || requested)
        options.timingsInScripts = requested
        options.repository = try repository(common.store, console: console, workingDirectory: options.workingDirectory)
        options.tutorialsDirectory = tutorialsDirectory(workingDirectory: options.workingDirectory)
        options.allowCommands = common.allowCommands
        options.reconnectLimit = common.reconnect.duration
        options.confirm = interactive ? InteractiveSession.confirm : nil
        options.waitForEnter = interactive ? InteractiveSession.waitForEnter : { prompt in
            console.write(prompt)
            return readLine() != nil
        }
        return Shell(console: console, options: options)
    }

    /// Whether HYPERLAB_TIMINGS asks for wall-clock durations where a script prints none.
    static func timingsRequested(_ environment: [String: String]) -> Bool {
        environment["HYPERLAB_TIMINGS"].map { !$0.isEmpty && $0 != "0" } == true
    }

    /// Where studies go: `--store`, or hyperlab.sqlite in the working directory.
    static func repository(_ store: String?, console: Console, workingDirectory: String) throws(ExitCode) -> any StudyRepository {
        if let store, let problem = Shell.storeProblem(store, workingDirectory: workingDirectory) {
            console.error("hyperlab: --store: \(problem.message)\nhint: \(problem.hint)")
            throw ExitCode(2)
        }
        return Shell.repository(for: store ?? "hyperlab.sqlite", workingDirectory: workingDirectory)
    }

    /// The tutorials folder: `tutorials/` of the working directory, else the one of the checkout the
    /// binary was built in (`…/.build/release/hyperlab` → `…/tutorials`).
    static func tutorialsDirectory(workingDirectory: String) -> String? {
        let local = (workingDirectory as NSString).appendingPathComponent("tutorials")
        if FileManager.default.fileExists(atPath: local) { return nil }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tutorials")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("01-scope.hlab").path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Runs a script file (a `.md` or `.ipynb` notebook runs its commands) and ends the process
    /// with its status; with `--notebook`, writes the session as a notebook afterwards (Jupyter's
    /// for a `.ipynb` name, Markdown otherwise).
    static func runScript(_ path: String, _ common: CommonOptions) throws(ExitCode) {
        let shell = try makeShell(common, interactive: false)
        let outcome = ScriptRunner(shell: shell, keepGoing: common.keepGoing).runFile(path)
        if let notebook = common.notebook {
            do {
                let title = shell.notebook.title(afterScript: path)
                let text = shell.notebook.document(forFile: notebook, title: title, saved: Shell.timestamp(Date()))
                try text.write(toFile: notebook, atomically: true, encoding: .utf8)
            } catch {
                shell.console.error("hyperlab: cannot write \(notebook): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        let status = status(outcome)
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs `-c` commands, standard input as a script, or the interactive shell.
    static func runShell(commands: [String], _ common: CommonOptions) throws(ExitCode) {
        let status: Int32
        if !commands.isEmpty {
            let shell = try makeShell(common, interactive: false)
            shell.options.commandLineSource = "-c"
            status = Self.status(ScriptRunner(shell: shell, keepGoing: common.keepGoing).runCommands(commands))
        } else if !ProcessEnvironment.inputIsTerminal {
            status = Self.status(ScriptRunner(shell: try makeShell(common, interactive: false), keepGoing: common.keepGoing).runStandardInput())
        } else {
            status = try interactive(common)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The interactive shell on the terminal.
    private static func interactive(_ common: CommonOptions) throws(ExitCode) -> Int32 {
        TerminalLocale.adopt()
        InterruptCounter.install()
        let shell = try makeShell(common, interactive: true)
        let environment = ProcessEnvironment.variables()
        let editor = LineEditor(history: HistoryFile.standard(environment: environment),
                                completer: { shell.completions(linePrefix: $0) },
                                reportFailure: { shell.console.error($0) })
        return InteractiveSession(shell: shell, editor: editor).run()
    }
}
