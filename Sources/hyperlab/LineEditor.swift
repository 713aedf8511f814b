@preconcurrency import CEditLine
import HyperLabShell
#if canImport(Glibc)
import Glibc
#endif

/// What reading one line from the terminal came to.
enum LineInput: Equatable {
    /// A line was entered (without its newline).
    case line(String)
    /// Ctrl-C at the prompt: the line was dropped.
    case cancelled
    /// Ctrl-D on an empty line, or the terminal went away.
    case end
}

/// The interactive line editor: libedit's readline emulation with HyperLab's history and completion.
///
/// Emacs key bindings, arrow keys, Ctrl-R incremental history search, Tab completion through
/// `completer`, and a history file kept across runs. One editor per process (libedit's readline
/// emulation is global state).
final class LineEditor {
    private let history: HistoryFile?
    private var newestEntry: String?
    private var historyFailureReported = false
    private let reportFailure: (String) -> Void

    /// Sets up libedit: locale, key bindings, word-break characters, completion and history.
    /// - Parameters:
    ///   - history: where history is kept across runs (nil: this run only).
    ///   - completer: the candidates for the text left of the cursor (`Shell.completions`).
    ///   - reportFailure: where to say, once, that the history file cannot be written.
    init(history: HistoryFile?, completer: @escaping (String) -> [String],
         reportFailure: @escaping (String) -> Void) {
        self.history = history
        self.reportFailure = reportFailure
        rl_readline_name = UnsafePointer(strdup("hyperlab"))
        // Signals stay with HyperLab's own handler (InterruptCounter): libedit's handlers would
        // re-send each signal to the whole process group with `kill(0, sig)`.
        rl_catch_signals = 0
        rl_getc_function = { _ in TerminalInput.nextCharacter() }
        rl_initialize()
        // Incremental search backwards through the history, as in bash and psql.
        rl_parse_and_bind("bind ^R em-inc-search-prev")
        // libedit prints the prompt first and leaves canonical mode only when it reads the first
        // key; a Ctrl-D arriving in between is taken by the terminal as end-of-file and lost in the
        // switch, leaving the shell waiting. This hook runs after `readline` has saved the
        // terminal's settings (restored on return) and before the prompt: enter editing mode there.
        rl_pre_input_hook = {
            rl_prep_terminal(1)
            return 0
        }
        Completion.install(completer)
        stifle_history(Int32(history?.limit ?? 1000))
        loadHistory()
    }

    /// Shows `prompt` and reads one edited line.
    func read(prompt: String) -> LineInput {
        TerminalInput.beginLine()
        let before = InterruptCounter.value
        guard let raw = readline(prompt) else {
            return InterruptCounter.value != before ? .cancelled : .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds an entered command to the history (in memory and on disk), unless it is blank or
    /// repeats the previous entry.
    func remember(_ typed: String) {
        // A PostgreSQL password typed into a URL never reaches the history, even on a refused line.
        let entry = Shell.redactingPasswords(typed)
        guard entry.contains(where: { !$0.isWhitespace }), entry != newestEntry else { return }
        add_history(entry)
        newestEntry = entry
        guard let history else { return }
        do {
            try history.append(entry)
        } catch {
            guard !historyFailureReported else { return }
            historyFailureReported = true
            reportFailure("hyperlab: history not saved: \(error)")
        }
    }

    /// Reads the history file into libedit's history.
    private func loadHistory() {
        guard let history else { return }
        do {
            for entry in try history.load() {
                add_history(entry)
                newestEntry = entry
            }
        } catch {
            historyFailureReported = true
            reportFailure("hyperlab: history not loaded: \(error)")
        }
    }
}
