import Foundation
import Testing
@testable import HyperLabShell

/// Tab after `target=`, `drop=[`, `features=[` or `keep=[` in a `load "FILE.csv"` line offers
/// the file's column names; in a `load penguins` line, the raw table's.
@Suite struct ColumnCompletionTests {
    static func shell() throws -> (Shell, URL) {
        let t = try Transcript(echo: false)
        let file = t.directory.appendingPathComponent("penguins.csv")
        try Data("\u{FEFF}\"rownames\",\"species\",\"island\",\"bill length\",\"sex\"\r\n1,Adelie,Torgersen,39.1,male\n".utf8).write(to: file)
        return (t.shell, file)
    }

    @Test func columnKeysCompleteFromTheHeader() throws {
        let (s, _) = try Self.shell()
        #expect(s.completions(linePrefix: "load \"penguins.csv\" target=sp") == ["species"])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" target=s") == ["sex", "species"])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" drop=[") == ["\"bill length\"", "island", "rownames", "sex", "species"])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" drop=[sex, isl") == ["island"])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" features=[island,b") == ["\"bill length\""])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" keep=[row") == ["rownames"])
    }

    @Test func aNameInQuotesCompletesToItsClosingQuote() throws {
        let (s, _) = try Self.shell()
        #expect(s.completions(linePrefix: "load \"penguins.csv\" drop=[\"bi") == ["bill length\""])
        #expect(s.completions(linePrefix: "load \"penguins.csv\" drop=[\"bill l") == ["length\""])
    }

    @Test func theRawBuiltInTableCompletesItsOwnColumns() throws {
        let (s, _) = try Self.shell()
        #expect(s.completions(linePrefix: "load penguins target=bi") == ["bill_depth_mm", "bill_length_mm"])
        #expect(s.completions(linePrefix: "load penguins missing=median drop=[year, is") == ["island"])
        #expect(s.completions(linePrefix: "load penguins features=[") == ["bill_depth_mm", "bill_length_mm", "body_mass_g",
                                                                           "flipper_length_mm", "island", "sex", "species", "year"])
        // A classic built-in has no columns to offer.
        #expect(s.completions(linePrefix: "load iris target=sp").isEmpty)
    }

    @Test func otherKeysAndMissingFilesAreLeftAlone() throws {
        let (s, _) = try Self.shell()
        #expect(s.completions(linePrefix: "load \"penguins.csv\" text=o") == ["onehot", "ordinal"])
        #expect(s.completions(linePrefix: "load \"absent.csv\" target=sp").isEmpty)
        #expect(s.completions(linePrefix: "load \"penguins.csv\" drop=[sex] ta") == ["target=", "task="])
    }
}
