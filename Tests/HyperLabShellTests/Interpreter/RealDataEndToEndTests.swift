import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Issue 13's "done when", end to end: the raw penguins export as pandas and R write it, and a
/// Titanic-style file, load without any edit and go through split, train and evaluate test with
/// clear notes; every bad input the issue lists is a positioned error that leaves the workbench
/// as it was.
@Suite struct RealDataEndToEndTests {
    static func run(_ t: Transcript, _ line: String) -> (outcome: RunOutcome, text: String) {
        DataCommandTests.run(t, line)
    }

    /// The bundled raw export, `to_csv(index=False)`: the file without an index column.
    static let bundledPenguins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/HyperLabKit/Resources/datasets/penguins.csv")

    /// The file's bytes, to show that loading does not edit it.
    static func bytes(_ t: Transcript, _ name: String) throws -> Data {
        try Data(contentsOf: t.directory.appendingPathComponent(name))
    }

    /// (file, the identifier note it gets, or nil): pandas `to_csv()` (index: an unnamed first
    /// column of 0…343), pandas `to_csv(index=False)`, R `write.csv` ("" header, quoted row names).
    static let penguinFiles: [(String, String?)] = [
        ("penguins-pandas-index.csv", "left out column 1 (unnamed), an identifier: an unnamed first column (row labels)"),
        ("penguins.csv", nil),
        ("penguins-r-write-csv.csv", "left out column 1 (unnamed), an identifier: an unnamed first column (row labels)"),
    ]

