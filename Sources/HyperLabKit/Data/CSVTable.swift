import SwiftCSV

/// The cells of a CSV text, each row with the line of the file it starts on.
///
/// Parsing is SwiftCSV's (RFC 4180 quoting: `"a, b"`, `"say ""hi"""`, line breaks inside
/// quotes). Line numbers are counted here, since SwiftCSV does not report them: a row starts one
/// line after the previous row's start plus the line breaks inside its quoted cells. Blank lines
/// are skipped (and counted). A UTF-8 byte order mark is dropped.
struct CSVTable {
    /// One data row.
    struct Row {
        /// The 1-based line of the file on which the row starts.
        let line: Int
        /// The cells as parsed (quotes removed, leading blanks dropped by SwiftCSV).
        let cells: [String]
    }

    /// The first non-blank row, as parsed.
    let header: [String]
    /// The 1-based line of the header.
    let headerLine: Int
    /// The rows after the header, blank lines left out.
    let rows: [Row]

    /// Parses `text`, naming `file` in errors.
    /// - Throws: `DataError` `.emptyFile` when there is no non-blank line, `.malformedQuotes`
    ///   (with the line of the row) when the quoting is broken.
    static func parse(_ text: String, file: String, delimiter: Character = ",") throws(DataError) -> CSVTable {
        var text = text
        if let last = text.utf8.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
            // SwiftCSV drops an empty last cell when the last line has no line break.
            text.append("\n")
        }
        var raw = [[String]]()
        let body: String
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: CSVDelimiter.character(delimiter),
                                          loadColumns: false, rowLimit: 0)
            body = csv.text
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { raw.append($0) }
        } catch {
            let line = raw.reduce(1) { $0 + 1 + lineBreaks(in: $1) }
            throw DataError(.malformedQuotes, "line \(line): a quote (\") is misplaced or not closed",
                            hint: "a quoted cell must end with a quote before the next comma or line end; write a quote inside quotes as \"\"",
                            file: file, line: line)
        }

        var rows = [Row]()
        rows.reserveCapacity(raw.count)
        var line = 1
        for cells in raw {
            let start = line
            line += 1 + lineBreaks(in: cells)
            if cells.count == 1, cells[0].isEmpty { continue }   // a blank line
            rows.append(Row(line: start, cells: cells))
        }
        // Every row but an unclosed quoted one ends at a line break of the text.
        if line - 1 != lineBreaks(in: body), let last = rows.last {
            throw DataError(.malformedQuotes, "line \(last.line): a quoted cell is not closed before the end of the file",
                            hint: "add the closing quote (\"); write a quote inside quotes as \"\"",
                            file: file, line: last.line)
        }
        guard let header = rows.first else {
            throw DataError(.emptyFile, "the file is empty", hint: "a CSV file needs a header row and data rows", file: file)
        }
        return CSVTable(header: header.cells, headerLine: header.line, rows: Array(rows.dropFirst()))
    }

    /// Line breaks in `text`: `\n`, `\r\n` and a lone `\r` each count once (as SwiftCSV ends rows).
    static func lineBreaks(in text: String) -> Int {
        var count = 0
        var afterCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") { count += 1; afterCR = true; continue }
            if byte == UInt8(ascii: "\n"), !afterCR { count += 1 }
            afterCR = false
        }
        return count
    }

    /// Line breaks inside the cells of one row.
    private static func lineBreaks(in cells: [String]) -> Int {
        cells.reduce(0) { $0 + lineBreaks(in: $1) }
    }
}
