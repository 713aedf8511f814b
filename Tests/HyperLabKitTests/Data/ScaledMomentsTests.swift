import Foundation
import Testing
@testable import HyperLabKit

/// Statistics of numbers near ±1.8e308, whose plain sums and squares overflow.
@Suite struct ScaledMomentsTests {
    @Test func meanAndSDOfHugeValuesAreFinite() {
        let (mean, sd) = ScaledMoments.of([1.7e308, -1.7e308, 1.7e308, 1.7e308])
        #expect(abs(mean / 8.5e307 - 1) < 1e-12)
        #expect(abs(sd / (1.7e308 / 2 * 3.0.squareRoot()) - 1) < 1e-12)   // deviations a/2 (three) and -3a/2
        #expect(ScaledMoments.of([Double]()) == (0, 0))
        #expect(ScaledMoments.of([0, 0]) == (0, 0))
    }

    @Test func valueStatisticsFallBackToScaledMomentsOnlyOnOverflow() {
        let huge = ValueStatistics([1.7e308, 1.7e308, -1.0e308])
        #expect(huge.mean.isFinite && huge.sd.isFinite && huge.sd > 1e308)
        // Ordinary values keep the plain two-pass numbers, bit for bit.
        let values = [0.1, 0.2, 0.7, 1e-3]
        let plainMean = values.reduce(0, +) / 4
        let plainSD = (values.map { ($0 - plainMean) * ($0 - plainMean) }.reduce(0, +) / 4).squareRoot()
        #expect(ValueStatistics(values).mean == plainMean && ValueStatistics(values).sd == plainSD)
    }

    @Test func standardizingADifferenceThatOverflows() {
        #expect(ScaledMoments.standardized(1.7e308, mean: -1.7e308, scale: 1.7e308) == 2)
        #expect(ScaledMoments.standardized(3, mean: 1, scale: 2) == 1)
    }

    @Test func featuresNearTheEndOfTheDoubleRangeAreStandardizedWithoutOverflow() throws {
        let folder = TemporaryFolder()
        let rows = (0..<40).map { r in "\(r % 2 == 0 ? "" : "-")\(1 + Double(r % 7) / 10)e308,\(r % 5),\(r % 2 == 0 ? "x" : "z")" }
        let data = try CSVDataset.load(path: folder.write("big.csv", "a,b,y\n" + rows.joined(separator: "\n")), target: "y")
        let statistics = DatasetSummary(data).features[0].statistics
        #expect(statistics.mean.isFinite && statistics.sd.isFinite && statistics.sd > 1e308)
        let scaler = Standardizer(fitting: data, rows: Array(0..<30))
        let standardized = scaler.standardized(data, rows: Array(0..<40))
        #expect(standardized.storage.allSatisfy { $0.isFinite })
        // Their mean and sd on the fitted rows are 0 and 1, as for any feature.
        let column = (0..<30).map { Double(standardized.storage[$0 * 2]) }
        let mean = column.reduce(0, +) / 30
        let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 30).squareRoot()
        #expect(abs(mean) < 1e-5 && abs(sd - 1) < 1e-5, "mean \(mean), sd \(sd)")
    }

    @Test func aGapInAColumnNearTheEndOfTheDoubleRangeIsFilledWithAFiniteMean() throws {
        let folder = TemporaryFolder()
        let rows = (0..<12).map { r in "\(r == 3 ? "" : "1.\(r % 7)e308"),\(r % 4),\(r % 2 == 0 ? "x" : "z")" }
        let data = try CSVDataset.load(path: folder.write("gap.csv", "a,b,y\n" + rows.joined(separator: "\n")), target: "y", missing: .mean)
        #expect(data.column(0).allSatisfy { $0.isFinite })
        #expect(DatasetSummary(data).features[0].statistics.mean > 1e308)
    }
}
