import Foundation
import HyperLabKit

/// How a shell runs: set by the executable (or a test) once.
public struct ShellOptions: Sendable {
    /// Print each command before its output (`--echo`, like `psql -a`).
    public var echo: Bool
    /// A person is typing: `pause` and `replay step=yes` wait for Enter.
    public var interactive: Bool
    /// The folder that holds `sessions/` and relative file names.
    public var workingDirectory: String
    /// Asks the person to press Enter, showing the prompt; returns false on end of input.
    public var waitForEnter: (@Sendable (String) -> Bool)?
    /// Ctrl-C: long commands poll it and stop early, keeping their work.
    public var interruption: Interruption
    /// How messages say that `interruption` stopped a command: "stopped by Ctrl-C" in a terminal;
    /// the Jupyter kernel says "stopped because the kernel was interrupted".
    public var interruptedPhrase = ShellOptions.ctrlCPhrase
    /// The terminal's `interruptedPhrase`.
    public static let ctrlCPhrase = "stopped by Ctrl-C"
    /// The clock for the header of saved sessions (fixed in tests).
    public var clock: @Sendable () -> Date
    /// Where sweeps are stored as studies: a SQLite file by default in the executable
    /// (`--store`), in memory for in-process shells.
    public var repository: any StudyRepository = MemoryStudyRepository()
    /// The folder of the lecture tutorials (`tutorials/` of the working directory when nil).
    public var tutorialsDirectory: String?
    /// Let scripts run external commands (`--allow-commands`).
    public var allowCommands = false
    /// The source name under which commands run without a script pass the objective-command
    /// gate: "-c" for `hyperlab -c`, whose commands are not typed at a prompt; nil when a person
    /// types them (or a test drives the shell).
    public var commandLineSource: String?
    /// Asks the person a yes/no question (nil when nobody is at the terminal).
    public var confirm: (@Sendable (String) -> Bool)?
    /// Print wall-clock durations ("in 0.4 s", the `seconds` column of `results`). On for
    /// commands a person types at a terminal; off for scripts, pipes, `-c` and every `replay`, so
    /// a transcript is the same digit for digit (unless `timingsInScripts`).
    public var showTimings: Bool
    /// Print wall-clock durations in replayed scripts too (HYPERLAB_TIMINGS=1).
    public var timingsInScripts = false
    /// The machine's memory in bytes: a sweep estimated to need more is refused (tests set less).
    public var machineMemory = Int(clamping: ProcessInfo.processInfo.physicalMemory)
    /// How long a worker, or a shell showing the progress of workers, keeps trying a PostgreSQL
    /// server that stopped answering (`--reconnect`).
    public var reconnectLimit = ReconnectPolicy.defaultLimit

    /// Options for a non-interactive shell in `workingDirectory`.
    public init(echo: Bool = false, interactive: Bool = false, workingDirectory: String = ".",
                waitForEnter: (@Sendable (String) -> Bool)? = nil, interruption: Interruption = .never,
                clock: @escaping @Sendable () -> Date = { Date() }, showTimings: Bool? = nil) {
        self.echo = echo
        self.interactive = interactive
        self.workingDirectory = workingDirectory
        self.waitForEnter = waitForEnter
        self.interruption = interruption
        self.clock = clock
        self.showTimings = showTimings ?? interactive
    }
}

/// What running some input came to.
public enum RunOutcome: Sendable, Equatable {
    /// Every command succeeded.
    case completed
    /// A command failed; its error was printed.
    case failed
    /// `quit` or `exit` was run.
    case quit
}

