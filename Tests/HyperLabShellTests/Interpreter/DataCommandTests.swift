import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The data commands as a user sees them: `load`, `show data`, `split`, `save split`.
@Suite struct DataCommandTests {
    /// The output of `line` alone.
    static func run(_ t: Transcript, _ line: String) -> (outcome: RunOutcome, text: String) {
        let before = t.output.text.count
        let outcome = t.shell.run(line)
        return (outcome, String(t.output.text.dropFirst(before)))
    }

    static func write(_ text: String, _ name: String, in t: Transcript) throws {
        try text.write(to: t.directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func loadCountsInTheSingularForOne() throws {
        let t = try Transcript(echo: false)
        try Self.write("x,y\n1,0\n2,1\n3,0\n4,1\n", "one.csv", in: t)
        let out = Self.run(t, "load \"one.csv\" target=y task=classification").text
        #expect(out.contains("4 rows × 1 feature, classification"), "\(out)")
        let shown = Self.run(t, "show data").text
        #expect(shown.contains("4 rows, 1 feature, classification"), "\(shown)")
    }

    @Test func showDataWithNothingLoadedIsAPositionedError() throws {
        let t = try Transcript(echo: false)
        let (outcome, out) = Self.run(t, "show data")
        #expect(outcome == .failed)
        #expect(out.contains("error: no data loaded (line 1, column 1)"), "\(out)")
        #expect(out.contains("  show data\n  ^~~~"), "\(out)")
        #expect(out.contains("hint: load a dataset first"))
    }

    /// 40 rows: a = row number, every fourth cell of a empty; the last rows' a is far larger, so
    /// a mean over the whole file differs from the train part's.
    static func gappyCSV() -> String {
        var lines = ["a,label"]
        for r in 1...40 {
            let a = r % 4 == 1 ? "" : String(r > 30 ? 1000 + r : r)
            lines.append("\(a),\(r % 2 == 0 ? "x" : "y")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func missingMeanFillsGapsWithTheTrainPartsMeanOnly() throws {
        let t = try Transcript(echo: false)
        try Self.write(Self.gappyCSV(), "gappy.csv", in: t)
        let loaded = Self.run(t, "load \"gappy.csv\" target=label missing=mean").text
        #expect(loaded.contains("10 empty cells: a split fills each with its column's mean over the train part"), "\(loaded)")
        #expect(Self.run(t, "split train=0.5 dev=0.25 test=0.25 seed=2").outcome == .completed)
        let split = try #require(t.shell.workbench.partitioning?.holdout)
        let dataset = try #require(t.shell.workbench.dataset)
        let present = split.trainIndices.filter { ($0 + 1) % 4 != 1 }.map { dataset.value(row: $0, feature: 0) }
        let trainMean = present.reduce(0, +) / Double(present.count)
        #expect(abs(split.standardizer.means[0] - trainMean) < 1e-9,
                "fitted mean \(split.standardizer.means[0]), train rows' mean \(trainMean)")
        for (i, r) in split.devIndices.enumerated() where (r + 1) % 4 == 1 {
            #expect(split.dev.features[i, 0] == 0, "dev row \(r + 1)'s gap gets the train mean")
        }
    }

    @Test func saveSplitWritesThePartOfEveryRow() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let out = Self.run(t, "save split \"split.csv\"")
        #expect(out.outcome == .completed)
        #expect(out.text.contains("saved the part of each of iris's 150 rows to split.csv (train 90 · dev 30 · test 30)"), "\(out.text)")
        let text = try String(contentsOf: t.directory.appendingPathComponent("split.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,part")
        #expect(lines.count == 151)
        let split = try #require(t.shell.workbench.partitioning?.holdout)
        for r in 0..<150 {
            let part = split.trainIndices.contains(r) ? "train" : split.devIndices.contains(r) ? "dev" : "test"
            #expect(lines[r + 1] == "\(r + 1),\(part)")
        }
        // Loading and splitting with the same seed makes the same split.
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        #expect(Self.run(t, "save split \"again.csv\"").outcome == .completed)
        #expect(try String(contentsOf: t.directory.appendingPathComponent("again.csv"), encoding: .utf8) == text)
    }

    @Test func saveSplitOfCrossValidationNamesTheFolds() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit cv=5 test=0.2 seed=1")
        #expect(Self.run(t, "save split \"folds.csv\"").outcome == .completed)
        let lines = try String(contentsOf: t.directory.appendingPathComponent("folds.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let cv = try #require(t.shell.workbench.partitioning?.crossValidation)
        #expect(lines.count == 151)
        for (k, rows) in cv.foldIndices.enumerated() {
            for r in rows { #expect(lines[r + 1] == "\(r + 1),fold \(k + 1)") }
        }
        for r in cv.testIndices { #expect(lines[r + 1] == "\(r + 1),test") }
    }

    @Test func saveSplitRefusesToOverwriteWithoutForce() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsave split \"split.csv\"")
        let refused = Self.run(t, "save split \"split.csv\"")
        #expect(refused.outcome == .failed)
        #expect(refused.text.contains("split.csv exists already"))
        #expect(refused.text.contains("hint: add force=yes to overwrite it"))
        #expect(Self.run(t, "save split \"split.csv\" force=yes").outcome == .completed)
    }

    @Test func saveSplitNeedsASplitAndACSVFile() throws {
        let t = try Transcript(echo: false)
        t.type("load iris")
        let none = Self.run(t, "save split \"split.csv\"")
        #expect(none.outcome == .failed)
        #expect(none.text.contains("error: the data is not split yet (line 1, column 1)"), "\(none.text)")
        t.type("split train=0.6 dev=0.2 test=0.2 seed=1")
        let json = Self.run(t, "save split \"split.json\"")
        #expect(json.outcome == .failed)
        #expect(json.text.contains("save split writes a .csv file"), "\(json.text)")
    }

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
