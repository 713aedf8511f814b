/// Splits CSV bytes, fed in chunks of any size, into rows of cells, each with the line it starts on.
///
/// ```swift
/// var reader = CSVStreamReader(file: "data.csv", delimiter: ",", limits: CSVLoadLimits())
/// var rows = [CSVTable.Row]()
/// try reader.consume(chunk, into: &rows)    // as often as there are chunks
/// try reader.finish(into: &rows)            // the last row, when the file ends without a line break
/// ```
///
/// Quoting follows RFC 4180 (`"a, b"`, `"say ""hi"""`, line breaks inside quotes) with the
/// leniencies of SwiftCSV, which HyperLab used before: spaces and tabs before a cell and after a
/// closing quote are skipped, and `""` inside an unquoted cell is a quote. A row ends at `\n`,
/// `\r\n` or a lone `\r`; lines are counted the same way, inside quoted cells too. Rows holding
/// nothing (blank lines) are left out. A UTF-8 byte order mark at the start is dropped.
///
/// Memory stays bounded by the caps, whatever the input: a NUL byte stops the reading at once
/// (binary data, not text), and so does the first cell longer than `limits.maxField` bytes or
/// row longer than `limits.maxLine` bytes. Every error is a `DataError` with the row's line and
/// the cell's column; none quotes the input.
/// - Complexity: O(n) in the bytes read; one pass, each byte looked at once.
struct CSVStreamReader {
    /// Where in a cell the reader is.
    private enum State {
        /// Before a cell's first byte (skipping spaces and tabs).
        case cellStart
        /// Inside a cell without quotes.
        case unquoted
        /// Just after a quote inside an unquoted cell: only a second quote may follow.
        case unquotedQuote
        /// Inside quotes.
        case quoted
        /// Just after a quote inside quotes: it closed the cell, unless another quote follows.
        case quotedQuote
    }

    /// The file named in errors.
    let file: String
    /// The cell separator (`,`, or a tab for `.tsv`).
    let delimiter: UInt8
    /// The caps on cells and rows.
    let limits: CSVLoadLimits

    private var state = State.cellStart
    private var cells = [String]()
    private var cell = [UInt8]()
    /// The line the current row starts on, and the line being read.
    private var rowLine = 1
    private var line = 1
    /// Bytes of the current row so far (its line break not counted).
    private var rowBytes = 0
    /// The previous byte was a `\r` line break: a `\n` right after it belongs to it.
    private var afterCR = false
    /// Bytes of a byte order mark seen at the very start (3 when done or when there is none).
    private var orderMarkBytes = 0

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The line being read (1-based).
    var currentLine: Int { line }

    /// A reader of `file` (named in errors) that splits cells at `delimiter` (an ASCII character).
    init(file: String, delimiter: Character, limits: CSVLoadLimits) {
        precondition(delimiter.isASCII, "the delimiter is an ASCII character")
        self.file = file
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.limits = limits
    }

    /// Reads `bytes`, appending every row it completes to `rows`.
    /// - Throws: `DataError` `.notText` (a NUL byte, a cell that is not UTF-8), `.malformedQuotes`,
    ///   `.fieldTooLong`, `.lineTooLong`.
    mutating func consume(_ bytes: ArraySlice<UInt8>, into rows: inout [CSVTable.Row]) throws(DataError) {
        for byte in bytes {
            if orderMarkBytes < 3 {
                if byte == CSVStreamReader.byteOrderMark[orderMarkBytes] {
                    orderMarkBytes += 1
                    continue
                }
                // Not a byte order mark after all: the bytes held back are text.
                let held = CSVStreamReader.byteOrderMark.prefix(orderMarkBytes)
                orderMarkBytes = 3
                for b in held { try step(b, into: &rows) }
            }
            try step(byte, into: &rows)
        }
    }

    /// Ends the input: completes a last row that has no line break.
    /// - Throws: `DataError` `.malformedQuotes` when a quoted cell is still open.
    mutating func finish(into rows: inout [CSVTable.Row]) throws(DataError) {
        if orderMarkBytes < 3 {
            let held = CSVStreamReader.byteOrderMark.prefix(orderMarkBytes)
            orderMarkBytes = 3
            for b in held { try step(b, into: &rows) }
        }
        switch state {
        case .quoted:
            throw DataError(.malformedQuotes, "line \(rowLine): a quoted cell is not closed before the end of the file",
                            hint: "add the closing quote (\"); write a quote inside quotes as \"\"",
                            file: file, line: rowLine, column: cells.count + 1)
        case .unquotedQuote:
            throw misplacedQuote()
        case .cellStart where cells.isEmpty:
            return   // nothing after the last line break
        default:
            try endRow(into: &rows)
        }
    }

