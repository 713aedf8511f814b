import Foundation
import HyperLabKit

/// External training commands as objectives: `objective command`, `objective builtin`, `show trial`.
extension Shell {
    /// `objective command "CMD {key} ..." [metric=] [direction=] [timeout=] [dir=]`.
    func setObjective(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let span = command.span(ofArgument: 0)
        guard let text = command.argumentString(0) else { return CommandOutput() }
        let template: CommandTemplate
        do {
            template = try CommandTemplate(text)
        } catch {
            let at = span.map { SourceSpan(line: $0.line, column: $0.column + 1 + error.offset, length: error.length) }
            throw InputError(error.message, at: at, hint: error.hint)
        }
        try checkCommandsAllowed(command, commandText: text)
        let metric = command.string("metric") ?? "dev_acc"
        guard ReportLine.isMetricName(metric) else {
            throw InputError("'\(metric.excerpt)' cannot be a reported metric name", at: command.span(ofOption: "metric"),
                             hint: "use letters, digits and _, like dev_acc")
        }
        let direction: MetricDirection
        switch command.string("direction") {
        case "min"?: direction = .minimize
        case "max"?: direction = .maximize
        default:
            guard let known = MetricName.direction(of: metric) else {
                throw InputError("HyperLab does not know whether a higher or a lower \(metric.excerpt) is better",
                                 at: command.span(ofOption: "metric") ?? command.syntax.nameSpan,
                                 hint: "add direction=max (higher is better) or direction=min (lower is better)")
            }
            direction = known
        }
        let directory = resolve(command.string("dir") ?? ".").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw InputError("no folder \(command.string("dir") ?? ".")", at: command.span(ofOption: "dir"), hint: "dir= names the folder the command runs in")
        }
        let reference = ExternalObjectiveReference(command: template.text, metric: metric,
                                                   timeout: command.integer("timeout"), directory: directory)
        var setting = ExternalObjectiveSetting(template: template, direction: direction, reference: reference)
        setting.logs = command.string("logs").map { resolve($0).standardizedFileURL.path }
        setting.logLimit = command.integer("log_limit")
        bench.objective = setting
        let keys = template.parameterPlaceholders
        return .line("objective: the command, reporting \(metric) (\(direction == .maximize ? "higher" : "lower") is better)"
                     + (keys.isEmpty ? "" : "; sweeps must set " + keys.map { "{\($0)}" }.joined(separator: " ")))
    }

    /// The folder, relative to the working directory, that keeps the command logs of the study
    /// named `name` (one file per trial): a folder inside `logs/` whatever the name, even `..`.
    static func logFolderName(_ name: String) -> String {
        "logs/" + StudyName.folderName(name)
    }

    /// The folder that keeps the command logs of the study named `name`: inside `logs` when
    /// given (`objective command … logs=`), else inside a temporary folder removed at exit when
    /// studies are kept in memory, else `logs/NAME` in the working directory.
    func logFolder(forStudy name: String, logs: String?) -> String {
        if let logs { return (logs as NSString).appendingPathComponent(StudyName.folderName(name)) }
        if options.repository.location == "memory" {
            return (temporaryLogs.path as NSString).appendingPathComponent(StudyName.folderName(name))
        }
        return resolve(Shell.logFolderName(name)).path
    }

    /// The objective setting of a stored study that runs an objective command, after the same
    /// check as `objective command` (a script needs --allow-commands or the person's consent).
    func externalObjective(of stored: StoredStudy, _ command: BoundCommand) throws(InputError) -> ExternalObjectiveSetting? {
        guard let reference = stored.definition.objective else { return nil }
        let template: CommandTemplate
        do { template = try CommandTemplate(reference.command) } catch {
            throw InputError("the stored objective command of \(stored.definition.name) cannot be read: \(error.message)",
                             at: command.span(ofArgument: 0), hint: error.hint)
        }
        try checkCommandsAllowed(command, commandText: reference.command, storedIn: stored.definition.name)
        guard FileManager.default.fileExists(atPath: reference.directory) else {
            throw InputError("the folder \(reference.directory) that \(stored.definition.name)'s command runs in is gone",
                             at: command.span(ofArgument: 0), hint: "restore the folder, then resume again")
        }
        return ExternalObjectiveSetting(template: template, direction: stored.definition.direction, reference: reference)
    }

    /// `objective builtin`: back to the built-in engine.
    func clearObjective(on bench: inout Workbench) -> CommandOutput {
        bench.objective = nil
        return .line("objective: the built-in engine (the current model on the current split)")
    }

    /// A script may run external commands only with `--allow-commands`, or once the person at the
    /// terminal allowed that script. Commands typed at the prompt are the person's own; `-c`
    /// commands are not typed at a prompt and follow the rule of scripts. A command stored with a
    /// study (`resume`) was written by whoever made the store, so it runs only with
    /// `--allow-commands` or after the person at the terminal saw it and said yes.
    private func checkCommandsAllowed(_ command: BoundCommand, commandText: String, storedIn study: String? = nil) throws(InputError) {
        guard !options.allowCommands else { return }
        let source = currentSource ?? options.commandLineSource
        if let study, !approvedStoredCommands.contains(commandText) {
            if confirmedAtTerminal("study \(study) runs an external command stored with it:", commandText,
                                   question: "run it for this study? [y/N] ") {
                approvedStoredCommands.insert(commandText)
                return
            }
            throw InputError("\(study) runs an external command stored with it ('\(commandText.excerpt)'), and stored commands run only with --allow-commands or your yes at the terminal",
                             at: command.syntax.nameSpan,
                             hint: "read it with open study \"\(study)\"; if you trust it, " + allowance(source, command))
        }
        guard let source, study == nil, !approvedScripts.contains(source) else { return }
        if confirmedAtTerminal("\(source) wants sweeps to run an external command:", commandText,
                               question: "allow it for this script? [y/N] ") {
            approvedScripts.insert(source)
            return
        }
        if source == options.commandLineSource {
            throw InputError("-c sets an objective command, and commands given with -c may not run external programs by default",
                             at: command.syntax.nameSpan,
                             hint: "if you trust it, " + allowance(source, command))
        }
        throw InputError("\(source) sets an objective command, and scripts may not run external programs by default",
                         at: command.syntax.nameSpan,
                         hint: "if you trust the script, " + allowance(source, command))
    }

    /// Asks the person at the terminal, if there is one, about `commandText`: `heading` and the
    /// command on lines of their own, then `question`, which stays one line (a line editor runs
    /// a prompt's lines together: "…{x}allow it"). False when nobody is there to answer.
    private func confirmedAtTerminal(_ heading: String, _ commandText: String, question: String) -> Bool {
        guard options.interactive, let confirm = options.confirm else { return false }
        console.line(heading)
        console.line("  \(commandText)")
        return confirm(question)
    }

    /// How to let `source` run external commands: the same invocation with `--allow-commands`.
    private func allowance(_ source: String?, _ command: BoundCommand) -> String {
        switch source {
        case nil: "answer y when it asks, or start hyperlab with --allow-commands"
        case options.commandLineSource: "add --allow-commands (hyperlab --allow-commands -c '\(InputQuote.excerpt(command.canonicalText, limit: 40))')"
        case let script?: "run it with --allow-commands (hyperlab --allow-commands \(script))"
        }
    }

    /// `show trial N`: a trial of the last sweep, and the tail of its command's log.
    func showTrial(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> CommandOutput {
        let sweep = try requireSweep(bench, command)
        guard case .integer(let n)? = command.arguments.first, let trial = sweep.trial(n) else {
            throw InputError("\(sweep.name) has no such trial", at: command.span(ofArgument: 0),
                             hint: "its trials are numbered 0 to \(max(sweep.trials.count - 1, 0))")
        }
        var output = CommandOutput()
        output.line("trial \(trial.number) of \(sweep.name): \(Shell.stateCell(trial)) · seed \(trial.seed)")
        if trial.parameters.count > 0 { output.line("parameters: " + Shell.parameterText(trial.parameters)) }
        let metrics = trial.metrics.keys.sorted().map { "\($0) \(NumberFormat.metric(trial.metrics[$0] ?? .nan))" }
        if !metrics.isEmpty { output.line("metrics: " + metrics.joined(separator: " · ")) }
        let curve = trial.curve.map { "\($0.step): \(NumberFormat.metric($0.value))" }
        if !curve.isEmpty { output.line("\(sweep.metric) per epoch: " + curve.joined(separator: "  ")) }
        if let folder = sweep.logFolder {
            let path = TrialLog.path(folder: folder, trial: trial.number)
            if let tail = TrialLog.tail(path: path, lines: 20) {
                output.line("last lines of \(path):")
                for line in tail { output.line("  " + line) }
            } else if FileManager.default.fileExists(atPath: path) {
                output.line("its log \(Shell.relativePath(path, to: options.workingDirectory)) cannot be read: check its permissions")
            } else {
                output.line("no log at \(Shell.relativePath(path, to: options.workingDirectory)): it was removed, written to another logs= folder, or on another machine")
            }
        }
        return output
    }
}
