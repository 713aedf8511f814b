import Foundation
import Testing
@testable import HyperLabKit

/// `CSVDataset.columnNames(path:)`: the header as `load` reads it, from the head of the file only.
@Suite struct CSVDatasetHeaderTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("header-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func quotedNamesAByteOrderMarkAndCRLFAreRead() throws {
        let path = try Self.file("\u{FEFF}\"\",\"bill length\",\"a, b\",sex\r\n1,2,3,m\r\n")
        #expect(CSVDataset.columnNames(path: path) == ["bill length", "a, b", "sex"])
    }

    @Test func aLargeFileIsReadOnlyAtItsHead() throws {
        let row = String(repeating: "1.5,", count: 999) + "2\n"
        let path = try Self.file((0..<1000).map { "c\($0)" }.joined(separator: ",") + "\n" + String(repeating: row, count: 40))
        let names = CSVDataset.columnNames(path: path)
        #expect(names.count == 1000 && names.first == "c0" && names.last == "c999")
    }

    @Test func aMissingFileHasNoNames() {
        #expect(CSVDataset.columnNames(path: "/nonexistent/file.csv").isEmpty)
    }
}
