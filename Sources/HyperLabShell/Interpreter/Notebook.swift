import Foundation
import HyperLabKit

/// The session as a Markdown notebook: narration as paragraphs, each command in a code block with
/// its output below it. The script can be read back from the notebook, so a notebook replays.
///
/// ```markdown
/// Tutorial 1: the scope of meta parameters.
///
/// ```hyperlab
/// load iris
/// ```
/// ```text
/// loaded iris: 150 rows × 4 features, classification with 3 classes (...)
/// ```
/// ```
/// Consecutive `say` lines become one paragraph (a sentence may run over two of them); `pause`
/// becomes a rule. Each also leaves an HTML comment (`<!-- hyperlab: say "…" -->`), invisible
/// when rendered, so the script comes back whole.
///
/// Outputs are kept as a plain, timing-free script prints them (see `Console.observing`): a
/// handout has no escape codes, no wall times and no absolute store paths. The same entries make
/// a Jupyter notebook (`jupyter(title:)`), which also keeps each plot's SVG drawing and the
/// commands that failed; the Markdown leaves those out.
public struct Notebook: Sendable {
    /// One element of the notebook.
    public enum Entry: Sendable, Equatable {
        /// Narration (`say`): the command and its text.
        case narration(command: String, text: String)
        /// A `pause`: a section break.
        case pause
        /// A command and everything it printed.
        case command(text: String, output: Output)
        /// A command that failed: what it printed before the error, and the error.
        case failure(text: String, output: Output, error: Failure)

        /// Whether this is a failed command.
        var isFailure: Bool {
            if case .failure = self { true } else { false }
        }
    }

    /// The entries in order.
    public private(set) var entries: [Entry] = []
    /// The title of the first script replayed (its first line, `# Tutorial 3: grid search …`),
    /// used when `save notebook` is given none.
    public var title: String?

    /// An empty notebook.
    public init() {}

    /// Appends an entry.
    public mutating func append(_ entry: Entry) { entries.append(entry) }

    /// How many entries the Markdown holds (failed commands are not among them).
    public var markdownEntryCount: Int {
        entries.count { !$0.isFailure }
    }

    /// The Markdown text.
    public func markdown(title: String, saved: String) -> String {
        var out = "# \(title)\n\n<!-- saved \(saved) by hyperlab \(HyperLabVersion.current); replay with: hyperlab run FILE.md -->\n"
        for block in Notebook.blocks(entries.filter { !$0.isFailure }) {
            switch block {
            case .narration(let commands, let lines):
                // The comments of a run of narration first, then its lines as one paragraph.
                out += "\n" + commands.map { "<!-- hyperlab: \($0) -->\n" }.joined() + "\n" + lines.map { $0 + "\n" }.joined()
            case .pause:
                out += "\n<!-- hyperlab: pause -->\n---\n"
            case .failure:
                continue
            case .command(let text, let recorded):
                let output = recorded.text
                out += "\n```hyperlab\n" + text + "\n```\n"
                if !output.isEmpty {
                    let fence = output.contains("```") ? "~~~~" : "```"
                    out += fence + "text\n" + (output.hasSuffix("\n") ? output : output + "\n") + fence + "\n"
                }
            }
        }
        return out
    }

    /// The entries as a notebook shows them: a run of consecutive narration is one block (one
    /// paragraph, one Markdown cell), every other entry a block of its own.
    enum Block {
        /// Narration: the `say` commands and their texts.
        case narration(commands: [String], lines: [String])
        /// A section break.
        case pause
        /// A command and its output.
        case command(text: String, output: Output)
        /// A failed command, its output and its error.
        case failure(text: String, output: Output, error: Failure)
    }

    /// `entries` grouped into blocks.
    static func blocks(_ entries: [Entry]) -> [Block] {
        var blocks: [Block] = []
        for entry in entries {
            switch entry {
            case .narration(let command, let text):
                if case .narration(let commands, let lines)? = blocks.last {
                    blocks[blocks.count - 1] = .narration(commands: commands + [command], lines: lines + [text])
                } else {
                    blocks.append(.narration(commands: [command], lines: [text]))
                }
            case .pause: blocks.append(.pause)
            case .command(let text, let output): blocks.append(.command(text: text, output: output))
            case .failure(let text, let output, let error): blocks.append(.failure(text: text, output: output, error: error))
            }
        }
        return blocks
    }

    /// The script in a notebook: the `hyperlab` code blocks and `<!-- hyperlab: … -->` comments, in order.
    public static func script(fromMarkdown markdown: String) -> String {
        var lines: [String] = []
        var fence: String?
        var isCommandBlock = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if line == open {
                    fence = nil
                } else if isCommandBlock {
                    lines.append(raw)
                }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                let marks = String(line.prefix { $0 == "`" || $0 == "~" })
                fence = marks
                isCommandBlock = line.dropFirst(marks.count).trimmingCharacters(in: .whitespaces) == "hyperlab"
            } else if line.hasPrefix("<!-- hyperlab: "), line.hasSuffix("-->") {
                lines.append(String(line.dropFirst("<!-- hyperlab: ".count).dropLast(3)).trimmingCharacters(in: .whitespaces))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
