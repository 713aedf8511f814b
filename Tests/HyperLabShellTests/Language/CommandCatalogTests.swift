import Testing
@testable import HyperLabShell
import HyperLabKit

/// The command catalogue: what `help` shows is what the binder accepts.
@Suite struct CommandCatalogTests {
    /// Every entry's example (the last line of its help page) binds, to that very entry.
    @Test(arguments: CommandCatalog.all.map(\.title))
    func everyExampleBindsToItsOwnCommand(_ title: String) throws {
        let spec = try #require(CommandCatalog.all.first { $0.title == title })
        let syntax = try #require(try Parser.parse(spec.example).first, "\(title): its example '\(spec.example)' parses to nothing")
        let bound = try Binder.bind(syntax)
        #expect(bound.spec.title == title, "\(title): its example '\(spec.example)' binds to \(bound.spec.title)")
    }

    /// Titles are unique, so help pages and dispatch never mix two entries.
    @Test func titlesAreUnique() {
        let titles = CommandCatalog.all.map(\.title)
        #expect(Set(titles).count == titles.count)
    }
}

/// The catalogue's declarations drive dispatch and defaults: each command once, each default of its option's kind.
@Suite struct CommandDeclarationTests {
    /// Every `CommandID` has exactly one entry, so the shell's exhaustive dispatch covers the catalogue.
    @Test func everyCommandIsDeclaredExactlyOnce() {
        let declared = CommandCatalog.all.map(\.id)
        #expect(Set(declared).count == declared.count, "a command is declared twice")
        #expect(Set(declared) == Set(CommandID.allCases),
                "not declared: \(Set(CommandID.allCases).subtracting(declared).map { "\($0.words)" })")
        #expect(declared.contains(.sweep(.cmaes)), "a sampler kind is a sweep command without a line of its own")
    }

    /// A typed default is a value its option accepts: a whole number in range, yes/no, one of the choices.
    @Test(arguments: CommandCatalog.all.map(\.title))
    func typedDefaultsFitTheirOptions(_ title: String) throws {
        let spec = try #require(CommandCatalog.all.first { $0.title == title })
        for option in spec.options {
            switch (option.defaultValue, option.kind) {
            case (.integer(let n), .integer(let range)), (.integer(let n), .integerOrAuto(let range)):
                #expect(range.contains(n), "\(title) \(option.key)=: default \(n) outside \(range)")
            case (.integer, _):
                Issue.record("\(title) \(option.key)=: a whole-number default for an option of another kind")
            case (.boolean, .boolean): break
            case (.boolean, _):
                Issue.record("\(title) \(option.key)=: a yes/no default for an option of another kind")
            case (.word(let word), .choice(let words)):
                #expect(words.contains(word), "\(title) \(option.key)=: default \(word) is not one of \(words)")
            case (.word, _):
                Issue.record("\(title) \(option.key)=: a word default for an option that is not a choice")
            case (.required, _), (.described, _): break
            }
        }
    }

    /// Handlers read the declared default, so a command left without the option gets it.
    @Test func anOptionLeftOutReadsItsDeclaredDefault() throws {
        let syntax = try #require(try Parser.parse("recheck").first)
        let bound = try Binder.bind(syntax)
        #expect(bound.integer("top") == 5)
        #expect(bound.integer("repeats") == 5)
        #expect(bound.boolean("fresh") == false)
        let written = try Binder.bind(try #require(try Parser.parse("recheck top=3 fresh=yes").first))
        #expect(written.integer("top") == 3)
        #expect(written.boolean("fresh") == true)
    }

    /// A handler that reads an option no command declares (a misspelt key) stops a debug build:
    /// `option(_:)` asserts this predicate. (An exit test would prove the stop itself, but its
    /// monitor thread spins on the zombies of the suite's other child processes and hangs the run.)
    @Test func aMisspeltOptionKeyIsNotDeclared() throws {
        let recheck = try #require(CommandCatalog.all.first { $0.id == .recheck })
        #expect(BoundCommand.isDeclared("top", by: recheck))
        #expect(BoundCommand.isDeclared("workers", by: recheck), "another command's key: code shared by sweep and resume")
        #expect(BoundCommand.isDeclared("lr", by: recheck), "a configuration key")
        #expect(!BoundCommand.isDeclared("tpo", by: recheck))
        #expect(!BoundCommand.isDeclared("wokers", by: recheck))
    }

    /// Every sweep takes each registered pruner's settings as options, with the registry's
    /// default, and `prune=` offers every kind: a new pruner needs no catalogue line.
    @Test func everySweepTakesThePrunerRegistrysSettings() throws {
        for spec in CommandCatalog.all where spec.sweepsParameters {
            let prune = try #require(spec.options.first { $0.key == "prune" }, "\(spec.title)")
            for kind in PrunerKind.allCases {
                guard case .choice(let words) = prune.kind else { Issue.record("\(spec.title): prune= is not a choice"); return }
                #expect(words == PrunerKind.allCases.map(\.rawValue))
                #expect(kind.prunerType.summary.map { prune.summary.contains($0) } ?? true, "\(spec.title): \(kind)")
                for setting in kind.settings {
                    let option = try #require(spec.options.first { $0.key == setting.name }, "\(spec.title): \(setting.name)")
                    #expect(option.defaultValue == .integer(setting.defaultValue))
                    guard case .integer(let range) = option.kind else { Issue.record("\(setting.name)= is not a whole number"); return }
                    #expect(range == setting.range)
                    #expect(option.summary == "\(kind.rawValue): \(setting.summary)")
                }
            }
        }
    }
}
