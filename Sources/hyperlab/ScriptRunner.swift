import HyperLabShell

/// Runs non-interactive input: a script file, `-c` commands, or standard input that is not a
/// terminal. Each stops at the first error (printed by the shell with file, line and column),
/// or with `keepGoing` (`--keep-going`) goes on with the next command and fails at the end.
struct ScriptRunner {
    /// The shell the input runs in.
    let shell: Shell
    /// Whether a failed command leaves the rest to run (the outcome is still `.failed`).
    var keepGoing = false

    /// Runs the script at `path` (the commands of a `.md` or `.ipynb` notebook); a file that
    /// cannot be read, or a malformed notebook, is an error of its own.
    func runFile(_ path: String) -> RunOutcome {
        let text: String
        do {
            text = try FileText.read(path)
        } catch {
            shell.console.error("hyperlab: \(error)")
            return .failed
        }
        if Notebook.isJupyter(path) {
            do {
                return shell.run(try JupyterScript.read(text), source: path)
            } catch {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = error.span.flatMap { lines.indices.contains($0.line - 1) ? String(lines[$0.line - 1]) : nil }
                shell.console.error(ErrorReport.render(error, source: path, lineText: line))
                return .failed
            }
        }
        let script = path.lowercased().hasSuffix(".md") ? Notebook.script(fromMarkdown: text) : text
        shell.adoptTitle(ofScript: text)
        var tally = OutcomeTally(keepGoing: keepGoing)
        return runLines(script, source: path, tally: &tally) ?? tally.outcome
    }

    /// Runs each `-c` argument in order, stopping at the first that quits or (unless `keepGoing`) fails.
    func runCommands(_ commands: [String]) -> RunOutcome {
        var tally = OutcomeTally(keepGoing: keepGoing)
        for command in commands {
            if let end = runLines(command, source: nil, tally: &tally) { return end }
        }
        return tally.outcome
    }

    /// Runs `text` as one script, or with `keepGoing` one logical line (a line and its `\`
    /// continuations) at a time, so that an error ends only its own line.
    /// - Returns: the outcome to end with now, or nil to go on.
    private func runLines(_ text: String, source: String?, tally: inout OutcomeTally) -> RunOutcome? {
        guard keepGoing else { return tally.add(shell.run(text, source: source, firstLine: 1)) }
        for chunk in Shell.logicalLines(text) {
            let outcome = shell.run(chunk.lines.joined(separator: "\n"), source: source, firstLine: chunk.offset + 1)
            if let end = tally.add(outcome) { return end }
        }
        return nil
    }

    /// Reads standard input line by line as a script named `<stdin>`: each complete command
    /// (with its `\` continuation lines) runs as soon as it has been read.
    func runStandardInput() -> RunOutcome {
        var tally = OutcomeTally(keepGoing: keepGoing)
        var pending: [String] = []
        var firstLine = 1
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if pending.isEmpty { firstLine = lineNumber }
            pending.append(line)
            if Shell.continues(line) { continue }
            let outcome = shell.run(pending.joined(separator: "\n"), source: "<stdin>", firstLine: firstLine)
            pending.removeAll()
            if let end = tally.add(outcome) { return end }
        }
        guard !pending.isEmpty else { return tally.outcome }
        let outcome = shell.run(pending.joined(separator: "\n"), source: "<stdin>", firstLine: firstLine)
        return tally.add(outcome) ?? tally.outcome
    }
}

/// The outcome of commands run one after another: the first failure or `quit` ends them,
/// unless `keepGoing`, where only `quit` does and a failure is remembered for the end (so the
/// exit status is 1 whenever a command failed).
private struct OutcomeTally {
    let keepGoing: Bool
    private var failed = false

    init(keepGoing: Bool) {
        self.keepGoing = keepGoing
    }

    /// The outcome of everything so far.
    var outcome: RunOutcome { failed ? .failed : .completed }

    /// Counts one command's outcome; the outcome to end with now, or nil to go on.
    mutating func add(_ outcome: RunOutcome) -> RunOutcome? {
        switch outcome {
        case .completed: return nil
        case .quit: return failed ? .failed : .quit
        case .failed:
            failed = true
            return keepGoing ? nil : .failed
        }
    }
}
