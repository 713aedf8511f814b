import Foundation

extension CSVDataset {
    /// The column names in the header of the CSV file at `path`, parsed as `load` parses them
    /// (quotes removed, a byte-order mark dropped); empty when the file cannot be read or parsed.
    /// Reads at most the first 64 KiB, so Tab completion stays instant on a large file.
    public static func columnNames(path: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: 65_536)) ?? Data()
        // Complete lines only: a row cut in the middle could read as broken quoting.
        let complete = bytes.lastIndex(of: UInt8(ascii: "\n")).map { bytes[...$0] } ?? bytes[...]
        let text = String(decoding: complete, as: UTF8.self)
        return ((try? CSVTable.parse(text, file: path))?.header ?? []).filter { !$0.isEmpty }
    }
}
