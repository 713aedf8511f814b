import Testing
@testable import HyperLabKit

@Suite struct SearchSpaceTests {
    @Test func keepsTheOrderGivenAndRefusesDuplicates() throws {
        let space = try SearchSpace([("b", .uniform(0, 1)), ("a", .int(1, 3))])
        #expect(space.names == ["b", "a"])
        #expect(throws: SearchSpaceError.duplicateName("a")) {
            try SearchSpace([("a", .uniform(0, 1)), ("a", .int(1, 3))])
        }
    }

    @Test func resolvesNearAgainstTheCenter() throws {
        let space = try SearchSpace([("lr", .near(3)), ("units", .near(2))],
                                    center: ["lr": .real(0.03), "units": .integer(64)])
        #expect(space.distribution("lr") == (try Distribution.log(0.01, 0.09)))
        #expect(space.distribution("units") == (try Distribution.intLog(32, 128)))
        #expect(throws: SearchSpaceError.missingCenter("lr")) { try SearchSpace([("lr", .near(3))]) }
    }

    @Test func unitCoordinatesRoundTrip() throws {
        let space = try SearchSpace([("lr", .log(1e-4, 1e-1)), ("act", .choice([.word("relu"), .word("tanh")]))])
        let p = space.parameters(atUnit: [0.25, 0.9])
        #expect(p["act"] == .word("tanh"))
        let u = try #require(space.unitCoordinates(of: p))
        #expect(abs(u[0] - 0.25) < 1e-12)
        #expect(space.contains(p))
        #expect(!space.contains(TrialParameters([("lr", .real(1)), ("act", .word("relu"))])))
    }

    @Test func trialParametersKeepOrder() {
        var p = TrialParameters([("lr", .real(0.001)), ("units", .integer(64))])
        p["lr"] = .real(0.01)
        p["act"] = .word("relu")
        #expect(p.names == ["lr", "units", "act"])
        #expect(p.description == "lr=0.01 units=64 act=relu")
        p["units"] = nil
        #expect(p.count == 2)
    }
}
