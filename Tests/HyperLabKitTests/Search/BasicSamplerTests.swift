import Testing
@testable import HyperLabKit

@Suite struct BasicSamplerTests {
    @Test(arguments: ["random", "sobol"])
    func deterministicInsideAndOfTheRightKinds(_ name: String) throws {
        let space = try SearchFixtures.mixedSpace()
        let sampler: any Sampler = name == "random" ? RandomSampler() : SobolSampler()
        let a = SearchFixtures.suggestions(sampler, space: space, count: 64, seed: 5)
        let b = SearchFixtures.suggestions(sampler, space: space, count: 64, seed: 5)
        let c = SearchFixtures.suggestions(sampler, space: space, count: 64, seed: 6)
        #expect(a.map(\.parameters) == b.map(\.parameters))
        #expect(a.map(\.parameters) != c.map(\.parameters))
        SearchFixtures.expectInside(a, space)
        // Log scale: about half of lr draws fall below the log midpoint 1e-3 (a linear draw would give 1%).
        let below = a.filter { ($0.parameters["lr"]?.asReal ?? 1) < 1e-3 }.count
        #expect(below > 20 && below < 44)
        let activations = Set(a.compactMap { $0.parameters["activation"] })
        #expect(activations.count == 3)
    }

    @Test func sobolPointsAreStratifiedInEveryCoordinate() {
        let sobol = SobolSequence(dimensions: 32, seed: 11)
        let points = (0..<64).map(sobol.point)
        for d in 0..<32 {
            let cells = Set(points.map { Int($0[d] * 64) })
            #expect(cells.count == 64, "dimension \(d)")
        }
        // A (0,2)-net in dimensions 1–2: each 8×8 cell of the first 64 points holds one point.
        let pairs = Set(points.map { Int($0[0] * 8) * 8 + Int($0[1] * 8) })
        #expect(pairs.count == 64)
    }

    @Test func sobolDirectionNumbersGiveTheKnownSequence() {
        // Unscrambled Sobol points 1–3 in dimension 2, in natural (not Gray-code) order: 1/2, 3/4, 1/4.
        let raw = (1...3).map { Double(SobolSequence.rawPoint($0, dimensions: 2)[1]) * 0x1.0p-32 }
        #expect(raw == [0.5, 0.75, 0.25])
        let third = (1...4).map { Double(SobolSequence.rawPoint($0, dimensions: 3)[2]) * 0x1.0p-32 }
        #expect(third == [0.5, 0.75, 0.25, 0.375])   // Gray-code order (scipy) gives 0.5, 0.25, 0.75, 0.625
    }

    @Test func gridCoversExactlyTheProductInOrder() throws {
        let space = try SearchSpace([
            ("lr", .grid([.real(1e-3), .real(1e-2)])),
            ("layers", .int(1, 3)),
            ("act", .choice([.word("relu"), .word("tanh")])),
        ])
        let grid = try GridSampler(space)
        #expect(grid.count == 12)
        let trials = SearchFixtures.suggestions(grid, space: space, count: 12)
        #expect(Set(trials.map(\.parameters)).count == 12)
        #expect(trials[0].parameters.description == "lr=0.001 layers=1 act=relu")
        #expect(trials[1].parameters.description == "lr=0.001 layers=1 act=tanh")
        #expect(trials[11].parameters.description == "lr=0.01 layers=3 act=tanh")
        #expect(throws: SearchSpaceError.notEnumerable("x")) {
            try GridSampler(try SearchSpace([("x", .uniform(0, 1))]))
        }
    }

    @Test func baselineIsTrialZeroAndShiftsTheGrid() throws {
        let space = try SearchSpace([("layers", .int(1, 2)), ("act", .choice([.word("relu"), .word("tanh")]))])
        let current = TrialParameters([("act", .word("gelu")), ("layers", .integer(2)), ("lr", .real(0.1))])
        let sampler = try GridSampler(space).withBaseline(current)
        let trials = SearchFixtures.suggestions(sampler, space: space, count: 5)
        #expect(trials[0].parameters.description == "layers=2 act=gelu")
        #expect(trials[1].parameters.description == "layers=1 act=relu")
        #expect(Set(trials.dropFirst().map(\.parameters)).count == 4)
    }

    @Test func aroundSamplesWithinTheFactorOfTheCurrentValues() throws {
        let center = TrialParameters([("lr", .real(0.01)), ("units", .integer(64))])
        let space = try SearchSpace([("lr", .near(3)), ("units", .near(2))],
                                    center: ["lr": .real(0.01), "units": .integer(64)],
                                    bounds: ["units": 1...100])
        let trials = SearchFixtures.suggestions(BaselineSampler.around(center), space: space, count: 200)
        #expect(trials[0].parameters == center)
        for t in trials {
            let lr = t.parameters["lr"]?.asReal ?? 0
            #expect(lr >= 0.01 / 3 - 1e-15 && lr <= 0.03 + 1e-15)
            guard case .integer(let u) = t.parameters["units"] else { Issue.record("units kind"); continue }
            #expect(u >= 32 && u <= 100)
        }
        let lrs = trials.compactMap { $0.parameters["lr"]?.asReal }
        #expect(lrs.filter { $0 < 0.01 }.count > 70)   // log-uniform: half below the center
    }
}
