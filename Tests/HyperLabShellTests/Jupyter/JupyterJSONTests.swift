import Testing
@testable import HyperLabShell

/// Notebook JSON laid out as Jupyter writes it, and read back with positioned errors.
@Suite struct JupyterJSONTests {
    /// The layout of Python's `json.dumps(sort_keys=True, indent=1, ensure_ascii=False)` plus a
    /// newline: keys sorted, one space per level, empty containers inline.
    @Test func layoutIsJupyters() {
        let value = JupyterJSON.object([
            "nbformat": .integer(4),
            "cells": .array([.object(["source": .array([]), "metadata": .object([:]), "id": .string("a")])]),
            "flag": .boolean(false),
            "none": .null,
        ])
        #expect(value.text == """
        {
         "cells": [
          {
           "id": "a",
           "metadata": {},
           "source": []
          }
         ],
         "flag": false,
         "nbformat": 4,
         "none": null
        }

        """)
    }

    @Test func stringsAreEscapedAsPythonDoesWithoutEnsureASCII() {
        #expect(JupyterJSON.quoted("a\"b\\c\nd\te\r") == #""a\"b\\c\nd\te\r""#)
        #expect(JupyterJSON.quoted("\u{1B}[1m\u{08}\u{0C}\u{01}") == #""\u001b[1m\b\f\u0001""#)
        #expect(JupyterJSON.quoted("8×8 · ± → é") == "\"8×8 · ± → é\"", "non-ASCII text stays as it is")
        #expect(JupyterJSON.quoted("a/b") == "\"a/b\"")
    }

    @Test func textIsSplitIntoLinesKeepingTheirNewlines() {
        #expect(JupyterJSON.lines("") == .array([]))
        #expect(JupyterJSON.lines("one") == .array([.string("one")]))
        #expect(JupyterJSON.lines("one\ntwo\n") == .array([.string("one\n"), .string("two\n")]))
        #expect(JupyterJSON.lines("a\r\nb") == .array([.string("a\r\n"), .string("b")]))
    }

    @Test func whatIsWrittenReadsBack() throws {
        let value = JupyterJSON.object([
            "text": .string("quote \" backslash \\ tab \t é 😀 \u{1}"),
            "list": .array([.integer(-12), .number(0.5), .boolean(true), .null, .object([:]), .array([])]),
        ])
        #expect(try JupyterJSON.parse(value.text) == value)
        #expect(try JupyterJSON.parse(#"["\u00e9\ud83d\ude00\/", 1e3, -0.25]"#)
                == .array([.string("é😀/"), .number(1000), .number(-0.25)]))
    }

    @Test(arguments: [
        ("{\n \"a\": 1,\n \"b\" 2\n}", 3, 6, "expected ':' after the key \"b\""),
        ("{\"a\": [1, 2,]}", 1, 13, "expected a value"),
        ("[1, 2", 1, 6, "a ']' is missing"),
        ("{\"a\": \"é\u{1}\"}", 1, 9, "a control character inside a string"),
        ("{} x", 1, 4, "unexpected text after the end"),
        ("", 1, 1, "the text ends where a value was expected"),
        ("[\"\\x\"]", 1, 3, "an unknown escape"),
        ("[tru]", 1, 2, "expected a value"),
    ])
    func malformedTextIsReportedAtItsLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JupyterJSON.SyntaxError.self) { try JupyterJSON.parse(text) }
        do {
            _ = try JupyterJSON.parse(text)
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JupyterJSON.SyntaxError.self) { try JupyterJSON.parse(text) }
    }
}
