import Foundation
import Testing
@testable import HyperLabKit

/// Loads `csv` from a temporary file.
private func load(_ csv: String, target: String = "y", task: LearningTask? = nil) throws -> Dataset {
    let folder = TemporaryFolder()
    return try CSVDataset.load(path: folder.write("data.csv", csv), target: target, task: task)
}

/// `rows` lines "a,b,y" of distinct numbers, the class cycling over `classes`.
private func distinctRows(_ rows: Int, classes: Int = 2, extra: String = "") -> String {
    (0..<rows).map { r in "\(r * 3 % 17 + r),\(r * r % 11)\(extra),c\(r % classes)" }.joined(separator: "\n")
}

@Suite struct DataWarningTests {
    @Test func duplicateRowsAreCountedOnTheirFixture() throws {
        let data = try load("a,b,y\n1,2,x\n1,2,x\n3,4,z\n1,2,x\n1,2,z\n5,6,x\n")
        #expect(DataWarning.load(data).contains(.duplicateRows(count: 2, rows: 6)))
        #expect(DataWarning.duplicateRows(count: 2, rows: 6).description == "2 of 6 rows repeat an earlier row (same features and target)")
    }

    @Test func rowsSharedBetweenTrainAndLaterPartsAreCounted() throws {
        let once = distinctRows(40)
        let data = try load("a,b,y\n" + once + "\n" + once + "\n")
        let split = try DataSplit(dataset: data, train: 0.5, dev: 0.25, test: 0.25, seed: 1)
        let warnings = DataWarning.split(split, of: data)
        let shared = warnings.compactMap { w -> (String, Int)? in
            if case let .sharedRows(part, count, _, _) = w { return (part, count) } else { return nil }
        }
        #expect(shared.map(\.0) == ["dev", "test"])
        #expect(shared.allSatisfy { $0.1 > 0 })
        let clean = try load("a,b,y\n" + distinctRows(80) + "\n")
        let cleanSplit = try DataSplit(dataset: clean, train: 0.5, dev: 0.25, test: 0.25, seed: 1)
        #expect(!DataWarning.split(cleanSplit, of: clean).contains { if case .sharedRows = $0 { true } else { false } })
    }

    @Test func zeroAndMinusZeroAreTheSameCell() throws {
        let data = try load("a,b,y\n0,1,x\n-0,1,x\n2,3,z\n")
        #expect(DataWarning.load(data).contains(.duplicateRows(count: 1, rows: 3)))
    }

