import Foundation
import Testing
@testable import HyperLabKit

/// A stored study names its dataset so that resume and workers make the same dataset again:
/// the raw built-in table with its load options, and column options stored before
/// `missing_indicators` existed.
@Suite struct DatasetReferenceTests {
    @Test func aRawTableIsStoredWithItsLoadOptionsAndLoadsTheSameAgain() throws {
        let columns = CSVColumnOptions(drop: ["year"], text: .ordinal, missingIndicators: true)
        let birds = try BuiltinDatasets.loadTable(name: "penguins", missing: .median, columns: columns)
        let reference = try DatasetReference(birds.source)
        #expect(reference == .builtinTable(name: "penguins", target: "species", task: .classification, missing: .median,
                                           columns: columns))
        #expect(reference.displayName == "penguins")
        #expect(reference.loadArguments
                    == "penguins target=species task=classification missing=median drop=[year] text=ordinal missing_indicators=yes")
        try reference.verify()
        #expect(try reference.loadDataset() == birds)
        let stored = try JSONEncoder().encode(reference)
        #expect(try JSONDecoder().decode(DatasetReference.self, from: stored) == reference)
        // Default column options are stored as nil, as for a CSV file.
        let plain = try DatasetReference(BuiltinDatasets.loadTable(name: "penguins", missing: .drop).source)
        #expect(plain == .builtinTable(name: "penguins", target: "species", task: .classification, missing: .drop, columns: nil))
    }

    @Test func columnOptionsStoredBeforeMissingIndicatorsDecodeWithoutThem() throws {
        let old = #"{"drop":["name"],"keep":[],"maxCategories":50,"text":"onehot"}"#
        let options = try JSONDecoder().decode(CSVColumnOptions.self, from: Data(old.utf8))
        #expect(options == CSVColumnOptions(drop: ["name"]))
        #expect(!options.missingIndicators)
        let withIndicators = CSVColumnOptions(missingIndicators: true)
        #expect(try JSONDecoder().decode(CSVColumnOptions.self, from: JSONEncoder().encode(withIndicators)) == withIndicators)
        #expect(withIndicators.arguments == ["missing_indicators=yes"])
    }
}
