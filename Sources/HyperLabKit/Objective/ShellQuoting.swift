/// POSIX shell quoting of single words, as Python's `shlex.quote` does it.
///
/// ```swift
/// ShellQuoting.quoted("0.001")        // 0.001
/// ShellQuoting.quoted("it's a b")     // 'it'"'"'s a b'
/// ShellQuoting.quoted("")             // ''
/// ```
/// Guarantee: `/bin/sh` reads the result back as exactly one word equal to the input,
/// whatever characters it holds (the text between single quotes is taken literally, and a
/// single quote is written as `'"'"'`: close, a double-quoted quote, reopen).
public enum ShellQuoting {
    /// Characters that need no quoting anywhere in a word.
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")

    /// `word` as one shell word: unchanged when every character is safe, single-quoted otherwise.
    public static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        var text = "'"
        for character in word {
            if character == "'" { text += "'\"'\"'" } else { text.append(character) }
        }
        return text + "'"
    }
}
