import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Looks at the test set are counted per dataset (by content), across splits, reloads and
/// sessions sharing a store; `show looks` lists them.
@Suite struct TestLookCommandTests {
    static func run(_ t: Transcript, _ line: String) -> String {
        let before = t.output.text.count
        _ = t.shell.run(line)
        return String(t.output.text.dropFirst(before))
    }

    static let setup = "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]\nset epochs=3"

    @Test func aNewSplitAfterALookIsALookAndTheCountGoesOn() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setup)
        #expect(Self.run(t, "evaluate test").contains("test set looks: 1. Report this number; do not tune on it."))
        let resplit = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=2")
        let warnings = resplit.split(separator: "\n").filter { $0.hasPrefix("warning:") && $0.contains("look") }
        #expect(warnings.count == 1, "one line: \(resplit)")
        #expect(resplit.contains("a new split after seeing the test set lets test information leak into later choices; counted as look 2 at the test set of iris"),
                "\(resplit)")
        #expect(Self.run(t, "evaluate test").contains("this is look 3 at the test set of iris"))
    }

    @Test func reloadingAndTheSameSplitContinueTheCount() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setup + "\nevaluate test\nreset\n" + Self.setup)
        #expect(!t.output.text.contains("new split after seeing"), "the same split again is not a new deal")
        #expect(Self.run(t, "evaluate test").contains("this is look 2 at the test set of iris"))
        let shown = Self.run(t, "show data")
        #expect(shown.contains("test set looks: 2"), "\(shown)")
    }

    @Test func otherDataHasItsOwnCount() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setup + "\nevaluate test\nload moons n=60 seed=3\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        #expect(Self.run(t, "evaluate test").contains("test set looks: 1."))
    }

    @Test func theStoreKeepsTheCountAcrossSessions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-looks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for expected in ["test set looks: 1.", "this is look 2 at the test set of iris"] {
            let t = try Transcript(echo: false)
            t.shell.options.repository = Shell.repository(for: folder.appendingPathComponent("store.sqlite").path,
                                                          workingDirectory: folder.path)
            t.type(Self.setup)
            #expect(Self.run(t, "evaluate test").contains(expected))
        }
    }

    @Test func showLooksListsWhenWhatAndTheScore() throws {
        let t = try Transcript(echo: false)
        t.type("load iris")
        #expect(Self.run(t, "show looks").contains("no look at the test set of iris yet"))
        t.type(Self.setup + "\nevaluate test\nsplit train=0.6 dev=0.2 test=0.2 seed=2")
        let shown = Self.run(t, "show looks")
        let lines = shown.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("look") == true && lines.first?.contains("when") == true
                && lines.first?.contains("configuration") == true && lines.first?.contains("test_acc") == true, "\(shown)")
        #expect(shown.contains("2027-01-01 00:00 UTC"), "\(shown)")
        #expect(shown.contains("mlp [4] relu · adam lr=0.001 · 3 epochs"), "\(shown)")
        #expect(shown.contains("split train=0.6 dev=0.2 test=0.2 seed=2 "), "\(shown)")
        t.type("reset")
        let none = try Transcript(echo: false)
        #expect(Self.run(none, "show looks").contains("error: no data loaded (line 1, column 1)"))
    }
}
