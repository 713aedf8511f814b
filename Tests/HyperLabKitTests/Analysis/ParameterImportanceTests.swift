import Testing
@testable import HyperLabKit

@Suite struct ParameterImportanceTests {
    private func rank(_ count: Int, kinds: [ImportanceInputKind], trees: Int = 16, seed: Int = 0,
                      metric: ([Double]) -> Double) throws -> [ImportanceEntry] {
        let (x, y) = AnalysisFixtures.trials(count, kinds: kinds, metric: metric)
        return try ParameterImportance.fanova(inputs: x, kinds: kinds, values: y,
                                              names: AnalysisFixtures.names(kinds.count), trees: trees, seed: seed)
    }

    @Test func aMetricOfOneParameterIsExplainedByThatParameter() throws {
        let ranking = try rank(200, kinds: AnalysisFixtures.continuous(3)) { x in (5 * x[0]).squareRoot() + x[0] * x[0] }
        #expect(ranking.map(\.name).first == "x0")
        #expect(ranking[0].importance > 0.9)
        #expect(ranking[0].fraction > 0.9)
        for entry in ranking.dropFirst() { #expect(entry.importance < 0.05) }
    }

    @Test func anAdditiveMetricSplitsItsVarianceByTheTermsVariances() throws {
        // f = 4·x0 + x1 on uniform inputs: Var = 16/12 + 1/12, so 16/17 and 1/17.
        // (Optuna's evaluator gives 0.957–0.962 / 0.038–0.043 on such data: a small-sample
        // forest smears the weak term; the tolerance allows for that.)
        let ranking = try rank(200, kinds: AnalysisFixtures.continuous(2)) { x in 4 * x[0] + x[1] }
        let x0 = try #require(ranking.named("x0")), x1 = try #require(ranking.named("x1"))
        #expect(abs(x0.importance - 16.0 / 17) < 0.03)
        #expect(abs(x1.importance - 1.0 / 17) < 0.03)
        #expect(abs(x0.importance + x1.importance - 1) < 1e-12)
        #expect(x0.fraction + x1.fraction > 0.95)              // almost no interaction
        #expect(x0.sd > 0 && x0.sd < 0.05 && x1.sd < 0.05)
        #expect(ranking.map(\.index) == [0, 1])
    }

    @Test func aCategoryThatDecidesTheMetricGetsAllTheImportance() throws {
        let table = [3.0, -1, 7, 0]
        let kinds: [ImportanceInputKind] = [.continuous, .categorical(count: 4), .continuous]
        let ranking = try rank(200, kinds: kinds) { x in table[Int(x[1])] }
        #expect(ranking[0].name == "x1")
        #expect(ranking[0].importance > 0.99)
    }

    @Test func categoricalAndContinuousEffectsOfEqualVarianceShareEqually() throws {
        // Category 0 or 1 adds 0 or 2 (variance 1); 2·√3·x0 has variance 1 as well.
        let kinds: [ImportanceInputKind] = [.continuous, .categorical(count: 2)]
        let ranking = try rank(300, kinds: kinds) { x in 2 * 3.0.squareRoot() * x[0] + 2 * x[1] }
        for entry in ranking { #expect(abs(entry.importance - 0.5) < 0.03) }
    }

    @Test func aParameterThatNeverChangesExplainsNothing() throws {
        let (x, y) = AnalysisFixtures.trials(100, kinds: AnalysisFixtures.continuous(2)) { $0[0] * $0[0] }
        let fixed = x.map { [$0[0], 0.5] }
        let entries = try ParameterImportance.fanova(inputs: fixed, kinds: AnalysisFixtures.continuous(2),
                                                     values: y, names: ["lr", "fixed"], trees: 8)
        #expect(entries.map(\.name) == ["lr", "fixed"])
        #expect(entries[0].importance == 1)
        #expect(entries[1].importance == 0 && entries[1].fraction == 0)
    }

    @Test func theSameSeedGivesTheSameRankingAndAnotherSeedAnother() throws {
        let metric: ([Double]) -> Double = { x in x[0] * x[1] + x[2] }
        let a = try rank(120, kinds: AnalysisFixtures.continuous(3), seed: 5, metric: metric)
        let b = try rank(120, kinds: AnalysisFixtures.continuous(3), seed: 5, metric: metric)
        let c = try rank(120, kinds: AnalysisFixtures.continuous(3), seed: 6, metric: metric)
        #expect(a == b)
        #expect(a.map(\.fraction) != c.map(\.fraction))
    }

    @Test func aMetricOfPureInteractionIsReportedAsSuch() {
        // XOR of two categories: each alone says nothing. Without bootstrap the tree learns
        // it exactly, so every main effect is zero.
        let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1], [0, 0], [0, 1], [1, 0], [1, 1]]
        let values: [Double] = [0, 1, 1, 0, 0, 1, 1, 0]
        let kinds: [ImportanceInputKind] = [.categorical(count: 2), .categorical(count: 2)]
        #expect(throws: AnalysisError.onlyInteractions) {
            try ParameterImportance.fanova(inputs: inputs, kinds: kinds, values: values, names: ["a", "b"],
                                           options: ForestOptions(trees: 4, bootstrap: false), seed: 0)
        }
    }

    @Test func unusableInputIsRefusedWithAReason() {
        let kinds = AnalysisFixtures.continuous(2), names = ["lr", "wd"]
        func fanova(_ x: [[Double]], _ y: [Double], kinds: [ImportanceInputKind] = kinds, names: [String] = names,
                    trees: Int = 4) throws(AnalysisError) {
            _ = try ParameterImportance.fanova(inputs: x, kinds: kinds, values: y, names: names, trees: trees)
        }
        #expect(throws: AnalysisError.tooFewTrials(count: 1)) { try fanova([[0.1, 0.2]], [1]) }
        #expect(throws: AnalysisError.constantMetric) { try fanova([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [2, 2, 2]) }
        #expect(AnalysisError.constantMetric.message == "every trial scored the same; nothing to explain")
        #expect(throws: AnalysisError.mismatchedCounts(what: "metric values (one per trial)", expected: 2, found: 3)) {
            try fanova([[0.1, 0.2], [0.3, 0.4]], [1, 2, 3])
        }
        #expect(throws: AnalysisError.mismatchedCounts(what: "parameter values in trial 2", expected: 2, found: 1)) {
            try fanova([[0.1, 0.2], [0.3]], [1, 2])
        }
        #expect(throws: AnalysisError.mismatchedCounts(what: "parameter names", expected: 2, found: 1)) {
            try fanova([[0.1, 0.2], [0.3, 0.4]], [1, 2], names: ["lr"])
        }
        #expect(throws: AnalysisError.nonFiniteValue(trial: 1)) { try fanova([[0.1, 0.2], [0.3, 0.4]], [1, .nan]) }
        #expect(throws: AnalysisError.nonFiniteInput(trial: 0, parameter: "wd")) {
            try fanova([[0.1, .nan], [0.3, 0.4]], [1, 2])
        }
        #expect(throws: AnalysisError.outsideUnitInterval(trial: 1, parameter: "lr", value: 1.5)) {
            try fanova([[0.1, 0.2], [1.5, 0.4]], [1, 2])
        }
        let mixed: [ImportanceInputKind] = [.continuous, .categorical(count: 3)]
        #expect(throws: AnalysisError.invalidCategory(trial: 0, parameter: "wd", value: 1.5, count: 3)) {
            try fanova([[0.1, 1.5], [0.3, 2]], [1, 2], kinds: mixed)
        }
        #expect(throws: AnalysisError.invalidCategory(trial: 1, parameter: "wd", value: 3, count: 3)) {
            try fanova([[0.1, 1], [0.3, 3]], [1, 2], kinds: mixed)
        }
        #expect(throws: AnalysisError.noCategories(parameter: "wd")) {
            try fanova([[0.1, 0], [0.3, 0]], [1, 2], kinds: [.continuous, .categorical(count: 0)])
        }
        #expect(throws: AnalysisError.noParameters) { try fanova([[], []], [1, 2], kinds: [], names: []) }
        #expect(throws: AnalysisError.invalidOption(name: "trees", value: 0, requirement: "at least 1")) {
            try fanova([[0.1, 0.2], [0.3, 0.4]], [1, 2], trees: 0)
        }
        // Every error explains itself.
        let error = AnalysisError.outsideUnitInterval(trial: 1, parameter: "lr", value: 1.5)
        #expect(error.message == "the value of lr in trial 2 is 1.5, outside [0, 1]")
        #expect(error.hint != nil)
    }

    @Test func valuesJustOutsideTheBoxFromRoundingAreAccepted() throws {
        let entries = try ParameterImportance.fanova(inputs: [[-1e-12], [1 + 1e-12], [0.5]], kinds: [.continuous],
                                                     values: [0, 1, 0.5], names: ["lr"], trees: 4)
        #expect(entries.count == 1 && abs(entries[0].importance - 1) < 1e-12)
    }
}
