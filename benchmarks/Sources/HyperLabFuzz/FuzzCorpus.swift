import Foundation
import HyperLabKit
import HyperLabShell

/// The valid lines a fuzz pass mutates, and the words it swaps in: every example of the command
/// catalogue, every command of the tutorials and of the golden scripts, and the language's
/// vocabulary (command words, option keys, configuration keys and their choices, dataset names).
///
/// Lines are read in a fixed order (sorted file names), so a seed names the same lines on every
/// run of the same checkout.
public struct FuzzCorpus: Sendable {
    /// Valid command lines, one logical line each (continuations joined).
    public let lines: [String]
    /// Words of the language: what a mutation may put in place of a word.
    public let words: [String]
    /// CSV files a batch's working folder gets, so `load "FILE.csv"` lines find them: name and bytes.
    public let files: [(name: String, contents: Data)]

    /// The corpus of the checkout at `root`: the catalogue's examples, `tutorials/*.hlab`, the
    /// golden scripts and their CSV fixtures (`Tests/HyperLabShellTests/Golden/`).
    public init(root: URL) throws {
        let golden = root.appendingPathComponent("Tests/HyperLabShellTests/Golden")
        var lines = CommandCatalog.all.map(\.example)
        for folder in [root.appendingPathComponent("tutorials"), golden] {
            for file in try Self.files(in: folder, extension: "hlab") {
                lines += Self.logicalLines(try String(contentsOf: file, encoding: .utf8))
            }
        }
        self.lines = lines.filter(FuzzCorpus.isAllowed)
        let fixtures = golden.appendingPathComponent("fixtures")
        files = try Self.files(in: fixtures, extension: "csv").map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        words = Self.vocabulary()
    }

    /// Whether a line may run in a fuzz batch: no line that ends the process (`quit`, `exit`)
    /// or reaches outside it (a PostgreSQL store, external workers).
    public static func isAllowed(_ line: String) -> Bool {
        let lowered = line.lowercased()
        if lowered.contains("postgres") || lowered.contains("external") { return false }
        let words = lowered.split { !($0.isLetter || $0 == "_") }
        return !words.contains("quit") && !words.contains("exit")
    }

    /// The commands of a script: comments and blank lines left out, `\` continuations joined.
    static func logicalLines(_ text: String) -> [String] {
        Shell.logicalLines(text).compactMap { chunk in
            let joined = chunk.lines.enumerated().map { index, line -> String in
                guard index < chunk.lines.count - 1, let slash = line.lastIndex(of: "\\") else { return line }
                return String(line[..<slash])
            }.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return joined.isEmpty || joined.hasPrefix("#") ? nil : joined
        }
    }

    private static func files(in folder: URL, extension suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == suffix }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func vocabulary() -> [String] {
        var words: [String] = CommandCatalog.names + CommandCatalog.all.compactMap(\.subcommand)
        for spec in CommandCatalog.all {
            words += spec.options.map(\.key)
            words += spec.options.flatMap(\.kind.completions)
            words += spec.arguments.flatMap(\.kind.completions)
        }
        for parameter in ParameterCatalog.all {
            words.append(parameter.name)
            if case .choice(let choices) = parameter.kind { words += choices }
        }
        words += ["log", "uniform", "int", "intlog", "choice", "near", "where", "yes", "no", "current", "best"]
        var seen = Set<String>()
        return words.filter { !$0.isEmpty && seen.insert($0).inserted && isAllowed($0) }
    }
}
