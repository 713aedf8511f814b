import Foundation
import HyperLabKit

/// Column names of the CSV file (or raw built-in table, penguins) a `load` line names, for
/// `target=`, `drop=[…]`, `features=[…]` and `keep=[…]`: read from the header when Tab is pressed.
extension Completer {
    /// The `load` options whose values are column names.
    static let columnKeys: Set<String> = ["target", "drop", "features", "keep"]

    /// Candidates when the cursor is in a column-name value of a `load "FILE.csv"` or `load penguins`
    /// line, else nil.
    func columnCandidates(segment: String) -> [String]? {
        guard let (key, partial) = Completer.columnValue(in: segment), Completer.columnKeys.contains(key),
              let names = columnNames(loadedIn: segment) else { return nil }
        // A name with spaces or symbols comes in quotes; it is matched by the name itself.
        return names.filter { $0.hasPrefix(partial) }.map(Completer.studyWord).sorted()
    }

    /// The header of the file or raw table a `load` line names, or nil for another line.
    func columnNames(loadedIn segment: String) -> [String]? {
        if let file = Completer.loadedFile(in: segment) {
            return CSVDataset.columnNames(path: file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file))
        }
        let words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, words[0] == "load" else { return nil }
        let names = BuiltinDatasets.columnNames(ofTable: String(words[1]))
        return names.isEmpty ? nil : names
    }

    /// Candidates inside quotes (`drop=["bill l`): the rest of each matching name and the
    /// closing quote, as study names are completed; nil outside a column value.
    func quotedColumnCandidates(before: String, partial: String) -> [String]? {
        guard let (key, typed) = Completer.columnValue(in: before), typed.isEmpty, Completer.columnKeys.contains(key),
              let names = columnNames(loadedIn: before) else { return nil }
        // libedit's word starts after the last break character inside the quotes.
        let breaks = Set(Shell.wordBreakCharacters)
        let wordStart = partial.lastIndex(where: { breaks.contains($0) }).map(partial.index(after:)) ?? partial.startIndex
        return names.filter { $0.hasPrefix(partial) }
            .map { String($0.dropFirst(partial.distance(from: partial.startIndex, to: wordStart))) + "\"" }.sorted()
    }

    /// The key and the partial column name at the end of `segment`: `target=sp` gives
    /// ("target", "sp"), `drop=[sex, isl` gives ("drop", "isl"); nil outside such a value.
    static func columnValue(in segment: String) -> (key: String, partial: String)? {
        guard let equals = segment.lastIndex(of: "=") else { return nil }
        let key = String(segment[..<equals].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        guard !key.isEmpty else { return nil }
        let value = segment[segment.index(after: equals)...]
        if value.first == "[" {
            guard !value.contains("]") else { return nil }
            let partial = value.split(omittingEmptySubsequences: false, whereSeparator: { "[, ".contains($0) }).last ?? ""
            return (key, String(partial))
        }
        guard !value.contains(" "), !value.contains("\"") else { return nil }
        return (key, String(value))
    }

    /// The quoted file of a `load "FILE"` line.
    static func loadedFile(in segment: String) -> String? {
        let trimmed = segment.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("load") else { return nil }
        let rest = trimmed.dropFirst(4).drop { $0 == " " || $0 == "\t" }
        guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<close])
    }
}
