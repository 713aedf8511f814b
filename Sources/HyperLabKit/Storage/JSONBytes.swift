/// JSON written straight into bytes, for the columns every trial writes (its parameters and
/// metrics): no intermediate strings, so encoding a trial's row costs a fraction of a
/// microsecond. `SQLiteCoding.parametersText` and `metricsText` are these bytes as text.
///
/// ```swift
/// var json = JSONBytes()
/// json.appendParameters(TrialParameters([("lr", .real(0.001))]))
/// String(decoding: json.bytes, as: UTF8.self)   // {"names":["lr"],"values":[{"real":{"_0":0.001}}]}
/// ```
struct JSONBytes {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer, keeping its storage.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Trial parameters as their `Codable` conformance reads them:
    /// `{"names":["lr"],"values":[{"real":{"_0":0.001}}]}`.
    mutating func appendParameters(_ parameters: TrialParameters) {
        append("{\"names\":[")
        for (i, name) in parameters.names.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(name)
        }
        append("],\"values\":[")
        for (i, value) in parameters.values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            switch value {
            case .real(let x):
                append("{\"real\":{\"_0\":")
                appendNumber(x)
            case .integer(let n):
                append("{\"integer\":{\"_0\":")
                append(n.description)
            case .word(let w):
                append("{\"word\":{\"_0\":")
                appendString(w)
            case .integers(let list):
                append("{\"integers\":{\"_0\":[")
                for (k, n) in list.enumerated() {
                    if k > 0 { bytes.append(UInt8(ascii: ",")) }
                    append(n.description)
                }
                bytes.append(UInt8(ascii: "]"))
            }
            append("}}")
        }
        append("]}")
    }

    /// Metrics as a JSON object with sorted keys (as `JSONEncoder` with `.sortedKeys` writes it).
    mutating func appendMetrics(_ metrics: [String: Double]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, key) in metrics.keys.sorted().enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(key)
            bytes.append(UInt8(ascii: ":"))
            appendNumber(metrics[key] ?? .nan)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A Double that reads back bit for bit: the shortest round-trip digits, or the strings
    /// "nan", "inf", "-inf" that `SQLiteCoding.decoder()` accepts.
    mutating func appendNumber(_ x: Double) {
        if x.isNaN { append("\"nan\"") } else if x == .infinity { append("\"inf\"") } else if x == -.infinity {
            append("\"-inf\"")
        } else {
            append(x.description)
        }
    }

    /// `text` as a JSON string literal.
    mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                append("\\u00")
                bytes.append(JSONBytes.hexDigits[Int(byte >> 4)])
                bytes.append(JSONBytes.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The lowercase hexadecimal digits, as bytes.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text`'s UTF-8 bytes as they are.
    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
