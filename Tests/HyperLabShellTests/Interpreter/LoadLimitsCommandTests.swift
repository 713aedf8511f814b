import Foundation
import HyperLabKit
import HyperLabTestSupport
import Testing
@testable import HyperLabShell

/// `load` on hostile input as a user sees it: short errors, the previous dataset kept, the caps
/// as options; and every error quoting at most 80 characters of what was typed.
@Suite struct LoadLimitsCommandTests {
    @Test func aBinaryFileIsRefusedAtOnceAndTheDatasetIsKept() throws {
        let t = try Transcript(echo: false)
        try Data(count: 3 << 20).write(to: t.directory.appendingPathComponent("zeros.csv"))
        t.type("load iris")
        let (outcome, text) = DataCommandTests.run(t, "load \"zeros.csv\" target=y")
        #expect(outcome == .failed)
        #expect(text.contains("error: zeros.csv: line 1, column 1: the file holds a NUL byte, so it is binary data, not CSV text"), "\(text)")
        #expect(text.count < 500, "\(text.count) characters")
        #expect(t.shell.workbench.dataset?.name == "iris")
    }

    @Test func ctrlCDuringALoadKeepsThePreviousDatasetAndSaysSo() throws {
        let t = try Transcript(echo: false)
        let rows = (0..<40_000).map { "\($0 % 97),\($0 % 3)" }.joined(separator: "\n")
        try ("a,y\n" + rows + "\n").write(to: t.directory.appendingPathComponent("many.csv"), atomically: true, encoding: .utf8)
        t.type("load iris")
        let probes = Counter()
        t.shell.options.interruption = Interruption { probes.next() > 2 }   // Ctrl-C after two chunks
        let (outcome, text) = DataCommandTests.run(t, "load \"many.csv\" target=y")
        #expect(outcome == .failed)
        #expect(text.contains("error: load was interrupted at line "), "\(text)")
        #expect(text.contains("of many.csv\nhint: the previous dataset is kept; run the load again to read the whole file"), "\(text)")
        #expect(t.shell.workbench.dataset?.name == "iris")
        #expect(t.shell.recorded == ["load iris"])
        t.shell.options.interruption = .never
        #expect(DataCommandTests.run(t, "show data").text.hasPrefix("iris (built-in): 150 rows"))
    }

    @Test func theCapsAreOptionsRecordedInTheSession() throws {
        let t = try Transcript(echo: false)
        let labels = (0..<1_200).map { "\($0 % 7),label\($0)" }.joined(separator: "\n")
        try ("a,y\n" + labels + "\n").write(to: t.directory.appendingPathComponent("labels.csv"), atomically: true, encoding: .utf8)
        let refused = DataCommandTests.run(t, "load \"labels.csv\" target=y")
        #expect(refused.text.contains("the target 'y' has 1200 distinct classes, more than max_classes=1000"), "\(refused.text)")
        #expect(refused.text.contains("hint: choose another target column; max_classes=1200 allows them all"))
        let loaded = DataCommandTests.run(t, "load \"labels.csv\" target=y max_classes=1200 max_field=100 max_line=1000")
        #expect(loaded.outcome == .completed, "\(loaded.text)")
        #expect(t.shell.recorded.last == "load \"labels.csv\" target=y max_classes=1200 max_field=100 max_line=1000")
        #expect(DataCommandTests.run(t, "load \"labels.csv\" target=y max_classes=1200 max_field=3").text
            .contains("labels.csv: line 2, column 2: a cell is longer than max_field=3 bytes"))
        #expect(DataCommandTests.run(t, "load iris max_classes=5").text.contains("max_classes= applies to CSV files and raw tables (penguins), not to the built-in iris"))
    }

    @Test func featuresNearTheEndOfTheDoubleRangeShowAndTrain() throws {
        let t = try Transcript(echo: false)
        let rows = (0..<100).map { r in "\(r % 2 == 0 ? "" : "-")\(1 + Double(r % 7) / 10)e308,\(r % 5),\(r % 2 == 0 ? "x" : "z")" }
        try ("a,b,y\n" + rows.joined(separator: "\n") + "\n").write(to: t.directory.appendingPathComponent("huge.csv"), atomically: true, encoding: .utf8)
        t.type("load \"huge.csv\" target=y\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let shown = DataCommandTests.run(t, "show data").text
        #expect(!shown.contains("inf") && !shown.contains("nan"), "\(shown)")
        let (outcome, trained) = DataCommandTests.run(t, "train epochs=5")
        #expect(outcome == .completed)
        #expect(trained.contains("run 1: 5 epochs") && !trained.contains("diverged") && !trained.contains("smaller lr"), "\(trained)")
    }

    @Test func helpLoadDocumentsTheCaps() throws {
        let t = try Transcript(echo: false)
        let page = DataCommandTests.run(t, "help load").text
        for option in ["max_field", "max_line", "max_classes"] {
            #expect(page.contains(option), "help load lacks \(option)")
        }
        let words = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Ctrl-C stops a load and keeps the previous dataset"))
    }

    /// Every command, given a 3,000-character word, string, key or value where it expects input.
    @Test func noErrorQuotesMoreThanEightyCharactersOfInput() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let long = String(repeating: "q", count: 3_000)
        let commands = ["help", "load", "show data", "split", "model", "optimizer", "set", "train", "sweep random n=2",
                        "sweep grid", "results", "use trial", "plot", "evaluate", "save session", "save results", "replay",
                        "compare", "recheck", "open study", "resume", "objective", "save split", "save predictions", "runs"]
        for command in commands {
            for form in ["\(command) \(long)", "\(command) \(long)=1", "\(command) lr=\(long)", "\(command) \"\(long)\"",
                         "\(command) x=[\(long)]", "\(command) lr=log(\(long), 1)", "\(command) \"\(long).csv\" target=\(long)"] {
                let (outcome, text) = DataCommandTests.run(t, form)
                guard outcome == .failed else { continue }
                #expect(text.longestRun(of: "q") <= InputQuote.maximumLength, "\(form.prefix(40))…:\n\(text.prefix(400))")
            }
        }
    }
}
