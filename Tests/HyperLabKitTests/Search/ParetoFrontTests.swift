import Testing
@testable import HyperLabKit

/// Non-dominated sorting checked against brute force on random points (with ties), and
/// directions turned into losses.
@Suite struct ParetoFrontTests {
    /// Ranks by brute force: peel off, again and again, the points no remaining point dominates.
    static func bruteForceRanks(_ points: [[Double]]) -> [Int] {
        var ranks = [Int](repeating: -1, count: points.count)
        var rank = 0
        while ranks.contains(-1) {
            let left = points.indices.filter { ranks[$0] == -1 }
            let front = left.filter { i in
                !left.contains { j in
                    zip(points[j], points[i]).allSatisfy { $0 <= $1 } && zip(points[j], points[i]).contains { $0 < $1 }
                }
            }
            for i in front { ranks[i] = rank }
            rank += 1
        }
        return ranks
    }

    @Test(arguments: [1, 2, 3]) func ranksMatchBruteForceOnRandomPointsWithTies(objectives: Int) {
        var generator = SeededGenerator(seed: UInt64(objectives))
        for round in 0..<40 {
            let n = 1 + round % 30
            // Coordinates from a few levels, so equal coordinates and equal points are common.
            let points = (0..<n).map { _ in (0..<objectives).map { _ in Double(Int.random(in: 0..<5, using: &generator)) } }
            #expect(ParetoFront.ranks(points) == Self.bruteForceRanks(points), "\(points)")
        }
    }

    /// One and two objectives go through a sort: the same ranks as every pair compared, on
    /// hundreds of points with ties, ±0, infinities and NaN (which counts as +∞).
    @Test func theSortedRanksAreThePairwiseOnes() {
        var generator = SeededGenerator(seed: 5)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1e-300, 3]
        for round in 0..<30 {
            let n = 1 + round * 13
            for objectives in [1, 2] {
                let points = (0..<n).map { _ in
                    (0..<objectives).map { _ -> Double in
                        let u = generator.nextUnit()
                        if u < 0.1 { return specials[Int(generator.nextUnit() * Double(specials.count)) % specials.count] }
                        return u < 0.5 ? Double(Int(u * 20)) : u
                    }
                }
                let cleaned = points.map { $0.map { $0.isNaN ? Double.infinity : $0 } }
                #expect(ParetoFront.ranks(points) == ParetoFront.pairwiseRanks(cleaned), "\(objectives) objectives, \(n) points")
            }
        }
    }

    @Test func equalPointsShareTheFrontAndDirectionsAreTurned() {
        #expect(ParetoFront.ranks([[1, 1], [1, 1], [2, 2]]) == [0, 0, 1])
        #expect(ParetoFront.ranks([[1, 4], [2, 2], [3, 3]]) == [0, 0, 1])
        // dev_acc up, parameters down: 0.9 with 500 beats 0.8 with 900; 0.95 with 2000 is a trade-off.
        let values: [[Double]] = [[0.9, 500], [0.8, 900], [0.95, 2000]]
        #expect(ParetoFront.ranks(values, directions: [.maximize, .minimize]) == [0, 1, 0])
        #expect(ParetoFront.isOnFront([[.nan, 1], [0.5, 1]], directions: [.maximize, .minimize]) == [false, true])
    }

    @Test func trialsGiveTheirFrontFromTheirMetrics() {
        let objectives = [StudyObjective("dev_acc", .maximize), StudyObjective("parameters", .minimize)]
        func trial(_ n: Int, _ acc: Double, _ size: Double, _ state: TrialState = .complete) -> Trial {
            Trial(number: n, parameters: TrialParameters(), state: state, value: acc,
                  metrics: ["dev_acc": acc, "parameters": size])
        }
        let trials = [trial(0, 0.9, 500), trial(1, 0.8, 900), trial(2, 0.95, 2000), trial(3, 0.99, 100, .pruned)]
        #expect(trials.paretoFront(objectives).map(\.number) == [0, 2])
        #expect(trials.paretoRanks(objectives) == [0: 0, 1: 1, 2: 0])
    }
}
