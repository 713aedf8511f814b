import Foundation
import Synchronization
import HyperLabTestSupport
import Testing
@testable import HyperLabKit

/// Hostile CSV files: binary data, huge cells and rows, Ctrl-C during a load, class labels that
/// are not one line, regression targets beyond 32-bit numbers, and a target with too many classes.
@Suite struct CSVDatasetLimitsTests {
    /// The error of loading `path`, or nil when it loads.
    static func error(_ path: String, target: String = "y", task: LearningTask? = nil,
                      columns: CSVColumnOptions = CSVColumnOptions(), interruption: Interruption = .never) -> DataError? {
        do {
            _ = try CSVDataset.load(path: path, target: target, task: task, columns: columns, interruption: interruption)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFileOfNULBytesFailsAtItsFirstByteWithAShortMessage() throws {
        let folder = TemporaryFolder()
        let path = folder.write("zeros.csv", bytes: [UInt8](repeating: 0, count: 4 << 20))
        let error = try #require(Self.error(path))
        #expect(error.kind == .notText)
        #expect(error.line == 1 && error.column == 1)
        #expect(error.description.count < 400, "\(error.description.count) characters")
    }

    @Test func aHugeCellIsRefusedAndNeverEchoed() throws {
        let folder = TemporaryFolder()
        let path = folder.write("cell.csv", "a,y\n1,x\n2," + String(repeating: "q", count: 3 << 20) + "\n3,z\n")
        let error = try #require(Self.error(path))
        #expect(error.kind == .fieldTooLong)
        #expect(error.line == 3 && error.column == 2 && error.key == "max_field")
        #expect(error.description.longestRun(of: "q") < 2)   // "quote" in the hint, never the cell
        #expect(error.description.count < 400)
    }

    @Test func aHugeRowIsRefused() throws {
        let folder = TemporaryFolder()
        let row = Array(repeating: "1", count: 600_000).joined(separator: ",")   // 1.2 MB, cells of one byte
        let error = try #require(Self.error(folder.write("wide.csv", "a,y\n" + row + "\n")))
        #expect(error.kind == .lineTooLong)
        #expect(error.line == 2 && error.key == "max_line")
    }

    @Test func raisedCapsLoadLongCells() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "w", count: 70_000)
        let path = folder.write("long.csv", "a,t,y\n1,\(long),x\n2,short,z\n3,\(long),x\n4,short,z\n")
        #expect(Self.error(path)?.kind == .fieldTooLong)
        var columns = CSVColumnOptions()
        columns.limits = CSVLoadLimits(maxField: 100_000)
        let data = try CSVDataset.load(path: path, target: "y", columns: columns)
        #expect(data.textColumns.first?.values.contains(long) == true)
        #expect(data.source.loadArguments.hasSuffix("max_field=100000"))
    }

    @Test func messagesQuoteAtMostEightyCharactersOfACell() throws {
        let folder = TemporaryFolder()
        let cell = String(repeating: "q", count: 50_000)
        let error = try #require(Self.error(folder.write("text.csv", "a,y\n1,x\n\(cell)7,z\n")))
        #expect(error.kind == .nonNumericCell)
        #expect(error.message.longestRun(of: "q") == InputQuote.maximumLength - 1)
        #expect(error.message.contains("q…'"))
    }

    @Test func anInterruptionStopsTheLoadPartWay() throws {
        let folder = TemporaryFolder()
        let rows = (0..<40_000).map { "\($0 % 97),\($0 % 3)" }.joined(separator: "\n")   // about 280 KB, 5 chunks
        let path = folder.write("many.csv", "a,y\n" + rows + "\n")
        let probes = Mutex(0)
        let stop = Interruption { probes.withLock { $0 += 1; return $0 > 2 } }
        let error = try #require(Self.error(path, interruption: stop))
        #expect(error.kind == .interrupted)
        // Two chunks were read: the load stopped inside the file, not before or after it.
        let line = try #require(error.line)
        #expect(line > 2 * CSVTable.chunkSize / 8 && line < 40_000, "stopped at line \(line)")
        #expect(error.hint == "the previous dataset is kept")
        #expect(Self.error(path) == nil)
    }

