import Testing
@testable import HyperLabKit

@Suite struct ClosestMatchTests {
    @Test func typosAreCorrected() {
        #expect(ClosestMatch.suggestion(for: "lod", among: ["load", "save", "split"]) == "load")
        #expect(ClosestMatch.suggestion(for: "weight_decy", among: ["weight_decay", "lr"]) == "weight_decay")
        #expect(ClosestMatch.suggestion(for: "adma", among: ["adam", "sgd"]) == "adam")
    }

    @Test func abbreviationsArePrefixes() {
        #expect(ClosestMatch.suggestion(for: "breast", among: ["iris", "breast-cancer"]) == "breast-cancer")
    }

    @Test func farWordsGetNoSuggestion() {
        #expect(ClosestMatch.suggestion(for: "xyzzy", among: ["load", "save"]) == nil)
        #expect(ClosestMatch.suggestion(for: "ab", among: ["abcdef"]) == nil)
    }

    @Test func distanceCountsTranspositionsAsOne() {
        #expect(ClosestMatch.distance("irsi", "iris") == 1)
        #expect(ClosestMatch.distance("", "abc") == 3)
    }
}
