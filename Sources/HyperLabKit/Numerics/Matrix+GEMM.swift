/// Matrix products and transposes on `Matrix` values (allocating; for set-up code and tests,
/// not for training steps, which call a `GEMMBackend` on buffers they own).
extension Matrix {
    /// The product `op(self)·op(other)`, where `op` transposes when asked.
    /// - Precondition: the inner dimensions agree.
    public func multiplied(by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false,
                           backend: any GEMMBackend = DeterministicGEMM()) -> Matrix {
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let k2 = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(k == k2, "matrix product of \(m)×\(k) and \(k2)×\(n): inner dimensions differ")
        var out = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return out }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                out.storage.withUnsafeMutableBufferPointer { c in
                    guard let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress else { return }
                    backend.multiply(transposeA: transposingSelf, transposeB: transposingOther, m: m, n: n, k: k,
                                     alpha: 1, a: pa, lda: columns, b: pb, ldb: other.columns,
                                     beta: 0, c: pc, ldc: n)
                }
            }
        }
        return out
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns { out.storage[c * rows + r] = storage[r * columns + c] }
        }
        return out
    }

    /// The rows in `range`, copied.
    public func slicingRows(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, columns: columns,
               storage: Array(storage[(range.lowerBound * columns)..<(range.upperBound * columns)]))
    }

    /// This matrix with `other`'s rows appended.
    /// - Precondition: both have the same number of columns.
    public func appendingRows(of other: Matrix) -> Matrix {
        precondition(columns == other.columns || rows == 0 || other.rows == 0, "appending rows of a different width")
        let width = rows == 0 ? other.columns : columns
        return Matrix(rows: rows + other.rows, columns: width, storage: storage + other.storage)
    }
}
