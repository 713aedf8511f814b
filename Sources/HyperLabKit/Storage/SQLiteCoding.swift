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
    /// keys; "nan", "inf", "-inf" for non-finite values), without its cost (see `JSONBytes`).
    static func metricsText(_ metrics: [String: Double]) -> String {
        var json = JSONBytes()
        json.appendMetrics(metrics)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Trial parameters as the JSON their `Codable` conformance reads
    /// (`{"names":["lr"],"values":[{"real":{"_0":0.001}}]}`), without `JSONEncoder`'s cost.
    static func parametersText(_ parameters: TrialParameters) -> String {
        var json = JSONBytes()
        json.appendParameters(parameters)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