/// The HyperLab shell: text in, commands run against the workbench, text out through the Console.
///
/// The executable wires a terminal to it; tests drive it directly.
/// ```swift
/// let capture = CapturedOutput()
/// let shell = Shell(console: capture.console(), options: ShellOptions())
/// _ = shell.run("load iris; show data")
/// ```
public final class Shell {
    /// Where output goes.
    public let console: Console
    /// How the shell runs.
    public var options: ShellOptions
    /// The state the commands build.
    public internal(set) var workbench = Workbench()
    /// The canonical text of every command that succeeded and changed the workbench, in order.
    public internal(set) var recorded: [String] = []
    /// Scripts being replayed, innermost last (to refuse a script that replays itself).
    var replayStack: [String] = []
    /// How many scripts may replay one another, nested: each level takes stack, so a long chain
    /// of scripts each replaying the next would otherwise overflow it.
    public static let maximumReplayDepth = 64
    /// The most trials one sweep runs (`n=`, or a grid's points): each keeps a record of a few
    /// KB in memory, so 100,000 stay well under half a gigabyte.
    public static let maximumTrials = 100_000
    /// A comment a command adds to its recorded text ("interrupted after epoch 12").
    var recordNote: String?
    /// The error a command ends with after its work is kept: a sweep that the store stopped
    /// keeps its trials as the current sweep (`results` and `save results` read them), then
    /// fails, so a script stops there and the process exits non-zero.
    var keptWorkFailure: InputError?
    /// The script the running command comes from (nil: typed), for the external-command gate.
    var currentSource: String?
    /// Scripts the person allowed to run external commands, once each.
    var approvedScripts: Set<String> = []
    /// Commands stored with studies that the person at the terminal allowed to run.
    var approvedStoredCommands: Set<String> = []
    /// Every command with its output, for `save notebook`.
    public internal(set) var notebook = Notebook()
    /// The output of the command running now, as the notebook gets it (plots as figures).
    var notebookOutput: NotebookOutputRecorder?
    /// What the command that failed last printed before its error, for its notebook cell.
    var failedOutput: Notebook.Output?
    /// The looks at test sets taken in this session (kept in the store too), outliving `reset`.
    public internal(set) var sessionLooks: [TestLook] = []
    /// Where objective-command logs go when studies are kept in memory (removed with the shell, and at exit).
    public let temporaryLogs = TemporaryLogFolder()

    /// The version of HyperLab.
    public static let version = HyperLabVersion.current

    /// The primary prompt.
    public static let prompt = "hyperlab> "
    /// The prompt after a line that ends in `\`.
    public static let continuationPrompt = "      ...> "
    /// Characters that end a word for tab completion; a completion replaces the text typed
    /// after the last of them (so `key=va` completes `va`, `"data/ir` completes `data/ir`).
    public static let wordBreakCharacters = " \t=\"[,(;"

    /// A shell on an empty workbench.
    public init(console: Console, options: ShellOptions) {
        self.console = console
        self.options = options
    }

    /// Runs input text: one or more lines, `;`-separated commands, `\` continuations.
    /// Stops at the first error, which is printed with the line, a caret and a hint.
    /// - Parameters:
    ///   - text: the input.
    ///   - source: the file name for error messages (nil: typed input).
    ///   - firstLine: the line number of the first line of `text` in `source`.
    public func run(_ text: String, source: String? = nil, firstLine: Int = 1) -> RunOutcome {
        for chunk in Shell.logicalLines(text) {
            let outcome = runChunk(chunk.lines, source: source, firstLine: firstLine + chunk.offset)
            if outcome != .completed { return outcome }
        }
        return .completed
    }

