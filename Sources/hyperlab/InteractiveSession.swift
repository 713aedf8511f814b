@preconcurrency import CEditLine
import HyperLabShell
#if canImport(Glibc)
import Glibc
#endif

/// The interactive loop: prompt, read an edited line, run it, until Ctrl-D or `quit`.
///
/// A line ending in `\` continues with `Shell.continuationPrompt`; the lines are passed to the
/// shell together and kept in the history as one line. Ctrl-C at a prompt drops what was typed;
/// Ctrl-C while a command runs requests its `Interruption`, and the prompt comes back.
struct InteractiveSession {
    /// The shell commands run in.
    let shell: Shell
    /// The terminal's line editor.
    let editor: LineEditor

    /// Runs until end of input or `quit`; the exit status (always 0: errors never end the shell).
    func run() -> Int32 {
        var pending: [String] = []
        while true {
            switch editor.read(prompt: pending.isEmpty ? Shell.prompt : Shell.continuationPrompt) {
            case .end:
                shell.console.write("\n")
                return 0
            case .cancelled:
                pending.removeAll()
                shell.console.write("\n")
            case .line(let line):
                pending.append(line)
                if Shell.continues(line) { continue }
                editor.remember(Self.historyEntry(pending))
                let text = pending.joined(separator: "\n")
                pending.removeAll()
                shell.options.interruption = InterruptCounter.interruptionFromNow()
                if shell.run(text) == .quit { return 0 }
            }
        }
    }

    /// One history line for a command typed over several lines: the continuation backslashes
    /// become spaces, so recalling it gives one editable line that means the same.
    static func historyEntry(_ lines: [String]) -> String {
        var parts: [Substring] = []
        for (index, line) in lines.enumerated() {
            var part = Substring(line)
            if index < lines.count - 1 {
                while part.last?.isWhitespace == true { part.removeLast() }
                if part.last == "\\" { part.removeLast() }
            }
            while part.last?.isWhitespace == true { part.removeLast() }
            if index > 0 { while part.first?.isWhitespace == true { part.removeFirst() } }
            parts.append(part)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Asks a yes/no question at the terminal (one line); only an answer starting with y or Y is yes.
    static let confirm: @Sendable (String) -> Bool = { question in
        TerminalInput.beginLine()
        guard let raw = readline(question) else {
            _ = write(1, "\n", 1)
            return false
        }
        defer { free(raw) }
        return String(cString: raw).trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
    }

    /// Waits for Enter at the terminal (for `pause` and `replay step=yes`); false on Ctrl-D or Ctrl-C.
    static let waitForEnter: @Sendable (String) -> Bool = { prompt in
        TerminalInput.beginLine()
        guard let raw = readline(prompt) else {
            // Ctrl-D or Ctrl-C left the cursor after the prompt: end that line.
            _ = write(1, "\n", 1)
            return false
        }
        free(raw)
        return true
    }
}
