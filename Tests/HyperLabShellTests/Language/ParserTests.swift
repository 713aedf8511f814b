import Testing
@testable import HyperLabShell

@Suite struct ParserTests {
    @Test func commandWithArgumentsAndOptions() throws {
        let commands = try Parser.parse("model mlp hidden=[64, 32] activation=relu")
        #expect(commands.count == 1)
        let c = commands[0]
        #expect(c.name == "model")
        #expect(c.arguments.map(\.canonicalText) == ["mlp"])
        #expect(c.options.map(\.key) == ["hidden", "activation"])
        #expect(c.options[0].value.canonicalText == "[64, 32]")
    }

    @Test func semicolonsSeparateCommands() throws {
        #expect(try Parser.parse("load iris; show data;; split train=1").map(\.name) == ["load", "show", "split"])
    }

    @Test func distributionsAndNestedLists() throws {
        let c = try Parser.parse("sweep random lr=log(1e-4, 1e-1) hidden=[[64],[64,32]]")[0]
        #expect(c.options[0].value.value == .call("log", [
            SyntaxNode(value: .number(1e-4, text: "1e-4"), span: SourceSpan(line: 1, column: 21, length: 4)),
            SyntaxNode(value: .number(1e-1, text: "1e-1"), span: SourceSpan(line: 1, column: 27, length: 4)),
        ]))
        #expect(c.options[1].value.canonicalText == "[[64], [64, 32]]")
    }

    @Test func comparisons() throws {
        let c = try Parser.parse("results where lr<0.01")[0]
        #expect(c.arguments.last?.value == .comparison(key: "lr", op: "<",
            value: SyntaxNode(value: .number(0.01, text: "0.01"), span: SourceSpan(line: 1, column: 18, length: 4))))
    }

    @Test func spacesAroundEqualsAreAnError() {
        #expect(throws: InputError("no spaces around '=' in key=value", at: SourceSpan(line: 1, column: 8, length: 1),
                                   hint: "write lr=VALUE")) {
            try Parser.parse("set lr = 0.1")
        }
    }

    @Test func missingValueAfterEquals() {
        #expect(throws: InputError("lr= needs a value", at: SourceSpan(line: 1, column: 7, length: 1),
                                   hint: "write lr=VALUE")) {
            try Parser.parse("set lr=")
        }
    }

    @Test func unclosedListPointsAtItsBracket() {
        #expect(throws: InputError("'[' is never closed", at: SourceSpan(line: 1, column: 18, length: 1), hint: "add ']'")) {
            try Parser.parse("model mlp hidden=[64, 32")
        }
    }

    @Test func missingComma() {
        #expect(throws: InputError("expected ',' or ']'", at: SourceSpan(line: 1, column: 22, length: 2),
                                   hint: "separate the items with commas")) {
            try Parser.parse("model mlp hidden=[64 32]")
        }
    }

    @Test func commandMustStartWithAWord() {
        #expect(throws: InputError("a command starts with its name, not '42'", at: SourceSpan(line: 1, column: 1, length: 2),
                                   hint: "type help to list the commands")) {
            try Parser.parse("42 load")
        }
    }

    @Test func strayClosingBracket() {
        #expect(throws: InputError("unexpected ']'", at: SourceSpan(line: 1, column: 6, length: 1),
                                   hint: "there is no matching opening bracket")) {
            try Parser.parse("load ]")
        }
    }

    @Test func equalsWithoutKey() {
        #expect(throws: InputError("'=' needs a key before it", at: SourceSpan(line: 1, column: 5, length: 1),
                                   hint: "options are written key=value")) {
            try Parser.parse("set =3")
        }
    }

    @Test func nestingDeeperThanTheLimitIsAPositionedError() throws {
        let limit = Parser.maximumDepth
        _ = try Parser.parse("set hidden=" + String(repeating: "[", count: limit) + "8" + String(repeating: "]", count: limit))
        for text in ["set hidden=" + String(repeating: "[", count: 8_000) + "8" + String(repeating: "]", count: 8_000),
                     "set hidden=" + String(repeating: "[", count: 10_000),
                     "sweep random lr=" + String(repeating: "log(", count: 10_000)] {
            #expect {
                try Parser.parse(text)
            } throws: { error in
                guard let error = error as? InputError else { return false }
                let opener = text.firstIndex { $0 == "[" || $0 == "(" }.map { text.distance(from: text.startIndex, to: $0) } ?? 0
                // At the opener one past the limit, with the limit in the message.
                return error.message.contains("\(limit)") && error.span?.line == 1
                    && (error.span?.column ?? 0) > opener && error.hint != nil
            }
        }
    }
}
