extension Dataset {
    /// The SHA-256 (hex) of what the dataset holds: feature names, values, empty cells and
    /// targets, but not its name or where it came from. The same rows give the same hash
    /// whether loaded from a file, a copy of it, or generated again with the same options; the
    /// test-look count is kept per hash.
    /// - Complexity: O(rows × features).
    public var contentHash: String {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(Array(text.utf8))
            hash.update([0])
        }
        func add(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { hash.update($0) }
        }
        add("features")
        for name in featureNames { add(name) }
        for value in features { add(value.bitPattern) }
        add("missing")
        for cell in missingCells.sorted() { add(UInt64(cell)) }
        for column in textColumns {
            // Only datasets with text columns hash them, so every other hash stays as it was.
            add("text")
            add(column.name)
            for code in column.codes { add(code < 0 ? "" : "=" + column.values[code]) }
        }
        switch target {
        case .classes(let labels, let names):
            add("classes")
            for name in names { add(name) }
            for label in labels { add(UInt64(label)) }
        case .values(let values):
            add("values")
            for value in values { add(value.bitPattern) }
        }
        return SHA256.hex(of: hash.finalize())
    }
}
