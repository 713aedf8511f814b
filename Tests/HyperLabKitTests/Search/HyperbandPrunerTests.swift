import Testing
@testable import HyperLabKit

@Suite struct HyperbandPrunerTests {
    /// Table 1 of Li et al. (2018) for R = 81, η = 3: brackets s = 4 … 0, each rung's n_i and r_i.
    @Test func bracketsMatchThePapersTableForR81AndEta3() {
        let pruner = HyperbandPruner(minimumResource: 1, maximumResource: 81, reductionFactor: 3)
        let table: [[(Int, Int)]] = [
            [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)],   // s = 4
            [(34, 3), (11, 9), (3, 27), (1, 81)],           // s = 3
            [(15, 9), (5, 27), (1, 81)],                    // s = 2
            [(8, 27), (2, 81)],                             // s = 1
            [(5, 81)],                                      // s = 0
        ]
        #expect(pruner.brackets.count == 5)
        for (bracket, rows) in zip(pruner.brackets, table) {
            #expect(bracket.trialCount == rows[0].0)
            #expect(bracket.rungs.map(\.trials) == rows.map(\.0), "bracket s = \(4 - bracket.index)")
            #expect(bracket.rungs.map(\.epochs) == rows.map(\.1), "bracket s = \(4 - bracket.index)")
            // Each bracket is successive halving with its own first rung, below R.
            #expect(pruner.halving(bracket.index).rungs(upTo: 80) == rows.map(\.1).filter { $0 < 81 })
        }
        #expect((1...81).filter(pruner.isDecisionStep) == [1, 3, 9, 27])
        #expect(pruner.budgets == [1, 3, 9, 27, 81])
    }

    @Test func trialsFillTheBracketsInProportionByTheirNumberAlone() {
        let pruner = HyperbandPruner(maximumResource: 81)
        let cycle = 81 + 34 + 15 + 8 + 5
        let brackets = (0..<cycle).map(pruner.bracket(of:))
        #expect((0..<5).map { b in brackets.filter { $0 == b }.count } == [81, 34, 15, 8, 5])
        #expect((0..<cycle).map { pruner.bracket(of: $0 + cycle) } == brackets, "the same cycle again")
        #expect(Set(brackets.prefix(12)).count >= 3, "the brackets are interleaved, not run one after another")
        #expect(HyperbandPruner(maximumResource: 81).bracket(of: 1000) == pruner.bracket(of: 1000))
        // R below η·r: one bracket, successive halving from r (rungs count from r, as Optuna's).
        let short = HyperbandPruner(minimumResource: 2, maximumResource: 5, reductionFactor: 3)
        #expect(short.brackets.count == 1)
        #expect((1...5).filter(short.isDecisionStep) == [2])
        #expect(HyperbandPruner(minimumResource: 5, maximumResource: 5).brackets.map(\.rungs) == [[.init(trials: 1, epochs: 5)]])
        #expect(!(1...5).contains(where: HyperbandPruner(minimumResource: 5, maximumResource: 5).isDecisionStep))
    }

    @Test func aTrialIsPrunedAmongTheTrialsOfItsOwnBracketOnly() throws {
        let pruner = HyperbandPruner(maximumResource: 9)   // brackets of 9, 5 and 3 trials
        let number = try #require((40..<60).first { pruner.bracket(of: $0) == 1 })
        let own = pruner.bracket(of: number)
        let same = (0..<number).filter { pruner.bracket(of: $0) == own }
        let others = (0..<number).filter { pruner.bracket(of: $0) != own }
        let step = try #require(pruner.halving(own).rungs(upTo: 8).first)
        func decision(_ value: Double, peers: [Int: Double]) -> Bool {
            pruner.shouldPrune(PruningContext(number: number, step: step, values: [step: value], peerValues: peers,
                                              peerCount: number, direction: .maximize))
        }
        // Better trials of other brackets do not count: the trial beats its own bracket.
        var peers: [Int: Double] = [:]
        for m in same.prefix(5) { peers[m] = 0.1 }
        for m in others { peers[m] = 0.9 }
        #expect(!decision(0.5, peers: peers))
        // Worse than the top third of its own bracket: pruned.
        for m in same.prefix(5) { peers[m] = 0.8 }
        #expect(decision(0.5, peers: peers))
        // Asha over all of them would have pruned the first case.
        var all = peers
        for m in same.prefix(5) { all[m] = 0.1 }
        #expect(pruner.halving(own).shouldPrune(PruningContext(number: number, step: step, values: [step: 0.5],
                                                               peerValues: all, peerCount: number, direction: .maximize)))
    }

    @Test func theLastBracketNeverPrunesAndOthersPruneOnlyAtTheirRungs() {
        let pruner = HyperbandPruner(maximumResource: 9)
        let last = (0..<30).filter { pruner.bracket(of: $0) == 2 }[1]
        let middle = (0..<30).filter { pruner.bracket(of: $0) == 1 }[1]
        func decision(_ number: Int, step: Int) -> Bool {
            pruner.shouldPrune(PruningContext(number: number, step: step, values: [step: 0.0],
                                              peerValues: Dictionary(uniqueKeysWithValues: (0..<number).map { ($0, 1.0) }),
                                              peerCount: number, direction: .maximize))
        }
        #expect(!decision(last, step: 1) && !decision(last, step: 3))
        #expect(!decision(middle, step: 1), "bracket 1 starts at 3 epochs")
        #expect(decision(middle, step: 3))
    }

    /// BOHB: TPE sees the values at the largest budget that d + 3 visible trials reached.
    @Test func theBudgetedSamplerShowsTheLargestBudgetWithEnoughValues() throws {
        let space = try SearchSpace([("lr", .log(1e-4, 1e-1))])   // d = 1: 4 values needed
        let sampler = BudgetedSampler(base: TPESampler(), budgets: [1, 3, 9])
        func trial(_ n: Int, _ curve: [Int: Double], _ state: TrialState, value: Double? = nil) -> Trial {
            Trial(number: n, parameters: TrialParameters([("lr", .real(0.001 * Double(n + 1)))]), state: state,
                  intermediateValues: curve, value: value)
        }
        var finished = (0..<5).map { trial($0, [1: 0.1 * Double($0), 3: 0.2 * Double($0)], .pruned) }
        finished.append(trial(5, [1: 0.5], .pruned))
        finished.append(trial(6, [1: 0.6, 3: 0.7, 9: 0.8], .complete, value: 0.85))
        let context = SamplingContext(number: 9, space: space, finished: finished)
        let seen = sampler.atLargestBudget(context)
        // Budget 9 has one value, budget 3 six: TPE sees budget 3.
        #expect(seen.finished.map(\.state) == [.complete, .complete, .complete, .complete, .complete, .failed, .complete])
        #expect(seen.finished.map(\.value) == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, nil, 0.7])
        // With four complete trials, the full length wins, each with its final value.
        finished += (7..<10).map { trial($0, [1: 0.5, 3: 0.6, 9: 0.7], .complete, value: 0.75) }
        let full = sampler.atLargestBudget(SamplingContext(number: 12, space: space, finished: finished))
        #expect(full.finished.filter { $0.state == .complete }.map(\.value) == [0.85, 0.75, 0.75, 0.75])
        // Too few values anywhere: the history as it is.
        let early = SamplingContext(number: 3, space: space, finished: Array(finished.prefix(3)))
        #expect(sampler.atLargestBudget(early).finished.map(\.value) == early.finished.map(\.value))
    }

    /// Hyperband and BOHB-style TPE: the same trials at parallel=1 and 4.
    @Test(arguments: ["random", "tpe"])
    func parallelismDoesNotChangeHyperbandsResults(_ name: String) throws {
        let pruner = try PrunerKind.hyperband.pruner(settings: ["max_epochs": "6", "eta": "2"])
        let kind = try #require(SamplerKind(rawValue: name))
        let space = try SearchFixtures.mixedSpace()
        let base = try kind.sampler(space: space, baseline: nil, settings: ["startup_trials": "5"])
        let sampler = PrunerKind.hyperband.sampler(base, of: kind, with: pruner)
        #expect((sampler is BudgetedSampler) == (name == "tpe"))
        let study = Study(space: space, sampler: sampler, pruner: pruner, direction: .maximize, seed: 3, trials: 30)
        let one = study.run(parallel: 1, objective: StudyRunTests.objective)
        let four = study.run(parallel: 4, objective: StudyRunTests.objective)
        #expect(one.trials.map(StudyRunTests.fingerprint) == four.trials.map(StudyRunTests.fingerprint))
        #expect(one.trials.contains { $0.state == .pruned })
        #expect(one.trials.contains { $0.state == .complete && $0.intermediateValues.count == 6 })
    }
}
