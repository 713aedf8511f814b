import Testing
@testable import HyperLabKit

/// A trained model's scores carry the further metrics, equal to those of its own probabilities.
@Suite struct ScoresTests {
    @Test func classificationScoresAgreeWithTheModelsProbabilities() throws {
        let (train, dev) = LearningFixtures.iris()
        let config = LearningFixtures.configuration(["hidden": .integers([8]), "epochs": .integer(5), "seed": .integer(1)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        let scores = try run.model.scores(on: dev)
        guard case .classes(let labels, let classes) = dev.targets else { Issue.record("not classes"); return }
        let p = run.model.probabilities(dev.features)
        let expected = ClassificationMetrics(labels: labels.map(Int.init), probabilities: p.storage.map(Double.init), classes: classes)
        #expect(abs((scores.f1 ?? -1) - expected.f1) < 1e-6)
        #expect(abs((scores.balancedAccuracy ?? -1) - expected.balancedAccuracy) < 1e-6)
        #expect(abs((scores.auc ?? -1) - (expected.auc ?? 0)) < 1e-6)
        #expect(abs((scores.logloss ?? -1) - scores.loss) < 1e-4)
        #expect(scores.accuracy == expected.accuracy)
        let metrics = run.metrics
        for name in MetricName.allDevMetrics(for: .classification) { #expect(metrics[name] != nil, "\(name)") }
        #expect(run.epochs.allSatisfy { $0.devF1 != nil && $0.devAUC != nil })
        let named = scores.metrics(prefix: "test")
        #expect(Set(named.keys) == ["test_loss", "test_acc", "test_balanced_acc", "test_f1", "test_auc", "test_logloss"])
    }

    @Test func regressionScoresCarryTheMeanAbsoluteError() throws {
        let (train, dev) = LearningFixtures.diabetes()
        let config = LearningFixtures.configuration(["model": .word("linear"), "epochs": .integer(5)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        let scores = try run.model.scores(on: dev)
        guard case .values(let targets) = dev.targets else { Issue.record("not values"); return }
        let predictions = run.model.outputs(dev.features).storage.map(Double.init)
        let expected = RegressionMetrics(targets: targets.map(Double.init), predictions: predictions)
        #expect(abs((scores.mae ?? -1) - expected.mae) < 1e-3)
        #expect(run.metrics["dev_mae"] != nil)
        #expect(Set(scores.metrics(prefix: "dev").keys) == ["dev_loss", "dev_rmse", "dev_mae", "dev_r2"])
    }

    @Test func trainMetricsScoreTheKeptModelOnEveryTrainRow() throws {
        let (train, dev) = LearningFixtures.iris()
        let config = LearningFixtures.configuration(["hidden": .integers([8]), "epochs": .integer(6), "seed": .integer(2),
                                                     "dropout": .real(0.3)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        guard case .classes(let labels, let classes) = train.targets else { Issue.record("not classes"); return }
        let p = run.model.probabilities(train.features)
        let expected = ClassificationMetrics(labels: labels.map(Int.init), probabilities: p.storage.map(Double.init), classes: classes)
        let metrics = run.metrics
        #expect(abs((metrics["train_f1"] ?? -1) - expected.f1) < 1e-6)
        #expect(abs((metrics["train_balanced_acc"] ?? -1) - expected.balancedAccuracy) < 1e-6)
        #expect(abs((metrics["train_auc"] ?? -1) - (expected.auc ?? 0)) < 1e-6)
        #expect(abs((metrics["train_logloss"] ?? -1) - expected.logloss) < 1e-4)
        // train_loss and train_acc stay the running means of the reported epoch (dropout on).
        #expect(metrics["train_acc"] == run.epochs.last?.trainAccuracy)
        #expect(metrics["train_loss"] == run.epochs.last?.trainLoss)
        #expect(metrics["train_mae"] == nil)
    }

    @Test func regressionTrainMetricIsTheMeanAbsoluteError() throws {
        let (train, dev) = LearningFixtures.diabetes()
        let config = LearningFixtures.configuration(["model": .word("linear"), "epochs": .integer(4)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        guard case .values(let targets) = train.targets else { Issue.record("not values"); return }
        let predictions = run.model.outputs(train.features).storage.map(Double.init)
        let expected = RegressionMetrics(targets: targets.map(Double.init), predictions: predictions)
        #expect(abs((run.metrics["train_mae"] ?? -1) - expected.mae) < 1e-3)
        #expect(run.metrics["train_f1"] == nil)
        #expect(MetricName.furtherTrainMetricNames == ["train_balanced_acc", "train_f1", "train_auc", "train_logloss", "train_mae"])
    }

    @Test func everyFurtherMetricHasItsDirection() {
        for name in ["dev_balanced_acc", "dev_f1", "dev_auc", "test_auc", "dev_acc", "dev_r2", "train_f1", "train_auc"] {
            #expect(MetricName.direction(of: name) == .maximize, "\(name)")
        }
        for name in ["dev_logloss", "dev_mae", "dev_rmse", "dev_loss", "test_logloss", "train_logloss", "train_mae"] {
            #expect(MetricName.direction(of: name) == .minimize, "\(name)")
        }
    }
}
