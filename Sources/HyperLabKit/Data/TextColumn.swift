/// A text feature column of a loaded CSV file: its distinct values and each row's value.
///
/// ```swift
/// let island = dataset.textColumns[0]
/// island.values              // ["Biscoe", "Dream", "Torgersen"]
/// island.codes.prefix(3)     // [2, 2, -1]: Torgersen, Torgersen, missing
/// ```
/// The values of the whole file are kept; which of them become columns is decided by a split,
/// from its train rows only (`CategoryEncoder`).
///
/// Invariant: every code is -1 (a missing cell) or an index into `values`; `values` are
/// distinct and in natural order (`NaturalOrder`).
public struct TextColumn: Sendable, Equatable {
    /// The column's name in the header.
    public let name: String
    /// The distinct present values, in natural order.
    public let values: [String]
    /// Per row, the index of its value in `values`, or -1 for a missing cell.
    public let codes: [Int]

    /// A column of `values` with per-row `codes`.
    public init(name: String, values: [String], codes: [Int]) {
        precondition(codes.allSatisfy { $0 >= -1 && $0 < values.count }, "a code indexes the values")
        self.name = name
        self.values = values
        self.codes = codes
    }

    /// A column made from the cell texts of every row (nil for a missing cell).
    public init(name: String, cells: [String?]) {
        let values = Array(Set(cells.compactMap { $0 })).sorted(by: NaturalOrder.areInIncreasingOrder)
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        self.init(name: name, values: values, codes: cells.map { $0.flatMap { index[$0] } ?? -1 })
    }

    /// How many rows have no value.
    public var missingCount: Int { codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// The same column over the rows `rows`, in that order (the values unchanged).
    public func subset(rows: [Int]) -> TextColumn {
        TextColumn(name: name, values: values, codes: rows.map { codes[$0] })
    }
}
