import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The further metrics as a user sees them: `train`, `sweep metric=`, `results sort=`, `evaluate test`.
@Suite struct MetricCommandTests {
    static let setup = "load breast-cancer; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[4]; set epochs=5"

    @Test func trainAndEvaluateTestPrintTheFurtherMetrics() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup)
        let trained = DataCommandTests.run(t, "train").text
        #expect(trained.contains("\n  dev_balanced_acc "), "\(trained)")
        #expect(trained.contains(" · dev_f1 ") && trained.contains(" · dev_auc ") && trained.contains(" · dev_logloss "), "\(trained)")
        let tested = DataCommandTests.run(t, "evaluate test").text
        #expect(tested.contains("\n  test_balanced_acc ") && tested.contains(" · test_auc "), "\(tested)")
    }

    @Test func sweepsOptimizeAFurtherMetricInItsDirection() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup)
        let f1 = DataCommandTests.run(t, "sweep random n=3 lr=log(1e-3, 1e-1) metric=dev_f1 seed=1 parallel=1").text
        #expect(f1.contains("metric dev_f1 (higher is better)"), "\(f1)")
        let loss = DataCommandTests.run(t, "sweep random n=3 lr=log(1e-3, 1e-1) metric=dev_logloss seed=1 parallel=1").text
        #expect(loss.contains("metric dev_logloss (lower is better)"), "\(loss)")
        let table = DataCommandTests.run(t, "results sort=dev_auc").text
        let header = table.split(separator: "\n").first { $0.contains("trial") && $0.contains("state") } ?? ""
        #expect(header.contains("dev_logloss") && header.contains("dev_auc"), "\(table)")
        let (outcome, wrong) = DataCommandTests.run(t, "sweep random n=2 lr=log(1e-3, 1e-1) metric=dev_mae")
        #expect(outcome == .failed)
        #expect(wrong.contains("dev_mae is not a metric of a classification task"), "\(wrong)")
    }

    @Test func saveResultsWritesEveryDevAndTrainMetricOfTheTrials() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup + "; sweep random n=2 lr=log(1e-3, 1e-1) seed=1 parallel=1 repeats=2")
        _ = DataCommandTests.run(t, "save results \"r.csv\"; save results \"r.json\"")
        let csv = try String(contentsOf: t.directory.appendingPathComponent("r.csv"), encoding: .utf8)
        let header = Set(csv.split(separator: "\n")[0].split(separator: ",").map(String.init))
        for part in ["dev", "train"] {
            for name in ["balanced_acc", "f1", "auc", "logloss"] {
                #expect(header.contains("\(part)_\(name)") && header.contains("\(part)_\(name)_sd"), "\(part)_\(name) missing: \(header)")
            }
        }
        let data = try Data(contentsOf: t.directory.appendingPathComponent("r.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let metrics = try #require((json["trials"] as? [[String: Any]])?.first?["metrics"] as? [String: Double])
        #expect(metrics["train_f1"] != nil && metrics["dev_auc"] != nil && metrics["train_logloss_sd"] != nil, "\(metrics)")
    }

    @Test func resultsShowsTheFurtherMetricsWhenAskedAndPlotsThem() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup + "; sweep random n=3 lr=log(1e-3, 1e-1) seed=1 parallel=1")
        let plain = DataCommandTests.run(t, "results").text
        #expect(!plain.contains("dev_f1") && !plain.contains("train_f1"), "\(plain)")
        let all = DataCommandTests.run(t, "results metrics=all").text
        // Every further metric is shown, or named as left out to fit the width.
        for name in ["dev_balanced_acc", "dev_f1", "dev_auc", "dev_logloss", "train_balanced_acc", "train_f1", "train_auc", "train_logloss"] {
            #expect(all.contains(name), "\(name) not in\n\(all)")
        }
        let sorted = DataCommandTests.run(t, "results sort=train_f1").text
        #expect(sorted.contains("train_f1"), "\(sorted)")
        let plotted = DataCommandTests.run(t, "plot lr train_logloss")
        #expect(plotted.outcome == .completed, "\(plotted.text)")
        #expect(plotted.text.contains("train_logloss against lr"), "\(plotted.text)")
    }

    @Test func regressionRunsPrintTheMeanAbsoluteError() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, "load diabetes; split train=0.6 dev=0.2 test=0.2 seed=1; model linear; train epochs=3").text
        #expect(out.contains("\n  dev_mae "), "\(out)")
    }
}

/// The trivial baseline beside `train` and `evaluate test`, and the warning when it is not beaten.
@Suite struct BaselineCommandTests {
    @Test func trainAndEvaluateTestShowTheBaseline() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, MetricCommandTests.setup + "; train; evaluate test").text
        #expect(out.contains("  trivial baseline (always 'benign'): dev_acc 0.605"), "\(out)")
        #expect(out.contains("  trivial baseline (always 'benign'): test_acc "), "\(out)")
    }

    @Test func aModelThatDoesNotBeatTheBaselineIsToldSo() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, "load diabetes; split train=0.6 dev=0.2 test=0.2 seed=1; model linear; train epochs=1").text
        #expect(out.contains("  trivial baseline (always the train mean "), "\(out)")
        #expect(out.contains("warning: run 1 does not beat the trivial baseline: dev_rmse "), "\(out)")
    }
}

/// The trivial baseline after a sweep and under cross-validation.
@Suite struct SweepBaselineCommandTests {
    @Test func aSweepOnThePrimaryMetricShowsTheTrivialBaseline() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, MetricCommandTests.setup + "; sweep random n=2 lr=log(1e-3, 1e-1) seed=1 parallel=1").text
        #expect(out.contains("  trivial baseline (always 'benign'): dev_acc 0.605"), "\(out)")
        let other = DataCommandTests.run(t, "sweep random n=2 lr=log(1e-3, 1e-1) seed=1 parallel=1 metric=dev_f1").text
        #expect(!other.contains("trivial baseline"), "\(other)")
    }

    @Test func crossValidationAveragesTheBaselineOverTheFolds() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, "load breast-cancer; split cv=3 test=0.2 seed=1; model linear; train epochs=2").text
        #expect(out.contains("  trivial baseline (always 'benign'): dev_acc "), "\(out)")
    }
}
