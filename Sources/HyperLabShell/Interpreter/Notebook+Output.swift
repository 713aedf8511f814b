import Synchronization

extension Notebook {
    /// A plot as a notebook keeps it: the SVG drawing (what `plot … to="F.svg"` writes) and the
    /// plain text the terminal showed, its alternative where images are not shown.
    public struct Figure: Sendable, Equatable {
        /// The SVG document.
        public var svg: String
        /// The plot as plain text (80 columns, no escape codes).
        public var text: String
    }

    /// What one command printed, in order: text, and its plots as figures.
    public struct Output: Sendable, Equatable {
        /// A stretch of text, or a plot.
        public enum Part: Sendable, Equatable {
            /// Printed text.
            case text(String)
            /// A plot.
            case figure(Figure)
        }

        /// The parts in the order they were printed.
        public var parts: [Part] = []

        /// Everything as the terminal showed it, a plot by its text.
        public var text: String {
            parts.map { part in
                switch part {
                case .text(let text): text
                case .figure(let figure): figure.text
                }
            }.joined()
        }
    }

    /// Why a command failed: its message, and the report as the shell printed it (the line, a
    /// caret, a hint).
    public struct Failure: Sendable, Equatable {
        /// The error's one-line message.
        public var message: String
        /// The printed report, one line per element.
        public var report: [String]
    }
}

/// Collects a running command's output for the notebook: the text the console hands its
/// observer, cut into text and figures where the command draws a plot.
final class NotebookOutputRecorder: Sendable {
    private struct State {
        var parts: [Notebook.Output.Part] = []
        var pending = ""

        /// Ends the stretch of text written so far.
        mutating func flush() {
            if !pending.isEmpty { parts.append(.text(pending)) }
            pending = ""
        }
    }

    private let state = Mutex(State())

    /// Adds printed text.
    func append(_ text: String) {
        state.withLock { $0.pending += text }
    }

    /// Runs `draw`; what it prints becomes the text of a figure drawn as `svg`.
    func figure(svg: String, _ draw: () -> Void) {
        state.withLock { $0.flush() }
        draw()
        state.withLock { state in
            state.parts.append(.figure(Notebook.Figure(svg: svg, text: state.pending)))
            state.pending = ""
        }
    }

    /// Everything collected so far.
    var output: Notebook.Output {
        state.withLock { state in
            var copy = state
            copy.flush()
            return Notebook.Output(parts: copy.parts)
        }
    }
}
