import Foundation
import HyperLabKit

/// The session commands: narration, history, saving and replaying scripts.
extension Shell {
    /// `say "TEXT"`: narration, printed as is.
    func say(_ command: BoundCommand) -> CommandOutput {
        .line(command.argumentString(0) ?? "")
    }

    /// `pause`: waits for Enter when a person is at the keyboard; nothing in a script run.
    func pause() {
        guard options.interactive, let wait = options.waitForEnter else { return }
        _ = wait("(press Enter to continue) ")
    }

    /// `history`: the recorded commands, numbered.
    func history() -> CommandOutput {
        guard !recorded.isEmpty else {
            return .line("no commands yet: the commands that change the workbench are listed here")
        }
        let width = String(recorded.count).count
        var output = CommandOutput()
        for (i, text) in recorded.enumerated() {
            let number = String(i + 1)
            output.line(String(repeating: " ", count: width - number.count) + number + "  " + text)
        }
        return output
    }

    /// `save session NAME [force=yes]`: writes the recorded commands as a replayable script.
    func saveSession(_ command: BoundCommand) throws(InputError) -> CommandOutput {
        let span = command.span(ofArgument: 0)
        guard let name = command.argumentString(0), !name.isEmpty else {
            throw InputError("save session needs a name", at: span, hint: "save session first")
        }
        let relative: String
        if case .text = command.arguments[0] {
            relative = name
        } else {
            guard !name.contains("/") && !name.contains("\\") && name != "." && name != ".." else {
                throw InputError("a session name cannot contain a path separator", at: span,
                                 hint: "give a bare name (saved as sessions/NAME.hlab), or a path in quotes: save session \"\(name).hlab\"")
            }
            relative = "sessions/\(name).hlab"
        }
        var text = "# HyperLab session \(name)\n"
        text += "# saved \(Shell.timestamp(options.clock())) by hyperlab \(HyperLabVersion.current)\n"
        text += "# replay with: hyperlab \(relative)\n"
        text += recorded.map { $0 + "\n" }.joined()
        try writeUserFile(text, to: relative, command: command, span: span)
        return .line("saved \(recorded.count) command\(recorded.count == 1 ? "" : "s") to \(relative)")
    }

    /// `replay "FILE" [step=yes]`: runs a script inside the shell (or the commands of a `.md` or
    /// `.ipynb` notebook); its commands are recorded one by one.
    func replay(_ command: BoundCommand) throws(InputError) {
        let span = command.span(ofArgument: 0)
        guard let path = command.argumentString(0) else {
            throw InputError("replay needs a file", at: span, hint: "replay \"sessions/first.hlab\"")
        }
        let url = resolve(path)
        guard let raw = try? String(contentsOf: url, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw InputError(exists ? "cannot read \(path.excerpt)" : "no file \(path.excerpt)", at: span,
                             hint: exists ? "check its permissions and that it is UTF-8 text" : "check the name; a relative path starts from the folder hyperlab was started in")
        }
        let text = url.pathExtension.lowercased() == "md" ? Notebook.script(fromMarkdown: raw) : raw
        var jupyter: JupyterScript?
        if Notebook.isJupyter(path) {
            do {
                jupyter = try JupyterScript.read(raw)
            } catch {
                let place = error.span.map { ":\($0.line):\($0.column)" } ?? ""
                throw InputError("\(path)\(place): \(error.message)", at: span, hint: error.hint)
            }
        }
        guard !replayStack.contains(url.standardizedFileURL.path) else {
            throw InputError("\(path.excerpt) replays itself", at: span, hint: "a script cannot replay a script that is already running")
        }
        guard replayStack.count < Shell.maximumReplayDepth else {
            throw InputError("replays nest at most \(Shell.maximumReplayDepth) deep: \(path.excerpt) would be the \(replayStack.count + 1)th",
                             at: span, hint: "replay the scripts one after another from one script instead of each from the last")
        }
        replayStack.append(url.standardizedFileURL.path)
        adoptTitle(ofScript: raw)
        // A replay prints no wall time, so its transcript (and a handout) is the same on every replay.
        let timings = options.showTimings
        options.showTimings = options.timingsInScripts
        defer {
            replayStack.removeLast()
            options.showTimings = timings
        }
        let step = command.boolean("step") && options.interactive
        let outcome: RunOutcome
        if let jupyter {
            outcome = run(jupyter, source: path, step: step)
        } else if step {
            outcome = SteppedReplay(shell: self, source: path).run(text)
        } else {
            outcome = run(text, source: path)
        }
        if outcome == .failed {
            var error = InputError("replay of \(path.excerpt) stopped at the error above", at: nil,
                                   hint: "the commands before it have run; fix the script and replay it again")
            // Said once, by the outermost replay: a script replayed by a script fails quietly.
            error.isReported = replayStack.count > 1
            throw error
        }
    }

    /// Gives the notebook the title of the script about to run, unless it has one already.
    public func adoptTitle(ofScript text: String) {
        if notebook.title == nil { notebook.title = Shell.scriptTitle(text) }
    }

    /// The title a script gives itself on its first line (`# Tutorial 3: grid search …`), if any.
    public static func scriptTitle(_ text: String) -> String? {
        guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("#") else { return nil }
        let title = first.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }

    /// `save notebook "FILE.md" [force=yes]`: the session so far as Markdown, or as a Jupyter
    /// notebook when the name ends in `.ipynb`.
    func saveNotebook(_ command: BoundCommand) throws(InputError) -> CommandOutput {
        let span = command.span(ofArgument: 0)
        guard let path = command.argumentString(0) else { return CommandOutput() }
        let title = command.string("title") ?? notebook.title ?? "HyperLab notebook"
        let text = notebook.document(forFile: path, title: title, saved: Shell.timestamp(options.clock()))
        try writeUserFile(text, to: path, command: command, span: span)
        if Notebook.isJupyter(path) {
            return .line("saved a Jupyter notebook of \(notebook.jupyterCellCount) cells to \(path)")
        } else {
            return .line("saved a notebook of \(notebook.markdownEntryCount) entries to \(path)")
        }
    }

    /// Writes `text` to `path` (relative to the working directory), creating its folder; refuses to
    /// overwrite an existing file unless the command has `force=yes`.
    func writeUserFile(_ text: String, to path: String, command: BoundCommand, span: SourceSpan?,
                       overwrite: Bool = false) throws(InputError) {
        let url = resolve(path)
        if !overwrite, FileManager.default.fileExists(atPath: url.path), !command.boolean("force", default: false) {
            throw InputError("\(path.excerpt) exists already", at: span, hint: "add force=yes to overwrite it, or choose another name")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw InputError("cannot write \(path.excerpt): \(error.localizedDescription)", at: span,
                             hint: "check that the folder exists and is writable")
        }
    }

    /// A path relative to the working directory (absolute paths and `~` as given).
    func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded) }
        return URL(fileURLWithPath: options.workingDirectory).appendingPathComponent(expanded)
    }

    /// A date as saved files show it: "2026-11-29 10:12 UTC".
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
