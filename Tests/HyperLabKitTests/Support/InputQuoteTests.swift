import Testing
@testable import HyperLabKit

/// `InputQuote`: what a message may quote of its input.
@Suite struct InputQuoteTests {
    @Test func shortTextIsQuotedAsItIs() {
        #expect("setosa".excerpt == "setosa")
        #expect(String(repeating: "a", count: InputQuote.maximumLength).excerpt.count == InputQuote.maximumLength)
    }

    @Test func longTextIsCutWithAnEllipsis() {
        let cut = String(repeating: "a", count: 50_000_000).excerpt
        #expect(cut == String(repeating: "a", count: InputQuote.maximumLength - 1) + "…")
        #expect(InputQuote.excerpt("abcdef", limit: 4) == "abc…")
    }

    @Test func controlCharactersAreShownAsEscapes() {
        #expect("a\nb\r\nc\td\u{0}e\u{1B}[31m".excerpt == "a\\nb\\r\\nc\\td\\0e\\u{1B}[31m")
        // Escapes count towards the limit.
        #expect(InputQuote.excerpt("\n\n\n", limit: 5) == "\\n\\n…")
    }
}
