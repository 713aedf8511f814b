/// A dense Float32 matrix in row-major order: element (r, c) is `storage[r * columns + c]`.
///
/// ```swift
/// var m = Matrix(rows: 2, columns: 3)
/// m[1, 2] = 4
/// ```
/// Invariant: `storage.count == rows * columns`.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The elements, row after row.
    public var storage: [Float]

    /// A zero-filled matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: 0, count: rows * columns)
    }

    /// A matrix over existing row-major elements.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(storage.count == rows * columns, "storage does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Element (row, column).
    @inlinable public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The rows listed in `indices`, in that order.
    public func gatheringRows(_ indices: [Int]) -> Matrix {
        var out = [Float](repeating: 0, count: indices.count * columns)
        for (i, r) in indices.enumerated() {
            for c in 0..<columns { out[i * columns + c] = storage[r * columns + c] }
        }
        return Matrix(rows: indices.count, columns: columns, storage: out)
    }
}
