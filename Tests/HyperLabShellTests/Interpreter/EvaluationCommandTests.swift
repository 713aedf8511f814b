import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The honest-evaluation commands as a user sees them: compare, recheck, cross-validation.
@Suite struct EvaluationCommandTests {
    private func shell(_ setup: String) throws -> Transcript {
        let t = try Transcript(echo: false)
        t.type(setup)
        return t
    }

    @Test func identicalConfigurationsShowNoDifference() throws {
        let t = try shell("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]\noptimizer adam lr=0.01\nset epochs=20")
        t.type("train")
        let before = t.output.text.count
        #expect(t.shell.run("compare run 1 current repeats=6") == .completed)
        let out = String(t.output.text.dropFirst(before))
        let p = try #require(Self.pValue(out))
        #expect(p >= 0.5)
        #expect(out.contains("verdict: no difference") || out.contains("verdict: no evidence of a difference"))
    }

    @Test func aClearlyBetterConfigurationWins() throws {
        let t = try shell("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes\nmodel mlp hidden=[16]\nset epochs=100")
        t.type("sweep grid lr=[1e-3, 1e-6] optimizer=adam")
        let before = t.output.text.count
        #expect(t.shell.run("compare 0 1 repeats=8") == .completed)
        let out = String(t.output.text.dropFirst(before))
        let p = try #require(Self.pValue(out))
        #expect(p < 0.01)
        #expect(out.contains("verdict: trial 0 is better"))
    }

    @Test func recheckOfManyConfigurationsOnATinyDevSetIsOptimistic() throws {
        let t = try shell("load moons n=120 noise=0.35 seed=5\nsplit train=0.8 dev=0.1 test=0.1 seed=2\nmodel mlp hidden=[8]")
        t.type("sweep random n=30 lr=log(1e-3, 1e-1) units=intlog(2, 16) epochs=15")
        let before = t.output.text.count
        #expect(t.shell.run("recheck top=5 repeats=4 fresh=yes") == .completed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("worse than when selected"))
    }

    @Test func recheckOnAChosenMetricRanksTheTrialsByIt() throws {
        let t = try shell("load moons n=120 noise=0.35 seed=5\nsplit train=0.8 dev=0.1 test=0.1 seed=2\nmodel mlp hidden=[8]")
        t.type("sweep random n=6 lr=log(1e-3, 1e-1) units=intlog(2, 16) epochs=5 seed=3")
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let bestByLoss = try #require(sweep.trials.filter { $0.metrics["dev_loss"] != nil }
            .min { $0.metrics["dev_loss"]! < $1.metrics["dev_loss"]! })
        let before = t.output.text.count
        #expect(t.shell.run("recheck top=1 repeats=2 metric=dev_loss") == .completed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("recheck the best trial of sweep 1 on dev_loss"))
        let rows = out.split(separator: "\n").drop { !$0.hasPrefix("─") }.dropFirst()
        #expect(rows.first?.split(separator: " ").first == "\(bestByLoss.number)")
    }

    @Test func recheckOnAMetricOfAnotherTaskIsAPositionedError() throws {
        let t = try shell("load moons n=60 seed=5\nsplit train=0.6 dev=0.2 test=0.2 seed=2\nmodel mlp hidden=[4]")
        t.type("sweep random n=2 lr=log(1e-3, 1e-1) epochs=2 seed=3")
        #expect(t.shell.run("recheck metric=dev_rmse") == .failed)
        #expect(t.output.text.contains("error: dev_rmse is not a metric of a classification task"))
        #expect(t.output.text.contains("hint: use one of: dev_acc, dev_loss"))
    }

    @Test func crossValidationScoresByTheMeanOverFolds() throws {
        let t = try shell("load iris\nsplit cv=4 test=0.2 seed=1\nmodel mlp hidden=[8]\noptimizer adam lr=0.01")
        let before = t.output.text.count
        #expect(t.shell.run("train epochs=10") == .completed)
        #expect(String(t.output.text.dropFirst(before)).contains("run 1: 4 folds · dev_acc"))
        #expect(t.shell.run("sweep random n=3 lr=log(1e-3, 1e-1) epochs=5") == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.trials.allSatisfy { $0.metrics["dev_acc_sd"] != nil })
        let resultsStart = t.output.text.count
        #expect(t.shell.run("results") == .completed)
        #expect(String(t.output.text.dropFirst(resultsStart)).contains(" ± "))
        #expect(t.shell.run("evaluate test") == .completed)
        #expect(t.shell.workbench.testLooks == 1)
    }

    @Test func crossValidationErrors() throws {
        let t = try shell("load iris")
        #expect(t.shell.run("split cv=4 train=0.6 test=0.2") == .failed)
        #expect(t.output.text.contains("train= does not go with cv="))
        #expect(t.shell.run("split cv=1 test=0.2") == .failed)
        #expect(t.shell.workbench.partitioning?.crossValidation == nil)
    }

    /// The corrected p-value printed by compare.
    static func pValue(_ text: String) -> Double? {
        guard let range = text.range(of: "corrected resampled t-test p = ") else { return nil }
        let rest = text[range.upperBound...].prefix { $0 != " " && $0 != "\n" }
        return Double(rest)
    }
}