    @Test func classLabelsWithLineBreaksOrTabsAreRefused() throws {
        let folder = TemporaryFolder()
        let broken = try #require(Self.error(folder.write("nl.csv", "a,y\n1,cat\n2,\"do\ng\"\n3,cat\n")))
        #expect(broken.kind == .invalidClassLabel)
        #expect(broken.line == 3 && broken.column == 2)
        #expect(broken.message == "line 3, column 2 ('y'): the class label 'do\\ng' holds a line break")
        #expect(broken.hint?.contains("one line of text") == true)
        let tab = try #require(Self.error(folder.write("tab.csv", "a,y\n1,cat\n2,\"d\tog\"\n")))
        #expect(tab.kind == .invalidClassLabel && tab.message.hasSuffix("holds a tab"))
        // A NUL byte in a label is binary data: refused by the reader, with its line and column.
        let nul = try #require(Self.error(folder.write("nul.csv", "a,y\n1,cat\n2,d\u{0}og\n")))
        #expect(nul.kind == .notText && nul.line == 3 && nul.column == 2)
    }

    @Test func aRegressionTargetBeyondThirtyTwoBitNumbersIsRefusedAtLoad() throws {
        let folder = TemporaryFolder()
        let rows = (0..<30).map { "\($0 % 4),\(Double($0 + 1) * 1e300)" }
        let error = try #require(Self.error(folder.write("huge.csv", "a,y\n" + rows.joined(separator: "\n")), task: .regression))
        #expect(error.kind == .valueOutOfRange)
        #expect(error.line == 2 && error.column == 2)
        #expect(error.message.contains("('y')") && error.message.contains("1e+300"))
        #expect(error.hint?.contains("rescale") == true)
    }

    @Test func aTargetWithTooManyClassesIsRefusedWithAHint() throws {
        let folder = TemporaryFolder()
        let labels = folder.write("labels.csv", "a,y\n" + (0..<1_500).map { "\($0 % 13),label\($0)" }.joined(separator: "\n"))
        let error = try #require(Self.error(labels))
        #expect(error.kind == .tooManyClasses && error.key == "max_classes")
        #expect(error.message == "the target 'y' has 1500 distinct classes, more than max_classes=1000")
        #expect(error.hint == "choose another target column; max_classes=1500 allows them all")
        var columns = CSVColumnOptions()
        columns.limits.maxClasses = 1_500
        #expect(try CSVDataset.load(path: labels, target: "y", columns: columns).classNames?.count == 1_500)
        // Numbers read as classes: regression is the likely intent.
        let numbers = folder.write("ids.csv", "a,y\n" + (0..<1_200).map { "\($0 % 13),\($0)" }.joined(separator: "\n"))
        #expect(Self.error(numbers, task: .classification)?.hint?.hasPrefix("task=regression predicts the number") == true)
    }

    @Test func limitsAreLoadArgumentsAndOldStoredOptionsReadAsTheDefaults() throws {
        var columns = CSVColumnOptions(drop: ["id"])
        columns.limits = CSVLoadLimits(maxField: 1_000, maxLine: 50_000, maxClasses: 5)
        #expect(columns.arguments == ["drop=[id]", "max_field=1000", "max_line=50000", "max_classes=5"])
        let decoded = try JSONDecoder().decode(CSVColumnOptions.self, from: JSONEncoder().encode(columns))
        #expect(decoded == columns)
        // Options stored before the limits existed.
        let old = Data(#"{"drop":[],"keep":[],"text":"onehot","maxCategories":50}"#.utf8)
        #expect(try JSONDecoder().decode(CSVColumnOptions.self, from: old) == CSVColumnOptions())
        #expect(CSVColumnOptions(limits: CSVLoadLimits()) == CSVColumnOptions())
    }
}
