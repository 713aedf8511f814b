import Foundation
import Testing
@testable import HyperLabKit

/// Loads `csv` from a temporary file; the error, if loading fails.
private func loadError(_ csv: String, target: String = "y", task: LearningTask? = nil,
                       missing: MissingValuePolicy = .none) -> DataError? {
    let folder = TemporaryFolder()
    let path = folder.write("data.csv", csv)
    do {
        _ = try CSVDataset.load(path: path, target: target, task: task, missing: missing)
        return nil
    } catch {
        return error
    }
}

/// Loads `csv` from a temporary file, expecting success.
private func load(_ csv: String, target: String = "y", task: LearningTask? = nil,
                  missing: MissingValuePolicy = .none) throws -> Dataset {
    let folder = TemporaryFolder()
    let path = folder.write("data.csv", csv)
    return try CSVDataset.load(path: path, target: target, task: task, missing: missing)
}

@Suite struct CSVDatasetTests {
    @Test func loadsFeaturesTargetAndSource() throws {
        let data = try load("a,b,y\n1,2,cat\n3,4,dog\n5,6,cat\n")
        #expect(data.name == "data")
        #expect(data.featureNames == ["a", "b"])
        #expect(data.features == [1, 2, 3, 4, 5, 6])
        #expect(data.target == .classes(labels: [0, 1, 0], names: ["cat", "dog"]))
        #expect(data.missingCounts == [0, 0])
        guard case .csv(let path, "y", .classification, .none, _) = data.source else {
            Issue.record("unexpected source \(data.source)"); return
        }
        #expect(path.hasSuffix("data.csv"))
    }

    @Test func targetMayBeAnyColumnAndCellsMayBeQuotedOrPadded() throws {
        let data = try load("y, a ,\"b, c\"\n\"1.5\", 2 ,3\n2.5,4,\"5\"\n", task: .regression)
        #expect(data.featureNames == ["a", "b, c"])
        #expect(data.features == [2, 3, 4, 5])
        #expect(data.target == .values([1.5, 2.5]))
    }

    @Test func infersTheTask() throws {
        // Text labels → classification.
        #expect(try load("a,y\n1,x\n2,y\n3,x\n").task == .classification)
        // Few distinct whole numbers (fewer than half the rows) → classification.
        #expect(try load("a,y\n1,0\n2,1\n3,0\n4,1\n5,1\n").task == .classification)
        // Fractions → regression.
        #expect(try load("a,y\n1,0.5\n2,1\n3,0\n4,1\n5,1\n").task == .regression)
        // Whole numbers, but as many distinct values as rows → regression.
        #expect(try load("a,y\n1,10\n2,20\n3,30\n4,40\n").task == .regression)
        // An explicit task wins.
        #expect(try load("a,y\n1,10\n2,20\n3,30\n4,40\n", task: .classification).task == .classification)
    }

    @Test func classNamesAreOrderedNaturally() throws {
        let text = try load("a,y\n1,class_10\n2,class_2\n3,Class_1\n4,class_2\n")
        #expect(text.classNames == ["Class_1", "class_2", "class_10"])
        #expect(text.target == .classes(labels: [2, 1, 0, 1], names: ["Class_1", "class_2", "class_10"]))
        // Numeric labels by value; 1 and 1.0 are one class.
        let numbers = try load("a,y\n1,10\n2,9\n3,1.0\n4,1\n5,9\n6,10\n7,1\n", task: .classification)
        #expect(numbers.classNames == ["1", "9", "10"])
    }

    @Test func fileNotThere() {
        let folder = TemporaryFolder()
        folder.write("houses.csv", "a,y\n1,2\n")
        let path = (folder.path as NSString).appendingPathComponent("houses.cvs")
        #expect(throws: DataError.self) { try CSVDataset.load(path: path, target: "y") }
        do {
            _ = try CSVDataset.load(path: path, target: "y")
        } catch {
            #expect(error.kind == .fileNotFound)
            #expect(error.file == path)
            #expect(error.hint?.contains("houses.csv") == true)
        }
    }

