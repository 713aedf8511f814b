import Testing
@testable import HyperLabShell

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
