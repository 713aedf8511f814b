/// A minimal left-aligned column layout, for lists whose cells are words rather than numbers.
enum PlainTable {
    /// Columns padded to their widest cell, two spaces apart, trailing spaces trimmed.
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let count = header.count
        var widths = [Int](repeating: 0, count: count)
        for row in all { for (i, cell) in row.enumerated() where i < count { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() where i < count {
                line += cell + String(repeating: " ", count: i == count - 1 ? 0 : widths[i] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
