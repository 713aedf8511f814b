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

    /// A stored trial from its columns, as the SQLite and PostgreSQL stores read them: the
    /// state checked, the parameters' and metrics' JSON decoded (no parameters: none yet).
    static func trial(number: Int, state stateText: String, parameters: String?, failure: String?, value: Double?,
                      metrics: String, seed: Int, seconds: Double, steps: [Int: Double]) throws(StorageError) -> Trial {
        let state = try self.state(stateText, of: number)
        return Trial(number: number,
                     parameters: try parameters.map { text throws(StorageError) in
                         try decode(TrialParameters.self, from: text, what: "the parameters of trial \(number)")
                     } ?? TrialParameters(),
                     state: state, failure: failure, intermediateValues: steps, value: value,
                     metrics: try decode([String: Double].self, from: metrics, what: "the metrics of trial \(number)"),
                     seed: seed, seconds: seconds)
    }

    /// The state a trial row names; an unknown one is an invalid record.
    static func state(_ text: String, of number: Int) throws(StorageError) -> TrialState {
        guard let state = TrialState(rawValue: text) else {
            throw StorageError(.invalidRecord, "trial \(number) has the unknown state \(text)")
        }
        return state
    }

    /// A study's definition from its JSON column, with the status column (which changes while
    /// the definition does not) in place of the one the JSON holds.
    static func definition(_ text: String, status: String, name: String) throws(StorageError) -> StudyDefinition {
        var definition = try decode(StudyDefinition.self, from: text, what: "the study \(name)")
        definition.status = StudyStatus(rawValue: status) ?? definition.status
        return definition
    }
}