    @Test func relativePathsStartFromTheGivenFolder() throws {
        let folder = TemporaryFolder()
        folder.write("rel.csv", "a,y\n1,x\n2,z\n")
        let data = try CSVDataset.load(path: "rel.csv", target: "y", relativeTo: folder.path)
        #expect(data.name == "rel")
        #expect(data.source == .csv(path: "rel.csv", target: "y", task: .classification, missing: .none))
        do { _ = try CSVDataset.load(path: "rell.csv", target: "y", relativeTo: folder.path); Issue.record("loaded") } catch {
            #expect(error.file == "rell.csv")
            #expect(error.hint == "did you mean \"rel.csv\"?")
        }
    }

    @Test func folderAndNonText() {
        let folder = TemporaryFolder()
        #expect(throws: DataError.self) { try CSVDataset.load(path: folder.path, target: "y") }
        let binary = folder.write("blob.csv", bytes: [0x61, 0x2C, 0x79, 0x0A, 0xFF, 0xFE, 0x2C, 0x31, 0x0A])
        do { _ = try CSVDataset.load(path: binary, target: "y"); Issue.record("loaded binary") } catch {
            #expect(error.kind == .notText)
        }
    }

    @Test func emptyFile() {
        #expect(loadError("")?.kind == .emptyFile)
        #expect(loadError("\n\n  \n")?.kind == .emptyFile)
    }

    @Test func headerOnly() {
        let error = loadError("a,b,y\n")
        #expect(error?.kind == .headerOnly)
        #expect(error?.line == 1)
        #expect(loadError("a,b,y")?.kind == .headerOnly)
    }

    @Test func raggedRowNamesLineAndCounts() {
        let short = loadError("a,b,y\n1,2,x\n3,4,z\n5,6\n")
        #expect(short?.kind == .raggedRow)
        #expect(short?.line == 4)
        #expect(short?.column == 3)
        #expect(short?.message == "line 4 has 2 cells, the header has 3")
        // A trailing comma on the last line (no final line break) is an extra cell too.
        let long = loadError("a,b,y\n1,2,x\n3,4,z,")
        #expect(long?.kind == .raggedRow)
        #expect(long?.line == 3)
        #expect(long?.column == 4)
        #expect(long?.message == "line 3 has 4 cells, the header has 3")
    }

    @Test func lineNumbersCountBlankLinesCRLFAndQuotedLineBreaks() {
        // Row 1 spans lines 2–3 (a quoted line break); a blank line 4; the bad cell is on line 5.
        let error = loadError("a,b,y\r\n1,2,\"two\r\nlines\"\r\n\r\n3,oops,z\r\n")
        #expect(error?.kind == .nonNumericCell)
        #expect(error?.line == 5)
        #expect(error?.column == 2)
        // The same with bare \n line breaks and a line break inside a quoted header name.
        let lf = loadError("a,\"b\nb\",y\n1,2,x\n\n3,4,z\n5,x5,x\n")
        #expect(lf?.line == 6)
        #expect(lf?.column == 2)
    }

    @Test func nonNumericCellNamesLineColumnNameAndText() {
        let error = loadError("a,b,y\n1,2,x\n3,4,z\n5,abc,x\n7,8,z\n")
        #expect(error?.kind == .nonNumericCell)
        #expect(error?.line == 4)
        #expect(error?.column == 2)
        #expect(error?.message == "line 4, column 2 ('b'): 'abc' is not a number")
        #expect(loadError("a,y\n1,x\ninf,z\n3,x\n")?.kind == .nonNumericCell)
    }

    @Test func aTextColumnThatIsNotTheTargetIsATextFeature() throws {
        let data = try load("height,species,y\n1.2,setosa,0.5\n1.4,virginica,0.7\n")
        #expect(data.featureNames == ["height"])
        #expect(data.textColumns == [TextColumn(name: "species", values: ["setosa", "virginica"], codes: [0, 1])])
    }

    @Test func missingTargetColumnSuggestsTheClosest() {
        let error = loadError("sepal,petal,species\n1,2,a\n3,4,b\n", target: "specis")
        #expect(error?.kind == .missingTargetColumn)
        #expect(error?.line == 1)
        #expect(error?.key == "target")
        #expect(error?.hint == "did you mean species?")
        let listed = loadError("sepal,petal,species\n1,2,a\n", target: "zzz")
        #expect(listed?.hint == "the columns are: sepal, petal, species")
    }

