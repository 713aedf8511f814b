import Foundation
import Testing
@testable import HyperLabKit

/// The hand-written JSON of trial rows reads back, through `JSONDecoder`, to exactly what was
/// written: every Double bit for bit, every kind of value, names that need escaping.
@Suite struct SQLiteCodingTests {
    static let awkwardReals: [Double] = [1e-05, 0.1, 3.0, -0.0, 1e300, .leastNonzeroMagnitude, .pi, .nan, .infinity, -.infinity]

    @Test func parametersReadBackExactly() throws {
        let parameters = TrialParameters([
            ("lr", .real(0.001)), ("units", .integer(-64)), ("activation", .word("re\"l\\u\n\t\r\u{01}\u{1f}")),
            ("hidden", .integers([64, 32])), ("empty", .integers([])), ("naïve ⚙︎", .word("é")),
        ] + Self.awkwardReals.enumerated().map { ("x\($0.offset)", ParameterValue.real($0.element)) })
        let text = SQLiteCoding.parametersText(parameters)
        let back = try SQLiteCoding.decode(TrialParameters.self, from: text, what: "parameters")
        #expect(back.names == parameters.names)
        for (read, written) in zip(back.values, parameters.values) {
            if case .real(let a) = read, case .real(let b) = written {
                #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "\(a) read back as \(b)")
            } else {
                #expect(read == written)
            }
        }
    }

    @Test func parametersMatchJSONEncoderForFiniteValues() throws {
        let parameters = TrialParameters([("lr", .real(0.25)), ("units", .integer(7)), ("opt", .word("adam")),
                                          ("hidden", .integers([8]))])
        let fromEncoder = try SQLiteCoding.decode(TrialParameters.self, from: try SQLiteCoding.encode(parameters),
                                                  what: "parameters")
        let byHand = try SQLiteCoding.decode(TrialParameters.self, from: SQLiteCoding.parametersText(parameters),
                                             what: "parameters")
        #expect(byHand == fromEncoder)
    }

    @Test func metricsReadBackExactly() throws {
        let metrics = Dictionary(uniqueKeysWithValues: Self.awkwardReals.enumerated().map { ("m\($0.offset)", $0.element) })
        let back = try SQLiteCoding.decode([String: Double].self, from: SQLiteCoding.metricsText(metrics), what: "metrics")
        #expect(back.keys.sorted() == metrics.keys.sorted())
        for (key, value) in metrics {
            let read = back[key] ?? 0
            #expect(read.bitPattern == value.bitPattern || (read.isNaN && value.isNaN), "\(key): \(value) read back as \(read)")
        }
    }
}
