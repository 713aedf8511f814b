import Testing
@testable import HyperLabKit

@Suite struct DistributionTests {
    @Test func validationRefusesBadRanges() {
        #expect(throws: SearchSpaceError.nonPositiveLogBound("0")) { try Distribution.log(0, 1) }
        #expect(throws: SearchSpaceError.emptyRange(lower: "0.1", upper: "0.01")) { try Distribution.log(0.1, 0.01) }
        #expect(throws: SearchSpaceError.emptyRange(lower: "3", upper: "3")) { try Distribution.uniform(3, 3) }
        #expect(throws: SearchSpaceError.nonIntegralBound("2.5")) { try Distribution.int(2.5, 8.0) }
        #expect(throws: SearchSpaceError.nonPositiveLogBound("0")) { try Distribution.intLog(0, 8) }
        #expect(throws: SearchSpaceError.factorTooSmall("1")) { try Distribution.near(1) }
        #expect(throws: SearchSpaceError.emptyChoice) { try Distribution.choice([]) }
        #expect(throws: SearchSpaceError.duplicateChoice("relu")) {
            try Distribution.choice([.word("relu"), .word("relu")])
        }
        #expect(throws: SearchSpaceError.nonFinite("inf")) { try Distribution.uniform(0, .infinity) }
        #expect(SearchSpaceError.emptyChoice.hint != nil)
    }

    @Test func descriptionsReadBackAsScripts() throws {
        #expect(try Distribution.log(1e-4, 0.1).description == "log(0.0001, 0.1)")
        #expect(try Distribution.intLog(16, 256).description == "intlog(16, 256)")
        #expect(try Distribution.choice([.word("relu"), .integer(3)]).description == "choice(relu, 3)")
        #expect(try Distribution.near(3).description == "near(3)")
    }

    @Test func unitMapsLogRangesInLogSpace() throws {
        let d = try Distribution.log(1e-4, 1e-2)
        #expect(d.value(atUnit: 0) == .real(1e-4))
        #expect(d.value(atUnit: 1) == .real(1e-2))
        guard case .real(let mid) = d.value(atUnit: 0.5) else { Issue.record("not real"); return }
        #expect(abs(mid - 1e-3) < 1e-12)
        #expect(abs((d.unit(of: .real(1e-3)) ?? -1) - 0.5) < 1e-12)
        #expect(d.unit(of: .real(1)) == 1)        // clamped
        #expect(d.unit(of: .word("x")) == nil)
    }

    @Test func integersAreRoundedAndEquallyLikely() throws {
        let d = try Distribution.int(1, 4)
        var counts = [Int: Int]()
        for i in 0..<4000 {
            guard case .integer(let n) = d.value(atUnit: (Double(i) + 0.5) / 4000) else { Issue.record("kind"); return }
            counts[n, default: 0] += 1
        }
        #expect(counts == [1: 1000, 2: 1000, 3: 1000, 4: 1000])
        let log = try Distribution.intLog(1, 1000)
        #expect(log.value(atUnit: 0) == .integer(1))
        #expect(log.value(atUnit: 1) == .integer(1000))
        #expect(log.value(atUnit: 0.5) == .integer(22))   // exp(midpoint of log 0.5 ... log 1000.5) = 22.4
    }

    @Test func choicesMapByIndex() throws {
        let d = try Distribution.choice([.word("a"), .word("b"), .word("c")])
        #expect(d.value(atUnit: 0) == .word("a"))
        #expect(d.value(atUnit: 0.5) == .word("b"))
        #expect(d.value(atUnit: 0.999) == .word("c"))
        #expect(d.value(atUnit: 1) == .word("c"))
        #expect(d.unit(of: .word("b")) == 0.5)
        #expect(d.value(atInternal: 2) == .word("c"))
        #expect(d.internalCoordinate(of: .word("z")) == nil)
    }

    @Test func nearResolvesAroundTheCenter() throws {
        let near = try Distribution.near(10)
        #expect(try near.resolved(center: .real(1e-3), name: "lr") == Distribution.log(1e-4, 1e-2))
        #expect(try near.resolved(center: .integer(64), name: "units") == Distribution.intLog(6, 640))
        #expect(try near.resolved(center: .real(0.5), name: "dropout", bounds: 0...0.9) == Distribution.log(0.05, 0.9))
        #expect(try near.resolved(center: .integer(1), name: "layers", bounds: 1...1) == Distribution.choice([.integer(1)]))
        #expect(throws: SearchSpaceError.unusableCenter(name: "dropout", value: "0")) {
            try near.resolved(center: .real(0), name: "dropout")
        }
        #expect(throws: SearchSpaceError.missingCenter("lr")) { try near.resolved(center: nil, name: "lr") }
        #expect(throws: SearchSpaceError.centerOutsideBounds(name: "x", value: "5")) {
            try near.resolved(center: .real(5), name: "x", bounds: 100...200)
        }
    }
}