    @Test(arguments: penguinFiles)
    func rawPenguinsLoadSplitTrainAndEvaluateWithoutAnEdit(file: String, identifierNote: String?) throws {
        let t = try Transcript(echo: false)
        try FileManager.default.copyItem(at: Self.bundledPenguins, to: t.directory.appendingPathComponent("penguins.csv"))
        let before = try Self.bytes(t, file)
        let loaded = Self.run(t, "load \"\(file)\" target=species missing=median")
        #expect(loaded.outcome == .completed, "\(loaded.text)")
        #expect(loaded.text.contains("loaded \(file): 344 rows × 7 features, classification with 3 classes (Adelie, Chinstrap, Gentoo)"),
                "\(loaded.text)")
        #expect(loaded.text.contains("text encoded one-hot with the train part's categories: island (3 values), sex (2 values, 11 missing)"),
                "\(loaded.text)")
        #expect(loaded.text.contains("8 empty cells: a split fills each with its column's median over the train part"), "\(loaded.text)")
        if let identifierNote {
            #expect(loaded.text.contains(identifierNote), "\(loaded.text)")
        } else {
            #expect(!loaded.text.contains("identifier"), "\(loaded.text)")
        }
        let split = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1")
        #expect(split.text.contains("train 206 · dev 70 · test 68 (seed 1, stratified)"), "\(split.text)")
        let trained = Self.run(t, "train epochs=20")
        #expect(trained.text.contains("run 1: 20 epochs"), "\(trained.text)")
        #expect(trained.text.contains("trivial baseline (always 'Adelie')"), "\(trained.text)")
        let tested = Self.run(t, "evaluate test")
        #expect(tested.outcome == .completed, "\(tested.text)")
        #expect(tested.text.contains("test_acc "), "\(tested.text)")
        #expect(tested.text.contains("test_balanced_acc "), "\(tested.text)")
        #expect(tested.text.contains("test set looks: 1."), "\(tested.text)")
        #expect(try Self.bytes(t, file) == before)
    }

    @Test func theThreeExportsGiveTheSameData() throws {
        let t = try Transcript(echo: false)
        try FileManager.default.copyItem(at: Self.bundledPenguins, to: t.directory.appendingPathComponent("penguins.csv"))
        var loaded: [Dataset] = []
        for (file, _) in Self.penguinFiles {
            _ = Self.run(t, "load \"\(file)\" target=species missing=median")
            loaded.append(try #require(t.shell.workbench.dataset))
        }
        let builtin = try BuiltinDatasets.loadTable(name: "penguins", missing: .median)
        for data in loaded {
            #expect(data.features == builtin.features)
            #expect(data.missingCells == builtin.missingCells)
            #expect(data.target == builtin.target)
            #expect(data.textColumns == builtin.textColumns)
        }
    }

    @Test func aTitanicStyleFileWithNamesAsRowLabelsLoadsWithClearNotes() throws {
        let t = try Transcript(echo: false)
        let before = try Self.bytes(t, "titanic-style.csv")
        let out = Self.run(t, "load \"titanic-style.csv\" target=survived missing=median").text
        #expect(out.contains("loaded titanic-style.csv: 48 rows × 7 features, classification with 2 classes (0, 1)"), "\(out)")
        #expect(out.contains("features used: pclass, age, sibsp, parch, fare, sex, embarked"), "\(out)")
        #expect(out.contains("text encoded one-hot with the train part's categories: sex (2 values), embarked (3 values, 1 missing)"), "\(out)")
        #expect(out.contains("left out column 1 (unnamed), an identifier: an unnamed first column (row labels)"), "\(out)")
        #expect(out.contains("11 empty cells: a split fills each with its column's median over the train part"), "\(out)")
        #expect(out.contains("warning: 4 of 48 rows repeat an earlier row (same features and target)"), "\(out)")
        let split = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1").text
        #expect(split.contains("warning: dev has 10 rows: one binomial standard error on its accuracy at p=0.5 is ± 0.158"), "\(split)")
        #expect(Self.run(t, "train epochs=10").outcome == .completed)
        let tested = Self.run(t, "evaluate test")
        #expect(tested.outcome == .completed, "\(tested.text)")
        #expect(tested.text.contains("trivial baseline (always '1'): test_acc"), "\(tested.text)")
        #expect(try Self.bytes(t, "titanic-style.csv") == before)
    }

    // MARK: bad input: a positioned error, the workbench unchanged

    /// (file name, its text, the load options, what the error says, the line it names).
    static let badInputs: [(String, String, String, String, Int)] = [
        ("one-left.csv", "a,y\n1,x\n2,x\n,z\nNA,z\n", "target=y missing=drop",
         "one-left.csv, line 1: the target 'y' has a single class ('x') after leaving out 2 rows", 1),
        ("all-gaps.csv", "a,b,y\n1,,x\n,2,z\nNA,3,x\n", "target=y missing=drop",
         "all-gaps.csv, line 1: no row is left: all 3 rows were left out (3 with missing cells (missing=drop))", 1),
        ("columns.csv", "name,island,sex,y\nA,Dream,m,x\nB,Biscoe,f,z\n", "target=y drop=[islnd]",
         "columns.csv, line 1: no column 'islnd' in the header", 1),
        ("columns.csv", "name,island,sex,y\nA,Dream,m,x\nB,Biscoe,f,z\n", "target=y features=[sex, island] drop=[sex]",
         "columns.csv, line 1: 'sex' is named in both features= and drop=", 1),
    ]

    @Test(arguments: badInputs)
    func badInputIsAPositionedErrorAndChangesNothing(file: String, text: String, options: String, message: String, line: Int) throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(text, file, in: t)
        _ = Self.run(t, "load iris")
        _ = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1")
        let (outcome, out) = Self.run(t, "load \"\(file)\" \(options)")
        #expect(outcome == .failed)
        #expect(out.contains("error: " + message), "\(out)")
        #expect(out.contains("hint: "), "\(out)")
        #expect(t.shell.workbench.dataset?.name == "iris")
        #expect(t.shell.workbench.partitioning?.holdout != nil)
    }

    @Test func theHintsOfTheBadInputsSayWhatToDo() throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(Self.badInputs[1].1, "all-gaps.csv", in: t)
        #expect(Self.run(t, "load \"all-gaps.csv\" target=y missing=drop").text
                    .contains("hint: impute instead: missing=median or missing=mean, or drop= the gappy columns"))
        try DataCommandTests.write(Self.badInputs[2].1, "columns.csv", in: t)
        #expect(Self.run(t, "load \"columns.csv\" target=y drop=[islnd]").text.contains("hint: did you mean island?"))
    }

    @Test func aTextColumnOfTenThousandValuesIsRefusedWithTheMaxCategoriesHint() throws {
        let t = try Transcript(echo: false)
        // 10,001 rows: 10,000 distinct codes, one repeated, so it is not an identifier column.
        var lines = ["x,code,y"]
        for r in 0...10_000 { lines.append("\(r % 7),k\(r % 10_000),\(r % 2 == 0 ? "a" : "b")") }
        try DataCommandTests.write(lines.joined(separator: "\n") + "\n", "codes.csv", in: t)
        _ = Self.run(t, "load iris")
        let (outcome, out) = Self.run(t, "load \"codes.csv\" target=y")
        #expect(outcome == .failed)
        #expect(out.contains("error: codes.csv, line 2: column 2 ('code') holds text with 10000 distinct values, more than max_categories=50"),
                "\(out)")
        #expect(out.contains("hint: drop=[code] leaves it out; max_categories=10000 encodes every value"), "\(out)")
        #expect(t.shell.workbench.dataset?.name == "iris")
    }
}
