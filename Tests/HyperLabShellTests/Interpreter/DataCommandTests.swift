import Testing
@testable import HyperLabShell

/// `datasets`, `load`, `show data`, `split` as a user reads them.
@Suite struct DataCommandTests {
    @Test func datasetsWrapsItsTextAt80ColumnsInsteadOfCuttingIt() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("datasets") == .completed)
        let lines = t.output.text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
        #expect(!t.output.text.contains("…"), "\(t.output.text)")
        #expect(t.output.text.contains("target=COLUMN"))
        #expect(t.output.text.contains("Fisher's iris flowers"))
    }
}
