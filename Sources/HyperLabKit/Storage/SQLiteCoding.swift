import Foundation

/// JSON for the columns that hold structured values (a study's definition, a trial's
/// parameters and metrics): sorted keys, non-finite numbers as "nan", "inf", "-inf", so
/// every Double reads back bit for bit.
enum SQLiteCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                       nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                         nan: "nan")
        return decoder
    }

    /// `value` as JSON text, with `encoder` (a new one by default).
    static func encode<T: Encodable>(_ value: T, with encoder: JSONEncoder = encoder()) throws(StorageError) -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StorageError(.invalidRecord, "cannot encode a record: \(error)")
        }
    }

    /// A value from JSON text; `what` names it in the error.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, what: String) throws(StorageError) -> T {
        do {
            return try decoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError(.invalidRecord, "cannot read \(what) back: \(error)",
                               hint: "the record may have been edited by hand")
        }
    }

    /// Metrics as the JSON object `JSONEncoder` would write with `encoder()`'s settings (sorted
    /// keys; "nan", "inf", "-inf" for non-finite values), without its cost: written once or
    /// twice per trial.
    static func metricsText(_ metrics: [String: Double]) -> String {
        guard !metrics.isEmpty else { return "{}" }
        var text = "{"
        text.reserveCapacity(metrics.count * 32)
        for (i, key) in metrics.keys.sorted().enumerated() {
            if i > 0 { text += "," }
            appendQuoted(key, to: &text)
            text += ":"
            text += number(metrics[key] ?? .nan)
        }
        text += "}"
        return text
    }

    /// Trial parameters as the JSON their `Codable` conformance reads
    /// (`{"names":["lr"],"values":[{"real":{"_0":0.001}}]}`), written by hand because a trial's
    /// row is written at every start: `JSONEncoder` cost more than the rest of the write.
    static func parametersText(_ parameters: TrialParameters) -> String {
        var text = "{\"names\":["
        text.reserveCapacity(32 + parameters.count * 40)
        for (i, name) in parameters.names.enumerated() {
            if i > 0 { text += "," }
            appendQuoted(name, to: &text)
        }
        text += "],\"values\":["
        for (i, value) in parameters.values.enumerated() {
            if i > 0 { text += "," }
            switch value {
            case .real(let x):
                text += "{\"real\":{\"_0\":"
                text += number(x)
            case .integer(let n):
                text += "{\"integer\":{\"_0\":"
                text += n.description
            case .word(let w):
                text += "{\"word\":{\"_0\":"
                appendQuoted(w, to: &text)
            case .integers(let list):
                text += "{\"integers\":{\"_0\":["
                text += list.map(\.description).joined(separator: ",")
                text += "]"
            }
            text += "}}"
        }
        text += "]}"
        return text
    }

    /// A Double as JSON that reads back bit for bit: the shortest round-trip digits, or the
    /// strings "nan", "inf", "-inf" that `decoder()` accepts.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "\"nan\"" }
        if x == .infinity { return "\"inf\"" }
        if x == -.infinity { return "\"-inf\"" }
        return x.description
    }

    /// Appends `text` as a JSON string literal (as is, quoted, when nothing needs escaping).
    static func appendQuoted(_ text: String, to out: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += "\""
            out += text
            out += "\""
        } else {
            out += quoted(text)
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
