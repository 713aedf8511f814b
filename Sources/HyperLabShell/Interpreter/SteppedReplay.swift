import Foundation

/// `replay "FILE" step=yes`: a script shown in front of a class, one step per Enter.
///
/// A step runs up to the next `pause` or the next command with output. Narration (`say`) is
/// shown once, as text, and never waits: consecutive `say` lines belong to the step they are in.
/// Every other command is shown at the prompt as if typed, and Enter runs it. A `pause` waits
/// as it does in the interactive shell, and the step after it starts at once.
///
/// ```text
/// Tutorial 3: grid search in two dimensions.          ← say lines, as text
/// (press Enter to continue)                           ← pause: Enter
/// The data: handwritten digits, 8×8 pixels, …
/// hyperlab> load digits                               ← Enter runs it
/// loaded digits: 1797 rows × 64 features, …
/// ```
/// Ctrl-D (or Ctrl-C) at a wait ends the replay; the commands run so far stay done.
struct SteppedReplay {
    /// The shell the script runs in.
    let shell: Shell
    /// The script's name, for error messages.
    let source: String

    /// Runs `text` step by step.
    func run(_ text: String) -> RunOutcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            var end = index
            while Shell.continues(lines[end]), end + 1 < lines.count { end += 1 }
            let chunk = Array(lines[index...end])
            if Self.waitsBeforeRunning(chunk.joined(separator: "\n")) {
                for (i, line) in chunk.dropLast().enumerated() {
                    shell.console.line((i == 0 ? Shell.prompt : Shell.continuationPrompt) + line)
                }
                let shown = (chunk.count == 1 ? Shell.prompt : Shell.continuationPrompt) + (chunk.last ?? "")
                if let wait = shell.options.waitForEnter, !wait(shown) { return .completed }
            }
            let echo = shell.options.echo
            shell.options.echo = false
            let outcome = shell.run(chunk.joined(separator: "\n"), source: source, firstLine: index + 1)
            shell.options.echo = echo
            if outcome != .completed { return outcome }
            index = end + 1
        }
        return .completed
    }

    /// Whether a logical line holds a command that prints output: anything but blank lines,
    /// comments, `say` and `pause`. A line that does not parse waits too (its error is output).
    static func waitsBeforeRunning(_ chunk: String) -> Bool {
        guard let commands = try? Parser.parse(chunk) else { return true }
        return commands.contains { !["say", "pause"].contains($0.name) }
    }
}
