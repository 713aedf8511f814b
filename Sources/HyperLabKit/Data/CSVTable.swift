import Foundation

/// The cells of a CSV text, each row with the line of the file it starts on.
///
/// A file is read in chunks of `chunkSize` bytes through a `CSVStreamReader`, never whole into
/// memory, so the caps of `CSVLoadLimits` stop a file that is not a table after at most one cell
/// or row too many, and an `Interruption` (Ctrl-C) stops the reading between chunks. Quoting
/// follows RFC 4180 (`"a, b"`, `"say ""hi"""`, line breaks inside quotes); blank lines are
/// skipped (and counted); a UTF-8 byte order mark is dropped.
struct CSVTable {
    /// One data row.
    struct Row {
        /// The 1-based line of the file on which the row starts.
        let line: Int
        /// The cells as parsed (quotes removed, leading blanks dropped).
        let cells: [String]
    }

    /// The first non-blank row, as parsed.
    let header: [String]
    /// The 1-based line of the header.
    let headerLine: Int
    /// The rows after the header, blank lines left out.
    let rows: [Row]

    /// The bytes read from a file at a time.
    static let chunkSize = 65_536

    /// Parses `text`, naming `file` in errors.
    /// - Throws: `DataError` `.emptyFile` when there is no non-blank line, `.malformedQuotes`
    ///   (with the line of the row) when the quoting is broken, and the errors of `CSVStreamReader`.
    static func parse(_ text: String, file: String, delimiter: Character = ",",
                      limits: CSVLoadLimits = CSVLoadLimits()) throws(DataError) -> CSVTable {
        var reader = CSVStreamReader(file: file, delimiter: delimiter, limits: limits)
        var rows = [Row]()
        try reader.consume(Array(text.utf8)[...], into: &rows)
        try reader.finish(into: &rows)
        return try table(of: &rows, file: file)
    }

    /// Reads the file at `path` chunk by chunk, naming `file` (the path as given) in errors.
    /// - Parameter interruption: asked before each chunk; a request stops the reading.
    /// - Throws: `DataError` `.unreadableFile` when the file cannot be opened or read,
    ///   `.interrupted` when `interruption` asks to stop, and the errors of `parse`.
    static func read(path: String, file: String, delimiter: Character = ",", limits: CSVLoadLimits = CSVLoadLimits(),
                     interruption: Interruption = .never) throws(DataError) -> CSVTable {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DataError(.unreadableFile, "cannot read '\(file.excerpt)'", hint: "check the file's permissions", file: file)
        }
        defer { close(descriptor) }
        var reader = CSVStreamReader(file: file, delimiter: delimiter, limits: limits)
        var rows = [Row]()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            if interruption.isRequested {
                throw DataError(.interrupted, "stopped at line \(reader.currentLine)", hint: "the previous dataset is kept",
                                file: file, line: reader.currentLine)
            }
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw DataError(.unreadableFile, "cannot read '\(file.excerpt)' (\(String(cString: strerror(errno))))",
                                hint: "check that the file is a readable regular file", file: file)
            }
            if count == 0 { break }
            try reader.consume(chunk[..<count], into: &rows)
        }
        try reader.finish(into: &rows)
        return try table(of: &rows, file: file)
    }

    /// The table of the non-blank `rows` of `file`: the first is the header (taken out of `rows`).
    private static func table(of rows: inout [Row], file: String) throws(DataError) -> CSVTable {
        guard !rows.isEmpty else {
            throw DataError(.emptyFile, "the file is empty", hint: "a CSV file needs a header row and data rows", file: file)
        }
        let header = rows.removeFirst()
        return CSVTable(header: header.cells, headerLine: header.line, rows: rows)
    }
}