    @Test func duplicateAndUnnamedColumns() {
        let duplicate = loadError("a,b,a,y\n1,2,3,x\n")
        #expect(duplicate?.kind == .duplicateColumn)
        #expect(duplicate?.line == 1)
        #expect(duplicate?.column == 3)
        let unnamed = loadError("a,,y\n1,2,x\n")
        #expect(unnamed?.kind == .unnamedColumn)
        #expect(unnamed?.column == 2)
    }

    @Test func onlyTheTargetColumn() {
        #expect(loadError("y\n1\n2\n")?.kind == .noFeatures)
    }

    @Test func singleClass() {
        let error = loadError("a,y\n1,x\n2,x\n3,x\n")
        #expect(error?.kind == .singleClass)
        #expect(error?.column == 2)
    }

    @Test func regressionTargetMustBeNumeric() {
        let error = loadError("a,y\n1,2.5\n2,3.5\n3,lots\n", task: .regression)
        #expect(error?.kind == .nonNumericTarget)
        #expect(error?.line == 4)
        #expect(error?.column == 2)
    }

    @Test func rowsWithAnEmptyTargetAreLeftOutAndCounted() throws {
        let data = try load("a,y\n5,x\n2,\n3,z\n4,NA\n", missing: .mean)
        #expect(data.rowCount == 2)
        #expect(data.column(0) == [5, 3])
        #expect(data.report.rowsWithoutTarget == 2)
    }

    @Test func emptyCellsAreAnErrorUnlessMissingIsMean() throws {
        let csv = "a,b,y\n1,10,x\n,20,z\n3,,x\n5,NA,z\n"
        let error = loadError(csv)
        #expect(error?.kind == .missingValues)
        #expect(error?.line == 3)
        #expect(error?.column == 1)
        #expect(error?.message.contains("3 missing cells in all") == true)
        #expect(error?.hint?.contains("missing=mean") == true)

        let filled = try load(csv, missing: .mean)
        #expect(filled.missingCounts == [1, 2])
        #expect(filled.column(0) == [1, 3, 3, 5])   // mean of 1, 3, 5
        #expect(filled.column(1) == [10, 20, 15, 15])
        if case .csv(_, _, _, let policy, _) = filled.source { #expect(policy == .mean) }
        #expect(DatasetSummary(filled).features[1].missing == 2)
    }

    @Test func anEmptyColumnCannotBeFilled() {
        #expect(loadError("a,b,y\n1,,x\n2,,z\n", missing: .mean)?.kind == .missingValues)
    }

    @Test func brokenQuotes() {
        let unclosed = loadError("a,y\n1,x\n2,\"open\n3,z\n")
        #expect(unclosed?.kind == .malformedQuotes)
        #expect(unclosed?.line == 3)
        let stray = loadError("a,y\n1,x\n2,\"ab\"c,z\n")
        #expect(stray?.kind == .malformedQuotes)
        #expect(stray?.line == 3)
    }

    @Test func byteOrderMarkAndTabSeparatedFiles() throws {
        let folder = TemporaryFolder()
        let bom = folder.write("bom.csv", "\u{FEFF}a,y\n1,x\n2,z\n")
        #expect(try CSVDataset.load(path: bom, target: "y").featureNames == ["a"])
        let tsv = folder.write("t.tsv", "a\tb\ty\n1\t2\tx\n3\t4\tz\n")
        #expect(try CSVDataset.load(path: tsv, target: "y").features == [1, 2, 3, 4])
    }

    @Test func sourceReloadsTheSameDataset() throws {
        let folder = TemporaryFolder()
        let path = folder.write("d.csv", "a,b,y\n1,,0\n2,5,1\n3,6,0\n4,7,1\n5,8,0\n")
        let data = try CSVDataset.load(path: path, target: "y", missing: .mean)
        guard case let .csv(p, target, task, missing, _) = data.source else { Issue.record("not csv"); return }
        #expect(try CSVDataset.load(path: p, target: target, task: task, missing: missing) == data)
        #expect(data.source.loadArguments == "\"\(path)\" target=y task=classification missing=mean")
    }
}
