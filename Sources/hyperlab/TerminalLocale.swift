#if canImport(Glibc)
import Glibc
#endif

/// The C locale settings the line editor needs.
enum TerminalLocale {
    /// Adopts the user's locale for characters (libedit drops non-ASCII input without it) but
    /// keeps C number formatting, so numbers read and print the same everywhere.
    static func adopt() {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
    }
}