    /// One byte of the file.
    private mutating func step(_ byte: UInt8, into rows: inout [CSVTable.Row]) throws(DataError) {
        if byte == 0 {
            throw DataError(.notText, "line \(line), column \(cells.count + 1): the file holds a NUL byte, so it is binary data, not CSV text",
                            hint: "load a CSV file saved as UTF-8 text (a spreadsheet's own format, .xlsx or .numbers, must be exported as CSV first)",
                            file: file, line: line, column: cells.count + 1)
        }
        let wasAfterCR = afterCR
        afterCR = false
        let isBreak = byte == CSVStreamReader.newline || byte == CSVStreamReader.carriageReturn
        if isBreak, state != .quoted {
            if byte == CSVStreamReader.newline, wasAfterCR { return }   // the \n of a \r\n
            if state == .unquotedQuote { throw misplacedQuote() }
            afterCR = byte == CSVStreamReader.carriageReturn
            line += 1
            try endRow(into: &rows)
            return
        }
        rowBytes += 1
        if rowBytes > limits.maxLine {
            throw DataError(.lineTooLong, "line \(rowLine) is longer than max_line=\(limits.maxLine) bytes",
                            hint: "a row this long is rarely a table's: check that the file is CSV, one row per line (a quote left open joins the lines after it); raise max_line= if the rows are meant to be this long",
                            file: file, line: rowLine, column: cells.count + 1, key: "max_line")
        }
        switch state {
        case .cellStart:
            if byte == delimiter {
                try endCell()
            } else if byte == CSVStreamReader.quote {
                state = .quoted
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                // Blanks before a cell are skipped.
            } else {
                state = .unquoted
                try append(byte)
            }
        case .unquoted:
            if byte == delimiter {
                try endCell()
                state = .cellStart
            } else if byte == CSVStreamReader.quote {
                state = .unquotedQuote
            } else {
                try append(byte)
            }
        case .unquotedQuote:
            guard byte == CSVStreamReader.quote else { throw misplacedQuote() }
            try append(byte)
            state = .unquoted
        case .quoted:
            if byte == CSVStreamReader.quote {
                state = .quotedQuote
            } else {
                if byte == CSVStreamReader.carriageReturn || (byte == CSVStreamReader.newline && !wasAfterCR) { line += 1 }
                afterCR = byte == CSVStreamReader.carriageReturn
                try append(byte)
            }
        case .quotedQuote:
            if byte == CSVStreamReader.quote {
                try append(byte)
                state = .quoted
            } else if byte == delimiter {
                try endCell()
                state = .cellStart
            } else if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") {
                throw misplacedQuote()
            }
        }
    }

    /// Adds a byte to the current cell.
    private mutating func append(_ byte: UInt8) throws(DataError) {
        guard cell.count < limits.maxField else {
            throw DataError(.fieldTooLong, "line \(rowLine), column \(cells.count + 1): a cell is longer than max_field=\(limits.maxField) bytes",
                            hint: "a cell this long is rarely data: check for a quote (\") left open, which makes the rest of the file one cell; raise max_field= if the cell is meant to be this long",
                            file: file, line: rowLine, column: cells.count + 1, key: "max_field")
        }
        cell.append(byte)
    }

    /// Completes the current cell.
    private mutating func endCell() throws(DataError) {
        guard let text = String(validating: cell, as: UTF8.self) else {
            throw DataError(.notText, "line \(rowLine), column \(cells.count + 1): the cell is not UTF-8 text",
                            hint: "save the file as CSV in UTF-8", file: file, line: rowLine, column: cells.count + 1)
        }
        cells.append(text)
        cell.removeAll(keepingCapacity: true)
    }

    /// Completes the current row (a blank one is left out) and starts the next on the current line.
    private mutating func endRow(into rows: inout [CSVTable.Row]) throws(DataError) {
        try endCell()
        if cells.count > 1 || !cells[0].isEmpty { rows.append(CSVTable.Row(line: rowLine, cells: cells)) }
        cells.removeAll(keepingCapacity: true)
        state = .cellStart
        rowLine = line
        rowBytes = 0
    }

    /// The error for a quote where none may be.
    private func misplacedQuote() -> DataError {
        DataError(.malformedQuotes, "line \(rowLine): a quote (\") is misplaced or not closed",
                  hint: "a quoted cell must end with a quote before the next comma or line end; write a quote inside quotes as \"\"",
                  file: file, line: rowLine, column: cells.count + 1)
    }
}
