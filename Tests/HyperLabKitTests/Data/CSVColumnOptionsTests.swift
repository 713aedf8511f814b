import Foundation
import Testing
@testable import HyperLabKit

/// The loading rules of real tables (issue 13) on fixtures written as R's `write.csv` and
/// pandas' `to_csv` write them: identifiers, drop=/features=, text columns, missing values.
struct CSVColumnOptionsTests {
    /// The path of a committed fixture.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    static func load(_ name: String, target: String = "species", missing: MissingValuePolicy = .median,
                     columns: CSVColumnOptions = CSVColumnOptions()) throws -> Dataset {
        try CSVDataset.load(path: fixture(name), target: target, missing: missing, columns: columns)
    }

    static func error(_ name: String, target: String = "species", missing: MissingValuePolicy = .median,
                      columns: CSVColumnOptions = CSVColumnOptions()) -> DataError? {
        do { _ = try load(name, target: target, missing: missing, columns: columns) } catch { return error as? DataError }
        return nil
    }

    @Test(arguments: ["r-write-csv.csv", "pandas-index.csv", "pandas-unnamed.csv"])
    func rowLabelsAreLeftOutAndTextIsEncoded(file: String) throws {
        let data = try Self.load(file)
        #expect(data.report.identifiers.map(\.column) == [1])
        #expect(data.featureNames == ["bill_length_mm"])
        #expect(data.textColumns.map(\.name) == ["island", "sex"])
        #expect(data.textColumns[0].values == ["Biscoe", "Dream", "Torgersen"])
        #expect(data.textColumns[1].missingCount == 2)
        #expect(data.report.rowsWithoutTarget == 1)
        #expect(data.rowCount == 11)
        #expect(data.missingTotal == 1)
        #expect(data.classNames == ["Adelie", "Chinstrap", "Gentoo"])
    }

    @Test func allDistinctTextAndACounterAreIdentifiersUnlessKept() throws {
        let data = try Self.load("pandas-no-index.csv")
        #expect(data.report.identifiers.map(\.name) == ["passenger", "name"])
        #expect(data.report.identifiers[0].reason.contains("1…12"))
        let kept = try Self.load("pandas-no-index.csv", columns: CSVColumnOptions(keep: ["passenger"]))
        #expect(kept.featureNames == ["passenger", "bill_length_mm"])
        #expect(kept.report.identifiers.map(\.name) == ["name"])
    }

    @Test func dropAndFeaturesChooseTheColumns() throws {
        let dropped = try Self.load("pandas-no-index.csv", columns: CSVColumnOptions(drop: ["sex", "island"]))
        #expect(dropped.textColumns.isEmpty)
        #expect(dropped.report.dropped == ["island", "sex"])
        let only = try Self.load("pandas-no-index.csv", columns: CSVColumnOptions(features: ["island"]))
        #expect(only.featureNames.isEmpty)
        #expect(only.textColumns.map(\.name) == ["island"])
        #expect(only.report.dropped == ["passenger", "name", "bill_length_mm", "sex"])
        #expect(only.source.loadArguments.hasSuffix("features=[island]"))
    }

    @Test func anUnknownColumnSuggestsTheClosest() {
        let error = Self.error("pandas-no-index.csv", columns: CSVColumnOptions(drop: ["islnd"]))
        #expect(error?.kind == .unknownColumn)
        #expect(error?.hint == "did you mean island?")
        #expect(error?.line == 1)
        #expect(error?.key == "drop")
        #expect(error?.file?.hasSuffix("pandas-no-index.csv") == true)
    }

    @Test func aColumnInBothFeaturesAndDropIsAnError() {
        let error = Self.error("pandas-no-index.csv", columns: CSVColumnOptions(drop: ["sex"], features: ["sex", "island"]))
        #expect(error?.kind == .conflictingColumns)
        #expect(error?.line == 1)
        #expect(error?.column == 6)
        #expect(error?.hint != nil)
    }

    @Test func tooManyCategoriesIsRefusedWithAHint() throws {
        let error = Self.error("many-categories.csv", target: "y")
        #expect(error?.kind == .tooManyCategories)
        #expect(error?.column == 2)
        #expect(error?.line == 2)
        #expect(error?.hint?.contains("drop=[colour]") == true)
        let wide = try Self.load("many-categories.csv", target: "y", columns: CSVColumnOptions(maxCategories: 60))
        #expect(wide.textColumns[0].values.count == 55)
    }

    @Test func missingDropLeavesOutGappyRows() throws {
        let data = try Self.load("r-write-csv.csv", missing: .drop)
        #expect(data.report.rowsWithGaps == 2)
        #expect(data.rowCount == 9)
        #expect(data.missingTotal == 0)
    }

    @Test func missingNumbersAreStillAnErrorByDefault() {
        let error = Self.error("r-write-csv.csv", missing: .none)
        #expect(error?.kind == .missingValues)
        #expect(error?.line == 4)
        #expect(error?.column == 4)
        #expect(error?.hint?.contains("missing=drop") == true)
        #expect(error?.hint?.contains("median") == true)
    }

    @Test func oneHotCategoriesComeFromTheTrainRowsOnly() throws {
        let data = try Self.load("r-write-csv.csv")
        // Rows 0 and 1 are the only Torgersen rows: leave them out of the fitted rows.
        let train = Array(2..<data.rowCount)
        let scaler = Standardizer(fitting: data, rows: train)
        #expect(scaler.encoder.columns[0].categories == ["Biscoe", "Dream"])
        #expect(scaler.encoder.outputNames == ["island=Biscoe", "island=Dream", "sex=female", "sex=male", "sex=NA"])
        // An unseen category is all zeros; the train encoding does not depend on it.
        let unseen = scaler.standardized(data, rows: [0])
        #expect(Array(unseen.storage[1...2]) == [0, 0])
        let withoutUnseen = Standardizer(fitting: data, rows: train)
        #expect(withoutUnseen.standardized(data, rows: train) == scaler.standardized(data, rows: train))
        // The missing sex of row 2 (Adelie, Dream) sets its own indicator.
        let gap = scaler.standardized(data, rows: [2])
        #expect(Array(gap.storage[1...5]) == [0, 1, 0, 0, 1])
    }

    @Test func aTestOnlyCategoryDoesNotChangeTheTrainEncoding() {
        func dataset(_ cells: [String?]) -> Dataset {
            Dataset(name: "t", featureNames: [], features: [],
                    target: .classes(labels: cells.indices.map { $0 % 2 }, names: ["x", "y"]),
                    source: .builtin(name: "t", options: nil), textColumns: [TextColumn(name: "c", cells: cells)])
        }
        let trainOnly = dataset(["a", "b", "a", "b"])
        let withTest = dataset(["a", "b", "a", "b", "z"])
        let rows = [0, 1, 2, 3]
        let a = Standardizer(fitting: trainOnly, rows: rows)
        let b = Standardizer(fitting: withTest, rows: rows)
        #expect(a.encoder.outputNames == ["c=a", "c=b"])
        #expect(b.encoder.outputNames == ["c=a", "c=b"])
        #expect(a.standardized(trainOnly, rows: rows) == b.standardized(withTest, rows: rows))
        #expect(b.standardized(withTest, rows: [4]).storage == [0, 0])
    }

    @Test func medianAndMostFrequentFillFromTrainRows() throws {
        let data = try Self.load("r-write-csv.csv", missing: .median)
        let gap = try #require(data.missingCells.first)
        let row = gap / data.featureCount
        let train = (0..<data.rowCount).filter { $0 != 0 }   // leave 39.1 out of the fitted rows
        let scaler = Standardizer(fitting: data, rows: train)
        let present = train.filter { $0 != row }.map { data.value(row: $0, feature: 0) }.sorted()
        #expect(present.count == 9)
        #expect(scaler.fills == [present[4]])
        #expect(scaler.fills == [47.3])
        let frequent = try Self.load("r-write-csv.csv", missing: .mostFrequent)
        #expect(Standardizer(fitting: frequent, rows: train).fills == [50.0])
    }

    @Test func ordinalEncodingIsOneColumnPerTextColumn() throws {
        let data = try Self.load("r-write-csv.csv", columns: CSVColumnOptions(text: .ordinal))
        let scaler = Standardizer(fitting: data, rows: Array(0..<data.rowCount))
        #expect(scaler.encoder.outputNames == ["island", "sex"])
        #expect(scaler.outputCount == 3)
    }
}
