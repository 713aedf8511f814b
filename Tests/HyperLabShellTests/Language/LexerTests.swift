import Testing
@testable import HyperLabShell

@Suite struct LexerTests {
    private func kinds(_ text: String) throws -> [Token.Kind] {
        try Lexer(text).tokens().map(\.kind)
    }

    @Test func wordsNumbersStringsAndPunctuation() throws {
        #expect(try kinds(#"load "a b.csv" target=species lr=[1e-3, -2] x=log(1,2)"#) == [
            .word("load"), .string("a b.csv"), .word("target"), .equals, .word("species"),
            .word("lr"), .equals, .openBracket, .number(1e-3), .comma, .number(-2), .closeBracket,
            .word("x"), .equals, .word("log"), .openParen, .number(1), .comma, .number(2), .closeParen,
            .separator,
        ])
    }

    @Test func wordsMayHoldDashesAndUnderscores() throws {
        #expect(try kinds("load breast-cancer; set weight_decay=0.1") == [
            .word("load"), .word("breast-cancer"), .separator,
            .word("set"), .word("weight_decay"), .equals, .number(0.1), .separator,
        ])
    }

    @Test func commentsAndContinuations() throws {
        #expect(try kinds("set lr=1 \\\n  epochs=3 # trailing\n# whole line") == [
            .word("set"), .word("lr"), .equals, .number(1), .word("epochs"), .equals, .number(3), .separator, .separator,
        ])
    }

    @Test func hashInsideAStringIsText() throws {
        #expect(try kinds(##"say "# not a comment""##) == [.word("say"), .string("# not a comment"), .separator])
    }

    @Test func positionsAreLineAndColumn() throws {
        let tokens = try Lexer("load iris\n  split train=0.6", firstLine: 10).tokens()
        let split = try #require(tokens.first { $0.kind == .word("split") })
        #expect(split.span == SourceSpan(line: 11, column: 3, length: 5))
    }

    @Test func unterminatedStringPointsAtTheQuote() {
        #expect(throws: InputError("unterminated string", at: SourceSpan(line: 1, column: 6, length: 1),
                                   hint: "close the string with a double quote (\")")) {
            try Lexer(#"load "iris.csv"#).tokens()
        }
    }

    @Test func badNumberIsOneError() {
        #expect(throws: InputError("'3abc' is not a number", at: SourceSpan(line: 1, column: 8, length: 4),
                                   hint: "numbers look like 3, 0.1, 1e-3 or -2")) {
            try Lexer("set lr=3abc").tokens()
        }
    }

    @Test func strayCharacterIsAnError() {
        #expect(throws: InputError("unexpected character '@'", at: SourceSpan(line: 1, column: 6, length: 1),
                                   hint: "paths and text with spaces or symbols go in double quotes")) {
            try Lexer("load @iris").tokens()
        }
    }

    @Test func backslashNotAtEndIsAnError() throws {
        #expect(throws: InputError.self) { try Lexer("set \\ lr=1").tokens() }
    }

    @Test func continuationDetection() {
        #expect(Shell.continues("set lr=1 \\"))
        #expect(Shell.continues("set lr=1 \\   "))
        #expect(!Shell.continues("set lr=1 # \\"))
        #expect(!Shell.continues(#"say "a \"#))
        #expect(!Shell.continues("set lr=1"))
    }
}
