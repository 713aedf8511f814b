import Foundation
import Synchronization

/// Where a cell's output goes: the shell's console, wired to iopub messages for the request
/// that runs the cell.
///
/// - Text is a `stdout` stream, sent as it is written. Error text waits until more output
///   follows or the cell ends, so the report of the error that ends a cell goes out once, as the
///   `error` message, not also as a stream.
/// - Each plot is a `display_data` output: its SVG drawing, and its text as `text/plain`.
/// - Each table is a `display_data` output: an HTML table, and its text as `text/plain`.
/// - Status lines (a sweep's or a training's progress) are one `display_data` with a display
///   id, then `update_display_data` at most every `progressInterval`, not a line per trial.
final class KernelOutput: Sendable {
    private struct State {
        var parent: KernelMessage?
        /// The request is `silent`: nothing is published for it.
        var silent = false
        var pendingErrors = ""
        var displayID: String?
        var displayCount = 0
        var shownProgress: String?
        var latestProgress: String?
        var lastUpdate = ContinuousClock.Instant.now
    }

    /// How often a progress display is redrawn, at most.
    static let progressInterval = Duration.milliseconds(250)

    private let channels: KernelChannels
    private let state = Mutex(State())

    /// Output for the kernel of `channels`.
    init(channels: KernelChannels) {
        self.channels = channels
    }

    /// A console writing here: Unicode, no colour, 100 columns, progress redrawn in place, its
    /// times shown only with `timings` (the last progress display stays in the notebook).
    func console(timings: Bool) -> Console {
        var traits = ConsoleTraits(isTerminal: true, color: false, width: 100, unicode: true)
        traits.progressTimes = timings
        return Console(traits: traits, out: { [self] in standardOutput($0) }, err: { [self] in standardError($0) },
                       status: { [self] in status($0) }, figure: { [self] in figure(svg: $0, text: $1) },
                       table: { [self] in table(html: $0, text: $1) })
    }

    /// Starts a cell run for `request`: what is written from now on answers it (and is dropped
    /// when the request is `silent`).
    func begin(_ request: KernelMessage, silent: Bool) {
        state.withLock { $0 = State(parent: request, silent: silent, displayCount: $0.displayCount) }
    }

    /// Ends the cell run: the last progress is shown; the error text not yet sent is returned
    /// (the caller sends it, or makes it the cell's error).
    func end() -> String {
        settleProgress()
        return state.withLock { state in
            defer { state.pendingErrors = "" }
            return state.pendingErrors
        }
    }

    /// Sends text as a stream named `name` (`stdout` or `stderr`).
    func stream(_ name: String, _ text: String) {
        guard !text.isEmpty else { return }
        publish("stream", .object(["name": .string(name), "text": .string(text)]))
    }

    /// Publishes on iopub for the running request, unless it is silent.
    private func publish(_ type: String, _ content: JupyterJSON) {
        let (parent, silent) = state.withLock { ($0.parent, $0.silent) }
        guard !silent else { return }
        channels.publish(type, content, parent: parent)
    }

    private func standardOutput(_ text: String) {
        flushErrors()
        stream("stdout", text)
    }

    private func standardError(_ text: String) {
        state.withLock { $0.pendingErrors += text }
    }

    private func flushErrors() {
        let errors = state.withLock { state in
            defer { state.pendingErrors = "" }
            return state.pendingErrors
        }
        stream("stderr", errors)
    }

    private func figure(svg: String, text: String) {
        display(["image/svg+xml": .string(svg), "text/plain": .string(text)])
    }

    private func table(html: String, text: String) {
        display(["text/html": .string(html), "text/plain": .string(text)])
    }

    /// Publishes a `display_data` of `data` (by MIME type), after the error text written before it.
    private func display(_ data: [String: JupyterJSON]) {
        flushErrors()
        publish("display_data", .object(["data": .object(data), "metadata": .object([:])]))
    }

    private func status(_ update: Console.StatusUpdate) {
        switch update {
        case .show(let text):
            let due: (id: String, isNew: Bool)? = state.withLock { state in
                state.latestProgress = text
                if let id = state.displayID {
                    guard ContinuousClock.now - state.lastUpdate >= Self.progressInterval else { return nil }
                    return (id, false)
                }
                state.displayCount += 1
                let id = "hyperlab-progress-\(channels.session)-\(state.displayCount)"
                state.displayID = id
                return (id, true)
            }
            if let due { showProgress(text, id: due.id, isNew: due.isNew) }
        case .clear:
            settleProgress()
        }
    }

    /// Sends the latest progress text if the display does not show it yet, and ends the display
    /// (the next status line starts a new one below what was written since).
    private func settleProgress() {
        let pending: (id: String, text: String)? = state.withLock { state in
            defer { state.displayID = nil; state.latestProgress = nil; state.shownProgress = nil }
            guard let id = state.displayID, let latest = state.latestProgress, latest != state.shownProgress else { return nil }
            return (id, latest)
        }
        if let pending { showProgress(pending.text, id: pending.id, isNew: false) }
    }

    private func showProgress(_ text: String, id: String, isNew: Bool) {
        state.withLock { state in
            state.shownProgress = text
            state.lastUpdate = .now
        }
        publish(isNew ? "display_data" : "update_display_data", .object([
            "data": .object(["text/plain": .string(text)]),
            "metadata": .object([:]),
            "transient": .object(["display_id": .string(id)]),
        ]))
    }
}
