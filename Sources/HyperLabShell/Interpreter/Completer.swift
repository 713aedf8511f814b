import Foundation
import HyperLabKit

/// Tab completion, read from the command catalogue: command names, subcommands, option keys,
/// enumerable values (datasets, activations, optimizers, booleans) and file names in quotes.
///
/// Candidates replace the text after the last of `Shell.wordBreakCharacters`; option keys come
/// with their `=` so the user goes straight on to the value.
struct Completer {
    /// The folder relative file names are completed in.
    let directory: String
    /// The names of the stored studies, asked only when a study name is being completed.
    var studyNames: () -> [String] = { [] }

    /// Candidates for the word at the end of `linePrefix`, sorted, without duplicates.
    func candidates(linePrefix: String) -> [String] {
        let segment = Completer.currentSegment(linePrefix)
        if let partial = Completer.openString(segment) {
            if let columns = quotedColumnCandidates(before: String(segment.dropLast(partial.count + 1)), partial: partial) {
                return columns
            }
            if Completer.argumentKind(before: segment.dropLast(partial.count + 1)).map({ if case .study = $0 { true } else { false } }) == true {
                return quotedStudyNames(matching: partial)
            }
            return files(matching: partial)
        }
        if let columns = columnCandidates(segment: segment) { return columns }
        let endsInSpace = segment.last.map { $0 == " " || $0 == "\t" } ?? true
        var words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let current = endsInSpace ? "" : (words.popLast() ?? "")
        guard let name = words.first else {
            return Completer.matching(CommandCatalog.names, current)
        }
        let specs = CommandCatalog.specs(named: name)
        guard !specs.isEmpty else { return [] }
        let rest = Array(words.dropFirst())
        // The spec: the one whose subcommand is the second word, else the plain one.
        let spec = specs.first { $0.subcommand != nil && $0.subcommand == rest.first }
            ?? specs.first { $0.subcommand == nil }
        let subcommandTyped = spec?.subcommand != nil
        if let eq = current.firstIndex(of: "=") {
            let key = String(current[..<eq])
            let partial = String(current[current.index(after: eq)...])
            guard let option = spec?.option(key) else { return [] }
            return Completer.matching(option.kind.completions, partial)
        }
        var out: [String] = []
        if rest.isEmpty {
            out += specs.compactMap(\.subcommand)
        }
        if let spec {
            let given = Set(rest.compactMap { $0.split(separator: "=").first.map(String.init) })
            let positionalsTyped = rest.filter { !$0.contains("=") }.count - (subcommandTyped ? 1 : 0)
            if positionalsTyped < spec.arguments.count, !(spec.subcommand != nil && !subcommandTyped) {
                out += spec.arguments[positionalsTyped].kind.completions
                if case .study = spec.arguments[positionalsTyped].kind {
                    // A name with spaces comes in quotes; it is matched by the name itself.
                    return studyNames().filter { $0.hasPrefix(current) }.map(Completer.studyWord).sorted()
                }
            }
            if name == "help" { out += CommandCatalog.names }
            out += spec.optionKeys.filter { !given.contains($0) }.map { $0 + "=" }
        }
        return Completer.matching(out, current)
    }

    /// A study name as typed: bare when it is one word of letters, digits, `_` and `-`, else in quotes.
    static func studyWord(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && name.first?.isLetter == true
            ? name : "\"" + name + "\""
    }

    /// The stored names that extend `partial`, typed inside quotes: each the rest of the name
    /// after the last word break in `partial`, then the closing quote.
    func quotedStudyNames(matching partial: String) -> [String] {
        let cut = partial.lastIndex { Shell.wordBreakCharacters.contains($0) }.map { partial.index(after: $0) } ?? partial.startIndex
        let typed = partial.distance(from: partial.startIndex, to: cut)
        return studyNames().filter { $0.hasPrefix(partial) }.map { String($0.dropFirst(typed)) + "\"" }.sorted()
    }

    /// The kind of the positional argument that starts after `words` (complete words of one
    /// command, ending in a space), if the command has one there.
    static func argumentKind(before words: Substring) -> ValueKind? {
        let parts = words.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = parts.first else { return nil }
        let specs = CommandCatalog.specs(named: name)
        let spec = specs.first { $0.subcommand != nil && $0.subcommand == parts.dropFirst().first } ?? specs.first { $0.subcommand == nil }
        guard let spec else { return nil }
        let typed = parts.dropFirst(spec.subcommand == nil ? 1 : 2).filter { !$0.contains("=") }.count
        return typed < spec.arguments.count ? spec.arguments[typed].kind : nil
    }

    /// The text after the last `;` that is outside a string.
    static func currentSegment(_ line: String) -> String {
        var inString = false
        var start = line.startIndex
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { inString.toggle() }
            if c == ";" && !inString { start = line.index(after: i) }
            i = line.index(after: i)
        }
        return String(line[start...])
    }

    /// The text typed after an unclosed double quote, if the line ends inside a string.
    static func openString(_ segment: String) -> String? {
        var inString = false
        var start = segment.startIndex
        var i = segment.startIndex
        while i < segment.endIndex {
            if segment[i] == "\"" {
                inString.toggle()
                start = segment.index(after: i)
            }
            i = segment.index(after: i)
        }
        return inString ? String(segment[start...]) : nil
    }

    /// File and folder names that extend `partial` (folders end in `/`).
    func files(matching partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let dirPart = slash.map { String(partial[...$0]) } ?? ""
        let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let expanded = (dirPart as NSString).expandingTildeInPath
        let base = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base.isEmpty ? "." : base) else { return [] }
        var out: [String] = []
        for entry in entries where entry.hasPrefix(namePart) && (namePart.hasPrefix(".") || !entry.hasPrefix(".")) {
            var isDir: ObjCBool = false
            let full = (base as NSString).appendingPathComponent(entry)
            let exists = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            out.append(dirPart + entry + (exists && isDir.boolValue ? "/" : ""))
        }
        return out.sorted()
    }

    /// The words that start with `prefix`, sorted and without duplicates.
    static func matching(_ words: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
    }
}