    /// Runs one logical line (a line and its `\` continuations).
    private func runChunk(_ lines: [String], source: String?, firstLine: Int) -> RunOutcome {
        if options.echo {
            for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                console.line((i == 0 ? Shell.prompt : Shell.continuationPrompt) + line)
            }
        }
        func lineText(_ span: SourceSpan?) -> String? {
            guard let span else { return nil }
            let i = span.line - firstLine
            return lines.indices.contains(i) ? lines[i] : nil
        }
        let commands: [SyntaxCommand]
        do {
            commands = try Parser.parse(lines.joined(separator: "\n"), firstLine: firstLine)
        } catch {
            console.error(ErrorReport.render(error, source: source, lineText: lineText(error.span)))
            recordFailure(text: lines.joined(separator: "\n"), error: error, source: source, lineText: lineText(error.span))
            return .failed
        }
        for (index, command) in commands.enumerated() {
            do {
                if try execute(command, source: source) == .quit { return .quit }
            } catch {
                if !error.isReported {
                    console.error(ErrorReport.render(error, source: source, lineText: lineText(error.span)))
                }
                recordFailure(of: command, in: lines, firstLine: firstLine, error: error, source: source, lineText: lineText(error.span))
                return .failed
            }
            if options.interruption.isRequested {
                // Ctrl-C stops what follows: the rest of the line, and the rest of a script.
                if index + 1 < commands.count || source != nil {
                    console.error("interrupted: the commands after this one were not run")
                }
                return .failed
            }
        }
        return .completed
    }

    /// Binds and runs one command. Workbench commands run on a copy that replaces the
    /// workbench only on success.
    private func execute(_ syntax: SyntaxCommand, source: String?) throws(InputError) -> RunOutcome {
        let command = try Binder.bind(syntax)
        currentSource = source
        switch command.spec.id {
        case .quit, .exit:
            return .quit
        case .replay:
            try replay(command)
            return .completed
        default:
            break
        }
        var next = workbench
        recordNote = nil
        keptWorkFailure = nil
        let output = NotebookOutputRecorder()
        let outer = notebookOutput
        notebookOutput = output
        defer { notebookOutput = outer }
        do {
            try console.observing({ output.append($0) }) { () throws(InputError) in
                try perform(command, on: &next)
            }
        } catch {
            failedOutput = output.output
            throw error
        }
        workbench = next
        switch command.spec.id {
        case .say: notebook.append(.narration(command: command.canonicalText, text: command.argumentString(0) ?? ""))
        case .pause: notebook.append(.pause)
        case _ where Shell.leftOutOfNotebooks.contains(command.spec.title): break
        default: notebook.append(.command(text: command.canonicalText, output: output.output))
        }
        if command.spec.isRecorded {
            recorded.append(command.canonicalText + (recordNote.map { "  # \($0)" } ?? ""))
        }
        if let failure = keptWorkFailure {
            keptWorkFailure = nil
            throw failure
        }
        return .completed
    }

    /// Runs a bound command against a copy of the workbench.
    func perform(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) {
        switch command.spec.id {
        case .help: emit(try help(command))
        case .history: emit(history())
        case .say: emit(say(command))
        case .pause: pause()
        case .reset: bench = Workbench()
        case .saveSession: emit(try saveSession(command))
        case .saveNotebook: emit(try saveNotebook(command))
        case .tutorials: emit(listTutorials())
        case .datasets: emit(listDatasets())
        case .load: emit(try load(command, on: &bench))
        case .showData: emit(try showData(command, bench))
        case .showLooks: emit(try showLooks(command, bench))
        case .showConfusion: emit(try showConfusion(command, on: &bench))
        case .split: emit(try split(command, on: &bench))
        case .saveSplit: emit(try saveSplit(command, bench))
        case .savePredictions: emit(try savePredictions(command, on: &bench))
        case .model, .optimizer, .schedule, .set: emit(try configure(command, on: &bench))
        case .showConfig: emit(showConfig(bench))
        case .train: emit(try train(command, on: &bench))
        case .runs: emit(listRuns(bench))
        case .plotCurve:
            if case .word("trial")? = command.arguments.first {
                try show(plotTrialCurves(command, bench), command)
            } else {
                try show(plotCurve(command, bench), command)
            }
        case .plotBoundary: try show(plotBoundary(command, bench), command)
        case .evaluateTest: emit(try evaluateTest(command, on: &bench))
        case .sweep(let kind): try sweep(command, kind: kind, on: &bench)
        case .results: emit(try results(command, bench))
        case .best: emit(try best(command, bench))
        case .useBest, .useTrial: emit(try use(command, on: &bench))
        case .saveResults: emit(try saveResults(command, bench))
        case .compare: emit(try compare(command, bench))
        case .objectiveCommand: emit(try setObjective(command, on: &bench))
        case .objectiveBuiltin: emit(clearObjective(on: &bench))
        case .showTrial: emit(try showTrial(command, bench))
        case .studies: emit(try listStudies(command))
        case .openStudy: emit(try openStudy(command, on: &bench))
        case .resume: try resume(command, on: &bench)
        case .recheck: emit(try recheck(command, bench))
        case .plotScatter: try show(plotScatter(command, bench), command)
        case .plotHeatmap: try show(plotHeatmap(command, bench), command)
        case .plotHistory: try show(plotHistory(command, bench), command)
        case .plotImportance: try show(plotImportance(command, bench), command)
        case .plotParallel: try show(plotParallel(command, bench), command)
        case .plotPareto: try show(plotPareto(command, bench), command)
        case .quit, .exit, .replay:
            // `execute` runs these before any workbench copy is made; they never get here.
            throw InputError("\(command.spec.title) runs only as a command of its own", at: command.syntax.nameSpan)
        }
    }

    /// Completion candidates for the word at the end of `linePrefix` (the text left of the cursor).
    /// Each candidate replaces the text after the last of `wordBreakCharacters`.
    public func completions(linePrefix: String) -> [String] {
        var completer = Completer(directory: options.workingDirectory)
        let repository = options.repository
        // A store that cannot be read offers no names; the command itself then says why.
        completer.studyNames = { (try? repository.studies().map(\.name)) ?? [] }
        return completer.candidates(linePrefix: linePrefix)
    }

    /// Whether a typed line continues on the next one (it ends in `\` outside a string or comment).
    public static func continues(_ line: String) -> Bool {
        var inString = false
        var escaped = false
        var last: Character?
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                last = c
                continue
            }
            if c == "#" { break }
            if c == "\"" { inString = true }
            if c != " " && c != "\t" { last = c }
        }
        return !inString && last == "\\"
    }
}
