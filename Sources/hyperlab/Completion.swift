@preconcurrency import CEditLine
import HyperLabShell
#if canImport(Glibc)
import Glibc
#endif

/// Tab completion: connects libedit's `rl_attempted_completion_function` to the shell.
///
/// libedit finds the word left of the cursor with `rl_basic_word_break_characters` (set to
/// `Shell.wordBreakCharacters`), asks this hook, and replaces the word with the common prefix
/// of the candidates; a single candidate is completed fully and followed by
/// `rl_completion_append_character`.
enum Completion {
    /// The active completer. libedit's hook is a C function pointer and cannot capture, so the
    /// completer lives here; libedit calls it on the main thread only, from inside `readline`.
    nonisolated(unsafe) private static var completer: ((String) -> [String])?

    /// Installs `completer` as the source of Tab completions.
    static func install(_ completer: @escaping (String) -> [String]) {
        self.completer = completer
        let breaks = strdup(Shell.wordBreakCharacters)
        rl_basic_word_break_characters = UnsafePointer(breaks)
        rl_completer_word_break_characters = breaks
        rl_attempted_completion_function = { text, _, end in
            Completion.matches(word: text.map { String(cString: $0) } ?? "", end: Int(end))
        }
    }

    /// The word a completion replaces: the text after the last word-break character.
    static func word(in prefix: String) -> Substring {
        let breaks = Set(Shell.wordBreakCharacters.unicodeScalars)
        let scalars = prefix.unicodeScalars
        let start = scalars.lastIndex(where: { breaks.contains($0) }).map(scalars.index(after:))
        return Substring(scalars[(start ?? scalars.startIndex)...])
    }

    /// What to type after a single, complete candidate: nothing after `key=`, an open bracket or
    /// a folder; the closing quote inside a string; a space otherwise.
    static func suffix(after candidate: String, prefix: String) -> Character? {
        if let last = candidate.last, "=/([,".contains(last) { return nil }
        // Inside an open list (`drop=[sex`) the next thing typed is a comma or the bracket.
        if prefix.filter({ $0 == "[" }).count > prefix.filter({ $0 == "]" }).count, !candidate.hasSuffix("\"") { return nil }
        let quotes = prefix.reduce(0) { $1 == "\"" ? $0 + 1 : $0 }
        if quotes % 2 == 1 { return candidate.hasSuffix("\"") ? " " : "\"" }
        return " "
    }

    /// The longest common prefix of `candidates`, in whole Unicode scalars.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let scalars = Array(candidate.unicodeScalars)
            var length = 0
            while length < min(prefix.count, scalars.count), prefix[length] == scalars[length] { length += 1 }
            prefix.removeLast(prefix.count - length)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: prefix)
        return String(text)
    }

    /// libedit's hook: a malloc'd, NULL-terminated array of malloc'd strings (libedit frees
    /// them), element 0 being what replaces the word; nil when there is nothing to offer.
    private static func matches(word: String, end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // Never fall back to libedit's own file-name completion: the shell completes files in quotes.
        rl_attempted_completion_over = 1
        guard let completer, let buffer = rl_line_buffer else { return nil }
        // `end` counts characters (libedit works on wide characters), the buffer holds UTF-8.
        var prefixScalars = String.UnicodeScalarView()
        prefixScalars.append(contentsOf: String(cString: buffer).unicodeScalars.prefix(end))
        let prefix = String(prefixScalars)
        // libedit treats a quote or backslash just left of the cursor specially; when its idea
        // of the word differs from the shell's, completing would replace the wrong text.
        guard self.word(in: prefix) == word else { return nil }
        var seen = Set<String>()
        let candidates = completer(prefix).filter { seen.insert($0).inserted }
        guard !candidates.isEmpty else { return nil }
        var replacement = candidates.count == 1 ? candidates[0] : commonPrefix(candidates)
        if !replacement.hasPrefix(word) { replacement = word }
        if candidates.count == 1 {
            let character = suffix(after: candidates[0], prefix: prefix)
            rl_completion_append_character = character.flatMap { $0.asciiValue }.map(Int32.init) ?? 0
        }
        let entries = [replacement] + candidates
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
        guard let raw = malloc(size) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }
}
