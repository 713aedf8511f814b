import Testing
@testable import HyperLabKit

/// `CSVStreamReader`: the same rows whatever the chunks, and each cap stopping at its byte.
@Suite struct CSVStreamReaderTests {
    /// The rows of `text` fed `size` bytes at a time, as (line, cells) pairs.
    static func rows(_ text: String, chunk size: Int, limits: CSVLoadLimits = CSVLoadLimits()) throws(DataError) -> [[String]] {
        var reader = CSVStreamReader(file: "t.csv", delimiter: ",", limits: limits)
        var rows = [CSVTable.Row]()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            try reader.consume(bytes[start..<end], into: &rows)
            start = end
        }
        try reader.finish(into: &rows)
        return rows.map { ["\($0.line)"] + $0.cells }
    }

    /// The error of reading `text` whole.
    static func error(_ text: String, limits: CSVLoadLimits = CSVLoadLimits()) -> DataError? {
        do { _ = try rows(text, chunk: .max, limits: limits); return nil } catch { return error }
    }

    @Test func chunksOfAnySizeGiveTheSameRows() throws {
        // A byte order mark, CRLF, a lone CR, quotes with a line break and an escaped quote,
        // blank lines, blanks before cells and after a closing quote, and no final line break.
        let text = "\u{FEFF}a, \"b\nB\" ,y\r\n1,\"say \"\"hi\"\"\",x\r\r\n  \n2, 3 ,z\r4,\"5\",é"
        let whole = try Self.rows(text, chunk: .max)
        #expect(whole == [["1", "a", "b\nB", "y"], ["3", "1", "say \"hi\"", "x"], ["6", "2", "3 ", "z"], ["7", "4", "5", "é"]])
        for size in [1, 2, 3, 5, 7] {
            #expect(try Self.rows(text, chunk: size) == whole, "chunks of \(size) bytes")
        }
    }

    @Test func bytesThatOnlyStartAByteOrderMarkAreText() throws {
        // U+FEFE starts with the first two bytes of a byte order mark (EF BB), then differs.
        #expect(try Self.rows("\u{FEFE}a,y\n1,2\n", chunk: 1)[0] == ["1", "\u{FEFE}a", "y"])
    }

    @Test func aNULByteStopsTheReadingWithItsLineAndColumn() {
        let error = Self.error("a,y\n1,x\n2,\u{0}z\n3,x\n")
        #expect(error?.kind == .notText)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.message == "line 3, column 2: the file holds a NUL byte, so it is binary data, not CSV text")
        #expect(error?.hint?.contains("UTF-8 text") == true)
    }

    @Test func aCellOverMaxFieldStopsAtItsLineAndColumn() throws {
        let limits = CSVLoadLimits(maxField: 8)
        #expect(try Self.rows("a,y\n1,12345678\n", chunk: 3, limits: limits).count == 2)   // exactly 8 bytes
        let error = Self.error("a,y\n1,123456789\n", limits: limits)
        #expect(error?.kind == .fieldTooLong)
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.key == "max_field")
        #expect(error?.message == "line 2, column 2: a cell is longer than max_field=8 bytes")
        // A quote left open makes the rest of the file one cell: the cap names the row it starts on.
        let open = Self.error("a,y\n1,\"x\n" + String(repeating: "2,y\n", count: 10), limits: limits)
        #expect(open?.kind == .fieldTooLong)
        #expect(open?.line == 2)
        #expect(open?.hint?.contains("quote") == true)
    }

    @Test func aRowOverMaxLineStopsAtItsLine() throws {
        let limits = CSVLoadLimits(maxLine: 10)
        #expect(try Self.rows("a,y\r\n12345,789\r\n", chunk: 4, limits: limits).count == 2)   // exactly 10 bytes
        let error = Self.error("a,y\n1,x\n1,2,3,4,5,6\n", limits: limits)
        #expect(error?.kind == .lineTooLong)
        #expect(error?.line == 3)
        #expect(error?.key == "max_line")
        #expect(error?.message == "line 3 is longer than max_line=10 bytes")
    }

    @Test func aCellThatIsNotUTF8IsNamed() {
        let error: DataError?
        do {
            var reader = CSVStreamReader(file: "t.csv", delimiter: ",", limits: CSVLoadLimits())
            var rows = [CSVTable.Row]()
            try reader.consume(Array("a,y\n1,x\n2,".utf8)[...] + [0xFF, 0xFE, 0x0A], into: &rows)
            try reader.finish(into: &rows)
            error = nil
        } catch let e {
            error = e
        }
        #expect(error?.kind == .notText)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
    }
}
