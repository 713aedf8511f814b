import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `save results` as JSON keeps every trial even when an epoch's value is not a number JSON can
/// hold: that value is null (it was "{}", a file without its trials, reported as saved).
@Suite struct ResultsFileTests {
    @Test func aNonFiniteEpochValueIsNullAndTheTrialsStay() throws {
        let space = try SearchSpace([("lr", try Distribution.log(1e-4, 1))])
        let trials = [
            Trial(number: 0, parameters: TrialParameters([("lr", .real(0.01))]), state: .complete,
                  intermediateValues: [1: 40.5, 2: 31.25], value: 31.25, metrics: ["dev_rmse": 31.25]),
            Trial(number: 1, parameters: TrialParameters([("lr", .real(0.9))]), state: .failed, failure: "diverged at epoch 3",
                  intermediateValues: [1: 80, 2: .infinity]),
        ]
        let sweep = SweepRecord(number: 1, name: "sweep 1", sampler: "random", space: space, base: Configuration(),
                                metric: "dev_rmse", direction: .minimize, seed: 0, repeats: 1, prune: "none",
                                trials: trials, stoppedEarly: false, datasetName: "diabetes")
        let text = try #require(ResultsFile.json(sweep))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let saved = try #require(document["trials"] as? [[String: Any]])
        #expect(saved.count == 2)
        let curve = try #require((saved[1]["per_epoch"] as? [String: Any])?["dev_rmse"] as? [[String: Any]])
        #expect(curve.map { $0["epoch"] as? Int } == [1, 2])
        #expect(curve[0]["value"] as? Double == 80)
        #expect(curve[1]["value"] is NSNull)
    }
}
