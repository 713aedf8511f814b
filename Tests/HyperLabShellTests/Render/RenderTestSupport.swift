@testable import HyperLabShell

/// Traits for tests: no terminal, a given width, Unicode or ASCII, colour or not.
func renderTraits(width: Int = 40, unicode: Bool = true, color: Bool = false) -> ConsoleTraits {
    ConsoleTraits(isTerminal: false, color: color, width: width, unicode: unicode)
}

/// The lines of a multi-line string literal.
func textLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