    @Test func crossValidationWarnsAboutItsTestPart() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let cv = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1)
        let warnings = DataWarning.split(cv, of: iris)
        #expect(warnings.contains(.smallPart(part: "test", rows: 30, standardError: (0.25 / 30).squareRoot())))
        #expect(!warnings.contains { if case .smallPart(part: "dev", _, _) = $0 { true } else { false } })
    }

    @Test func smallCrossValidationFoldsAreWarnedAboutWithTheirSpread() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let cv = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1)
        let folds = DataWarning.smallFolds(folds: 5, smallest: 24, largest: 24, allRows: 120,
                                           standardError: (0.25 / 24).squareRoot(), meanError: (0.25 / 120).squareRoot())
        #expect(DataWarning.split(cv, of: iris).contains(folds))
        #expect(folds.description == "dev folds of 24 rows: one binomial standard error on a fold's accuracy at p=0.5 is ± 0.102;"
                    + " the mean over 5 folds scores all 120 rows, about ± 0.046")
        let diabetes = try BuiltinDatasets.load(name: "diabetes")
        let numbers = DataWarning.split(try CrossValidationSplit(dataset: diabetes, folds: 10, test: 0.2, seed: 1), of: diabetes)
        #expect(numbers.contains(.smallFolds(folds: 10, smallest: 35, largest: 36, allRows: 354, standardError: nil, meanError: nil)))
        #expect(DataWarning.smallFolds(folds: 10, smallest: 35, largest: 36, allRows: 354, standardError: nil, meanError: nil).description
                    == "dev folds of 35–36 rows: each fold's scores vary a lot; the mean over 10 folds is steadier")
        // Folds of 50 rows or more: no warning.
        let digits = try BuiltinDatasets.load(name: "digits")
        let large = DataWarning.split(try CrossValidationSplit(dataset: digits, folds: 5, test: 0.2, seed: 1), of: digits)
        #expect(!large.contains { if case .smallFolds = $0 { true } else { false } })
    }

    @Test func constantColumnsAreNamed() throws {
        let data = try load("a,k,t,y\n1,7,u,x\n2,7,u,z\n3,7,u,x\n")
        #expect(DataWarning.load(data).contains(.constantColumns(["k", "t"])))
        #expect(DataWarning.constantColumns(["k", "t"]).description == "2 constant columns (one value in every row): k, t")
    }

    @Test func moreInputsThanTrainingRows() throws {
        let header = (0..<8).map { "f\($0)" }.joined(separator: ",") + ",y\n"
        let rows = (0..<10).map { r in (0..<8).map { String(r * 8 + $0) }.joined(separator: ",") + ",c\(r % 2)" }
        let data = try load(header + rows.joined(separator: "\n") + "\n")
        let split = try DataSplit(dataset: data, train: 0.4, dev: 0.3, test: 0.3, seed: 0)
        #expect(DataWarning.split(split, of: data).contains(.moreFeaturesThanRows(features: 8, trainRows: 4)))
    }

    @Test func smallPartsSayTheirStandardErrorAtOneHalf() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
        let warnings = DataWarning.split(split, of: iris)
        // √(0.5 · 0.5 / 30) = 0.0913
        #expect(warnings.contains(.smallPart(part: "dev", rows: 30, standardError: (0.25 / 30).squareRoot())))
        #expect(warnings.map(\.description).contains("dev has 30 rows: one binomial standard error on its accuracy at p=0.5 is ± 0.091"))
        let cancer = try BuiltinDatasets.load(name: "breast-cancer")
        let large = try DataSplit(dataset: cancer, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
        #expect(DataWarning.split(large, of: cancer).isEmpty)
        let diabetes = try BuiltinDatasets.load(name: "diabetes")
        let small = try DataSplit(dataset: diabetes, train: 0.8, dev: 0.1, test: 0.1, seed: 1)
        #expect(DataWarning.split(small, of: diabetes).contains(.smallPart(part: "dev", rows: 44, standardError: nil)))
    }

    @Test func rareClassesAreListedWithTheirCounts() throws {
        let data = try load("a,y\n" + (0..<20).map { "\($0 % 4),big" }.joined(separator: "\n") + "\n2,tiny\n3,tiny\n")
        #expect(DataWarning.load(data).contains(.rareClasses(names: ["tiny"], counts: [2])))
    }

    @Test func aCountLikeTargetInferredAsClassesIsWarnedAbout() throws {
        let csv = "a,y\n" + (0..<40).map { "\($0 * 7 % 13),\($0 % 10)" }.joined(separator: "\n") + "\n"
        let inferred = try load(csv)
        #expect(inferred.task == .classification)
        #expect(DataWarning.load(inferred).contains(.countLikeTarget(column: "y", classes: 10, lowest: "0", highest: "9")))
        let stated = try load(csv, task: .classification)
        #expect(!DataWarning.load(stated).contains { if case .countLikeTarget = $0 { true } else { false } })
        let few = try load("a,y\n" + (0..<40).map { "\($0 * 7 % 13),\($0 % 3)" }.joined(separator: "\n") + "\n")
        #expect(!DataWarning.load(few).contains { if case .countLikeTarget = $0 { true } else { false } })
    }

    @Test func builtinDatasetsWarnOnlyWhereTheWarningApplies() throws {
        for name in ["wine", "breast-cancer", "diabetes", "moons", "circles", "spirals", "xor", "blobs"] {
            let data = try BuiltinDatasets.load(name: name)
            #expect(DataWarning.load(data) == [], "\(name)")
        }
        // iris has one repeated row (rows 102 and 143 of Fisher's table)
        #expect(DataWarning.load(try BuiltinDatasets.load(name: "iris")) == [.duplicateRows(count: 1, rows: 150)])
        // digits has pixels that are blank in every image
        let digits = DataWarning.load(try BuiltinDatasets.load(name: "digits"))
        #expect(digits.count == 1)
        if case .constantColumns(let names)? = digits.first { #expect(names.contains("pixel_0_0")) } else { Issue.record("\(digits)") }
    }
}
