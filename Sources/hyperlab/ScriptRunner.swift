import HyperLabShell

/// Runs non-interactive input: a script file, `-c` commands, or standard input that is not a
/// terminal. Each stops at the first error (printed by the shell with file, line and column).
struct ScriptRunner {
    /// The shell the input runs in.
    let shell: Shell

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
        return shell.run(script, source: path, firstLine: 1)
    }

    /// Runs each `-c` argument in order, stopping at the first that fails or quits.
    func runCommands(_ commands: [String]) -> RunOutcome {
        for command in commands {
            let outcome = shell.run(command, source: nil, firstLine: 1)
            if outcome != .completed { return outcome }
        }
        return .completed
    }

    /// Reads standard input line by line as a script named `<stdin>`: each complete command
    /// (with its `\` continuation lines) runs as soon as it has been read.
    func runStandardInput() -> RunOutcome {
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
            if outcome != .completed { return outcome }
        }
        guard !pending.isEmpty else { return .completed }
        return shell.run(pending.joined(separator: "\n"), source: "<stdin>", firstLine: firstLine)
    }
}
