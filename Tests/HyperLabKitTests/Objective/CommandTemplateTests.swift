import Testing
@testable import HyperLabKit

@Suite struct CommandTemplateTests {
    /// The error a template (or its rendering) throws, or nil.
    static func error(_ text: String, render parameters: TrialParameters? = nil) -> CommandTemplateError? {
        do {
            let template = try CommandTemplate(text)
            if let parameters { _ = try template.render(parameters, seed: 1, trial: 0) }
            return nil
        } catch {
            return error
        }
    }

    @Test func listsPlaceholdersInOrderOnce() throws {
        let template = try CommandTemplate("python train.py --lr {lr} --wd {weight_decay} --again {lr} --seed {seed}")
        #expect(template.placeholders == ["lr", "weight_decay", "seed"])
        #expect(template.parameterPlaceholders == ["lr", "weight_decay"])
    }

    @Test func rendersValuesShellQuoted() throws {
        let template = try CommandTemplate("python train.py --lr {lr} --units {units} --act {act} --note {note}")
        let parameters = TrialParameters([("lr", .real(1e-5)), ("units", .integer(64)),
                                          ("act", .word("relu")), ("note", .word("it's a b"))])
        let command = try template.render(parameters, seed: 9, trial: 2)
        #expect(command == "python train.py --lr 1e-05 --units 64 --act relu --note 'it'\"'\"'s a b'")
    }

    @Test func seedAndTrialAreAlwaysThereButASweptNameWins() throws {
        let template = try CommandTemplate("run {trial} {seed}")
        #expect(try template.render(TrialParameters(), seed: 42, trial: 3) == "run 3 42")
        #expect(try template.render(TrialParameters([("seed", .integer(5))]), seed: 42, trial: 3) == "run 3 5")
        #expect(template.parameterPlaceholders.isEmpty)
    }

    @Test func doubledBracesAreLiteral() throws {
        let template = try CommandTemplate("awk '{{print $1}}' {file} && echo }}{{")
        #expect(template.placeholders == ["file"])
        #expect(try template.render(TrialParameters([("file", .word("a b.txt"))]), seed: 0, trial: 0)
                == "awk '{print $1}' 'a b.txt' && echo }{")
    }

    @Test func malformedPlaceholdersNameTheirOffset() {
        let unclosed = Self.error("train.py --lr {lr")
        #expect(unclosed?.kind == .unclosedBrace)
        #expect(unclosed?.offset == 14)
        #expect(Self.error("a {b {c}")?.kind == .unclosedBrace)
        #expect(Self.error("a {b {c}")?.offset == 2)
        let unopened = Self.error("echo a } b")
        #expect(unopened?.kind == .unopenedBrace)
        #expect(unopened?.offset == 7)
        let empty = Self.error("run {} now")
        #expect(empty?.kind == .emptyPlaceholder)
        #expect(empty?.offset == 4)
        #expect(empty?.length == 2)
        let invalid = Self.error("awk '{print $1}'")
        #expect(invalid?.kind == .invalidName)
        #expect(invalid?.offset == 5)
        #expect(invalid?.length == 10)
        #expect(invalid?.hint?.contains("{{") == true)
        #expect(Self.error("   ")?.kind == .emptyTemplate)
    }

    @Test func offsetsCountCharactersNotBytes() {
        #expect(Self.error("é→ {x")?.offset == 3)
    }

    @Test func placeholdersInsideQuotesAreRefused() {
        for (text, offset) in [("run --name '{name}'", 12), ("run --name=\"{name}\"", 12), ("run \\{name}", 5)] {
            let error = Self.error(text)
            #expect(error?.kind == .quotedPlaceholder, "\(text)")
            #expect(error?.offset == offset, "\(text)")
        }
        // Closed quotes before a placeholder are fine.
        #expect(Self.error("echo 'a' \"b\" \\' {name}") == nil)
    }

    @Test func unknownPlaceholdersAreFoundWithAHint() throws {
        let template = try CommandTemplate("train --lr {lr} --wd {weight_decy}")
        let rendering = Self.error("train --lr {lr} --wd {weight_decy}",
                                   render: TrialParameters([("lr", .real(0.1)), ("weight_decay", .real(0.1))]))
        #expect(rendering?.kind == .unknownPlaceholder)
        #expect(rendering?.offset == 21)
        #expect(rendering?.length == 13)
        #expect(rendering?.hint == "did you mean {weight_decay}?")
        #expect(throws: CommandTemplateError.self) { try template.check(parameterNames: ["lr"]) }
        try template.check(parameterNames: ["weight_decy", "lr"])
        let shellVariable = Self.error("cd ${HOME} && run", render: TrialParameters())
        #expect(shellVariable?.hint == "for the shell variable write $HOME, or ${{HOME}}")
    }

    @Test func quotingFollowsShlex() {
        #expect(ShellQuoting.quoted("0.001") == "0.001")
        #expect(ShellQuoting.quoted("[64, 32]") == "'[64, 32]'")
        #expect(ShellQuoting.quoted("") == "''")
        #expect(ShellQuoting.quoted("it's") == "'it'\"'\"'s'")
        #expect(ShellQuoting.quoted("$HOME") == "'$HOME'")
    }
}
