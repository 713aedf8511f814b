import Foundation
import Testing
@testable import HyperLabKit

@Suite struct DistributionTextTests {
    @Test func everyKindReadsBackEqual() throws {
        let cases: [(String, Distribution)] = [
            ("lr", try .log(1e-4, 1e-1)),
            ("lr", try .log(0.00031622776601683794, 0.3)),
            ("dropout", try .uniform(0, 0.5)),
            ("weight_decay", try .uniform(-1e-300, 1.7976931348623157e308)),
            ("epochs", try .int(1, 40)),
            ("units", try .intLog(16, 256)),
            ("activation", try .choice([.word("relu"), .word("tanh"), .word("gelu")])),
            ("hidden", try .choice([.integers([64]), .integers([64, 32]), .integers([])])),
            ("dropout", try .choice([.real(0), .real(0.5), .real(1)])),
            ("batch", try .choice([.integer(16), .integer(-3), .integer(64)])),
            ("lr", try .near(3)),
            ("x1", try .choice([.real(0.25), .real(2)])),
            ("depth", try .choice([.integer(2), .integer(4)])),
        ]
        for (key, distribution) in cases {
            let text = distribution.description
            let back = try Distribution(parsing: text, key: key)
            #expect(back == distribution, "\(key)=\(text)")
            #expect(back.description == text)
        }
    }

    @Test func canonicalTextOfTheBrief() throws {
        let d = try Distribution(parsing: "log(0.0001, 0.1)")
        #expect(d == (try Distribution.log(1e-4, 0.1)))
        #expect(try Distribution(parsing: "  intlog( 16 ,256 ) ") == (try Distribution.intLog(16, 256)))
    }

    @Test(arguments: ["log(0.1)", "log(1, 0.1)", "log(0, 1)", "gauss(0, 1)", "choice()", "choice(a, a)",
                      "uniform(a, 1)", "int(1.5, 3)", "near(1)", "log 1, 2", "choice([1, 2)", "choice(1], 2)", ""])
    func malformedTextIsAClearError(_ text: String) {
        #expect(throws: StorageError.self) { try Distribution(parsing: text) }
        do { _ = try Distribution(parsing: text) } catch {
            #expect(error.kind == .invalidRecord)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func valuesReadBackTyped() throws {
        #expect(try ParameterValue(parsing: "1e-05") == .real(1e-05))
        #expect(try ParameterValue(parsing: "0.001") == .real(0.001))
        #expect(try ParameterValue(parsing: "64") == .integer(64))
        #expect(try ParameterValue(parsing: "-2") == .integer(-2))
        #expect(try ParameterValue(parsing: "relu") == .word("relu"))
        #expect(try ParameterValue(parsing: "[64, 32]") == .integers([64, 32]))
        #expect(try ParameterValue(parsing: "[]") == .integers([]))
        #expect(throws: StorageError.self) { try ParameterValue(parsing: "[64, x]") }
        #expect(throws: StorageError.self) { try ParameterValue(parsing: "1.2.3") }
        #expect(throws: StorageError.self) { try ParameterValue(parsing: "a,b") }
        #expect(ParameterValue.integer(1).coerced(forKey: "lr") == .real(1))
        #expect(ParameterValue.integer(1).coerced(forKey: "no_such_key") == .integer(1))
    }

    @Test func aWholeConfigurationReadsBack() throws {
        var base = Configuration()
        try base.set("lr", .real(1), origin: .command("set"))
        try base.set("hidden", .integers([64, 32]), origin: .command("model"))
        try base.set("activation", .word("tanh"), origin: .command("model"))
        try base.set("weight_decay", .real(3e-5), origin: .command("set"))
        let definition = try StorageFixtures.definition()
        var stored = definition
        stored.configuration = StudyDefinition.configurationText(base)
        #expect(stored.configuration["lr"] == "1")
        let again = try stored.baseConfiguration()
        for spec in ParameterCatalog.all {
            #expect(again.value(spec.name) == base.value(spec.name), "\(spec.name)")
        }
        #expect(try definition.searchSpace() == (try StorageFixtures.space()))
    }
}
