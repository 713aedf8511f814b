import Foundation

/// Reads and writes the two kinds of NumPy `.npy` (format 1.0) files the benchmark exchanges with
/// its Python peers: little-endian float32 (`<f4`) and int32 (`<i4`) arrays in C order.
///
/// ```swift
/// try NPYFile.write(.float32(x.storage), shape: [rows, 64], to: "/tmp/d/digits_x_train.npy")
/// let (values, shape) = try NPYFile.read("/tmp/d/digits_x_train.npy")
/// ```
/// Format: NEP 1 (https://numpy.org/neps/nep-0001-npy-format.html): magic `\x93NUMPY`, version
/// bytes, a little-endian UInt16 header length, a Python dict literal padded with spaces to a
/// multiple of 64 bytes and ending in a newline, then the raw data.
enum NPYFile {
    /// The elements of one array.
    enum Values: Equatable {
        /// Single-precision floats (`<f4`).
        case float32([Float])
        /// 32-bit signed integers (`<i4`).
        case int32([Int32])

        /// Number of elements.
        var count: Int {
            switch self {
            case .float32(let v): v.count
            case .int32(let v): v.count
            }
        }

        /// The NumPy dtype string of the elements.
        var descriptor: String {
            switch self {
            case .float32: "<f4"
            case .int32: "<i4"
            }
        }
    }

    private static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// Writes `values` with `shape` (whose product is `values.count`) to `path`.
    /// - Throws: `BenchError.file` when the file cannot be written.
    static func write(_ values: Values, shape: [Int], to path: String) throws(BenchError) {
        precondition(shape.reduce(1, *) == values.count, "shape does not match the element count")
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(values.descriptor)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic)
        data.append(contentsOf: [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)])
        data.append(contentsOf: Array(header.utf8))
        switch values {
        case .float32(let v):
            for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        case .int32(let v):
            for x in v { withUnsafeBytes(of: x.littleEndian) { data.append(contentsOf: $0) } }
        }
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, why: "cannot write (\(error.localizedDescription))")
        }
    }

    /// Reads an array written by `write` (or by NumPy with the same dtype and C order).
    /// - Throws: `BenchError.file` when unreadable, `.malformed` for another format or dtype.
    static func read(_ path: String) throws(BenchError) -> (values: Values, shape: [Int]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, why: "cannot read (\(error.localizedDescription))")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic, bytes[6] == 1 else {
            throw .malformed(path: path, why: "no .npy version 1 header")
        }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        guard bytes.count >= 10 + headerLength,
              let header = String(bytes: bytes[10..<(10 + headerLength)], encoding: .utf8) else {
            throw .malformed(path: path, why: "truncated header")
        }
        guard header.contains("'fortran_order': False") else {
            throw .malformed(path: path, why: "only C-order arrays are read")
        }
        let shape = try parseShape(header, path: path)
        let count = shape.reduce(1, *)
        let body = bytes[(10 + headerLength)...]
        guard body.count == count * 4 else {
            throw .malformed(path: path, why: "\(body.count) data bytes for shape \(shape)")
        }
        func word(_ i: Int) -> UInt32 {
            let o = body.startIndex + 4 * i
            return UInt32(body[o]) | UInt32(body[o + 1]) << 8 | UInt32(body[o + 2]) << 16 | UInt32(body[o + 3]) << 24
        }
        if header.contains("'descr': '<f4'") {
            return (.float32((0..<count).map { Float(bitPattern: word($0)) }), shape)
        }
        if header.contains("'descr': '<i4'") {
            return (.int32((0..<count).map { Int32(bitPattern: word($0)) }), shape)
        }
        throw .malformed(path: path, why: "dtype is neither <f4 nor <i4")
    }

    private static func parseShape(_ header: String, path: String) throws(BenchError) -> [Int] {
        guard let open = header.range(of: "'shape': ("),
              let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw .malformed(path: path, why: "no shape in the header")
        }
        let parts = header[open.upperBound..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var shape: [Int] = []
        for part in parts {
            guard let n = Int(part), n >= 0 else { throw .malformed(path: path, why: "bad shape entry '\(part)'") }
            shape.append(n)
        }
        guard !shape.isEmpty else { throw .malformed(path: path, why: "scalar arrays are not benchmark data") }
        return shape
    }
}
