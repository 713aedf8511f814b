import Foundation

/// The session as a Jupyter notebook (nbformat 4.5), for JupyterLab, VS Code, Colab and
/// GitHub's viewer.
///
/// - The title is a Markdown cell (`# Tutorial 3: …`) and the notebook's `metadata.title`.
/// - A run of `say` lines is one Markdown cell, a `pause` a rule (`---`); each keeps its commands
///   in `metadata.hyperlab.commands`, so `run FILE.ipynb` says them again.
/// - Each command is a code cell, numbered in order: its text as a `stdout` stream, each plot a
///   `display_data` output with the SVG drawing and the plot's text as the `text/plain`
///   alternative, and a failed command's error an `error` output (the printed report, line by line).
/// - The metadata names the HyperLab kernel (`JupyterLanguage`).
///
/// The same session gives the same bytes: cell ids come from each cell's number and content, and
/// the notebook holds no date, no wall time, no escape code and no absolute path.
extension Notebook {
    /// The notebook as Jupyter's JSON text.
    public func jupyter(title: String) -> String {
        JupyterJSON.object([
            "cells": .array(jupyterCells(title: title)),
            "metadata": JupyterLanguage.notebookMetadata(title: title),
            "nbformat": .integer(4),
            "nbformat_minor": .integer(5),
        ]).text
    }

    /// How many cells `jupyter(title:)` writes.
    public var jupyterCellCount: Int { 1 + Notebook.blocks(entries).count }

    /// The cells: the title, then one per block.
    private func jupyterCells(title: String) -> [JupyterJSON] {
        var cells = [Self.markdownCell("# " + title, commands: nil, index: 0)]
        var executionCount = 0
        for block in Notebook.blocks(entries) {
            let index = cells.count
            switch block {
            case .narration(let commands, let lines):
                cells.append(Self.markdownCell(lines.joined(separator: "\n"), commands: commands, index: index))
            case .pause:
                cells.append(Self.markdownCell("---", commands: ["pause"], index: index))
            case .command(let text, let output):
                executionCount += 1
                cells.append(Self.codeCell(text, outputs: Self.outputs(output), executionCount: executionCount, index: index))
            case .failure(let text, let output, let error):
                executionCount += 1
                let failure = JupyterJSON.object([
                    "ename": .string("InputError"),
                    "evalue": .string(error.message),
                    "output_type": .string("error"),
                    "traceback": .array(error.report.map { .string($0) }),
                ])
                cells.append(Self.codeCell(text, outputs: Self.outputs(output) + [failure], executionCount: executionCount, index: index))
            }
        }
        return cells
    }

    /// A Markdown cell; `commands` are the `say`/`pause` commands it stands for.
    private static func markdownCell(_ source: String, commands: [String]?, index: Int) -> JupyterJSON {
        var metadata: [String: JupyterJSON] = [:]
        if let commands {
            metadata["hyperlab"] = .object(["commands": .array(commands.map { .string($0) })])
        }
        return .object([
            "cell_type": .string("markdown"),
            "id": .string(cellID(index: index, kind: "markdown", source: source)),
            "metadata": .object(metadata),
            "source": JupyterJSON.lines(source),
        ])
    }

    /// A code cell run as number `executionCount`.
    private static func codeCell(_ source: String, outputs: [JupyterJSON], executionCount: Int, index: Int) -> JupyterJSON {
        .object([
            "cell_type": .string("code"),
            "execution_count": .integer(executionCount),
            "id": .string(cellID(index: index, kind: "code", source: source)),
            "metadata": .object([:]),
            "outputs": .array(outputs),
            "source": JupyterJSON.lines(source),
        ])
    }

    /// A command's outputs: its text as streams, its plots as SVG images with their text.
    private static func outputs(_ output: Output) -> [JupyterJSON] {
        output.parts.map { part in
            switch part {
            case .text(let text):
                .object(["name": .string("stdout"), "output_type": .string("stream"), "text": JupyterJSON.lines(text)])
            case .figure(let figure):
                .object([
                    "data": .object(["image/svg+xml": JupyterJSON.lines(figure.svg), "text/plain": JupyterJSON.lines(figure.text)]),
                    "metadata": .object([:]),
                    "output_type": .string("display_data"),
                ])
            }
        }
    }

    /// A cell id (nbformat 4.5: 1 to 64 of `[a-zA-Z0-9-_]`): the cell's number and a hash of its
    /// kind and source, so ids are unique, the same on every save, and change with the content.
    static func cellID(index: Int, kind: String, source: String) -> String {
        // FNV-1a, 64 bits: small and stable; the number keeps ids unique whatever the hash.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + "\n" + source).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash >> 32, radix: 16)
        return "cell-\(index)-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension Notebook {
    /// The notebook as the file `path` calls for: Jupyter's JSON for a `.ipynb` name, Markdown
    /// (saved at `saved`) otherwise.
    public func document(forFile path: String, title: String, saved: @autoclosure () -> String) -> String {
        Notebook.isJupyter(path) ? jupyter(title: title) : markdown(title: title, saved: saved())
    }

    /// The notebook's title after running the script `path`: the script's own (its first line,
    /// `# Tutorial 3: …`), else one naming the file.
    public func title(afterScript path: String) -> String {
        title ?? "HyperLab notebook: " + (path as NSString).lastPathComponent
    }

    /// Whether `path` names a Jupyter notebook (`.ipynb`) rather than a Markdown one or a script.
    public static func isJupyter(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".ipynb")
    }
}
