import Foundation
import Testing
@testable import HyperLabKit

/// `missing_indicators=yes`: a 0/1 column per feature with gaps in the fitted (train) rows, after
/// the numeric and text columns, not standardized.
@Suite struct MissingIndicatorsTests {
    static func load(_ columns: CSVColumnOptions, missing: MissingValuePolicy = .median) throws -> Dataset {
        try CSVColumnOptionsTests.load("r-write-csv.csv", missing: missing, columns: columns)
    }

    @Test func aFeatureWithGapsInTheFittedRowsGetsAZeroOneColumnAtTheEnd() throws {
        let data = try Self.load(CSVColumnOptions(missingIndicators: true))
        let rows = Array(0..<data.rowCount)
        let scaler = Standardizer(fitting: data, rows: rows)
        #expect(scaler.indicators.names == ["bill_length_mm_missing"])
        #expect(scaler.outputNames(features: data.featureNames)
                    == ["bill_length_mm", "island=Biscoe", "island=Dream", "island=Torgersen", "sex=female", "sex=male", "sex=NA",
                        "bill_length_mm_missing"])
        let matrix = scaler.standardized(data, rows: rows)
        let last = (0..<data.rowCount).map { matrix.storage[$0 * matrix.columns + matrix.columns - 1] }
        // Data row 3 of the file (index 2) is the only one without a bill length.
        #expect(last == (0..<data.rowCount).map { $0 == 2 ? 1 : 0 })
        for seed in 0..<4 {
            let split = try DataSplit(dataset: data, train: 0.6, dev: 0.2, test: 0.2, seed: seed)
            #expect(split.featureNames.contains("bill_length_mm_missing") == split.trainIndices.contains(2))
            #expect(split.train.featureCount == split.featureNames.count)
        }
    }

    @Test func whichColumnsExistDependsOnTheTrainRowsOnly() throws {
        let data = try Self.load(CSVColumnOptions(missingIndicators: true))
        let withoutTheGap = (0..<data.rowCount).filter { $0 != 2 }
        let scaler = Standardizer(fitting: data, rows: withoutTheGap)
        #expect(scaler.indicators == .none)
        #expect(scaler.outputCount == 1 + 6)
        // The gap in a dev or test row is filled, and marked nowhere.
        #expect(scaler.standardized(data, rows: [2]).columns == 7)
    }

    @Test func ordinalTextColumnsGetOneOneHotColumnsHaveTheirOwn() throws {
        let ordinal = try Self.load(CSVColumnOptions(text: .ordinal, missingIndicators: true))
        let rows = Array(0..<ordinal.rowCount)
        let scaler = Standardizer(fitting: ordinal, rows: rows)
        #expect(scaler.indicators.names == ["bill_length_mm_missing", "sex_missing"])
        let matrix = scaler.standardized(ordinal, rows: rows)
        let sexGaps = (0..<ordinal.rowCount).filter { matrix.storage[$0 * matrix.columns + matrix.columns - 1] == 1 }
        #expect(sexGaps == [2, 7])
        let onehot = try Self.load(CSVColumnOptions(missingIndicators: true))
        #expect(!Standardizer(fitting: onehot, rows: rows).indicators.names.contains("sex_missing"))
    }

    @Test func withoutTheOptionThereAreNone() throws {
        let data = try Self.load(CSVColumnOptions())
        #expect(Standardizer(fitting: data, rows: Array(0..<data.rowCount)).indicators == .none)
    }

    @Test(arguments: [MissingValuePolicy.none, .drop])
    func theOptionNeedsAPolicyThatFillsCells(missing: MissingValuePolicy) {
        let error = CSVColumnOptionsTests.error("r-write-csv.csv", missing: missing,
                                                columns: CSVColumnOptions(missingIndicators: true))
        #expect(error?.kind == .invalidOption)
        #expect(error?.key == "missing_indicators")
        #expect(error?.hint?.contains("missing=median") == true)
    }
}
