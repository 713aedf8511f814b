import Testing
@testable import HyperLabKit

/// One table of known metric names with their directions (`MetricName.direction(of:)`).
@Suite struct MetricNameTests {
    @Test(arguments: ["acc", "dev_acc", "accuracy", "val_accuracy", "balanced_acc", "dev_balanced_acc", "f1", "test_f1",
                      "auc", "dev_auc", "r2", "dev_r2", "precision", "recall", "score", "reward", "Accuracy"])
    func higherIsBetter(_ name: String) {
        #expect(MetricName.direction(of: name) == .maximize)
        #expect(MetricName.isHigherBetter(name))
    }

    @Test(arguments: ["loss", "dev_loss", "rmse", "dev_rmse", "mae", "logloss", "dev_logloss", "error", "regret",
                      "seconds", "parameters", "val_loss"])
    func lowerIsBetter(_ name: String) {
        #expect(MetricName.direction(of: name) == .minimize)
        #expect(!MetricName.isHigherBetter(name))
    }

    @Test(arguments: ["wobble", "dev_wobble", "accx", "epochs"])
    func unknownNamesHaveNoDirection(_ name: String) {
        #expect(MetricName.direction(of: name) == nil)
    }
}
