import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The data warnings as a user sees them: at `load`, at `split`, and again in `show data`.
@Suite struct DataWarningCommandTests {
    @Test func loadAndSplitWarnAndShowDataRepeatsBoth() throws {
        let t = try Transcript(echo: false)
        let rows = (0..<30).map { "\($0 % 7),1,\($0 % 2 == 0 ? "a" : "b")" } + ["0,1,a", "0,1,rare"]
        try DataCommandTests.write("x,k,y\n" + rows.joined(separator: "\n") + "\n", "w.csv", in: t)
        let loaded = DataCommandTests.run(t, "load \"w.csv\" target=y").text
        #expect(loaded.contains("warning: constant columns") == false)
        #expect(loaded.contains("warning: 1 constant column (one value in every row): k"), "\(loaded)")
        #expect(loaded.contains("rows repeat an earlier row"), "\(loaded)")
        #expect(loaded.contains("warning: classes with fewer than 5 rows: rare (1)"), "\(loaded)")
        let split = DataCommandTests.run(t, "split train=0.5 dev=0.25 test=0.25 seed=1").text
        #expect(split.contains("warning: dev has 8 rows: one binomial standard error on its accuracy at p=0.5 is ± 0.177"), "\(split)")
        let shown = DataCommandTests.run(t, "show data").text
        for line in loaded.split(separator: "\n") + split.split(separator: "\n") where line.hasPrefix("warning:") {
            #expect(shown.contains(line), "\(line) missing from \(shown)")
        }
    }

    @Test func smallCrossValidationFoldsAreWarnedAboutAtSplitAndInShowData() throws {
        let t = try Transcript(echo: false)
        let split = DataCommandTests.run(t, "load moons n=160 noise=0.35 seed=5; split cv=5 test=0.1 seed=2").text
        let line = "warning: dev folds of 28–29 rows: one binomial standard error on a fold's accuracy at p=0.5 is ± 0.094;"
            + " the mean over 5 folds scores all 144 rows, about ± 0.042"
        #expect(split.contains(line), "\(split)")
        #expect(DataCommandTests.run(t, "show data").text.contains(line))
        let large = DataCommandTests.run(t, "split cv=2 test=0.1 seed=2").text
        #expect(!large.contains("dev folds"), "\(large)")
    }

    @Test func aCleanLargeDatasetSaysNoWarning() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, "load breast-cancer; split train=0.6 dev=0.2 test=0.2 seed=1; show data").text
        #expect(!out.contains("warning:"), "\(out)")
    }
}

/// Stratification by default for CSV classes, and the class counts per part in `show data`.
@Suite struct StratifiedSplitCommandTests {
    /// 40 rows: 30 of class a, 10 of class b.
    static let csv = "x,y\n" + (0..<40).map { "\($0 * 7 % 41),\($0 % 4 == 0 ? "b" : "a")" }.joined(separator: "\n") + "\n"

    @Test func aCSVClassificationSplitIsStratifiedUnlessStratifyNo() throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(Self.csv, "s.csv", in: t)
        let split = DataCommandTests.run(t, "load \"s.csv\" target=y; split train=0.5 dev=0.25 test=0.25 seed=3").text
        #expect(split.contains("train 20 · dev 11 · test 9 (seed 3, stratified)"), "\(split)")
        let shown = DataCommandTests.run(t, "show data").text
        let words = shown.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(words.contains("class train dev test"), "\(shown)")
        #expect(words.contains("a 15 8 7") && words.contains("b 5 3 2"), "\(shown)")
        let plain = DataCommandTests.run(t, "split train=0.5 dev=0.25 test=0.25 seed=3 stratify=no").text
        #expect(plain.contains("(seed 3)"), "\(plain)")
    }

    @Test func builtinDatasetsKeepThePlainShuffleAndStratifyYesStillWorks() throws {
        let t = try Transcript(echo: false)
        let plain = DataCommandTests.run(t, "load iris; split train=0.6 dev=0.2 test=0.2 seed=1").text
        #expect(plain.contains("(seed 1)\n"), "\(plain)")
        let stratified = DataCommandTests.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes").text
        #expect(stratified.contains("train 90 · dev 30 · test 30 (seed 1, stratified)"), "\(stratified)")
        let shown = DataCommandTests.run(t, "show data").text
        let words = shown.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(words.contains("setosa 30 10 10"), "\(shown)")
    }

    @Test func defaultStratificationFollowsTheSource() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        #expect(!DataSplit.stratifiesByDefault(iris))
    }

    @Test func aClassTooSmallForEveryPartFallsBackToAPlainSplitWithANote() throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(Self.csv + "3,rare\n", "r.csv", in: t)
        let out = DataCommandTests.run(t, "load \"r.csv\" target=y; split train=0.5 dev=0.25 test=0.25 seed=3").text
        #expect(out.contains("(seed 3)\n"), "\(out)")
        #expect(out.contains("not stratified: class 'rare' has 1 row"), "\(out)")
        let (outcome, asked) = DataCommandTests.run(t, "split train=0.5 dev=0.25 test=0.25 seed=3 stratify=yes")
        #expect(outcome == .failed, "\(asked)")
    }
}
