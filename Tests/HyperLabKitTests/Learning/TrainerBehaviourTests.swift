import Synchronization
import Testing
@testable import HyperLabKit

/// Determinism, divergence, interruption, early stopping, `evaluate test`, predictions,
/// and the allocation-free training step.
@Suite struct TrainerBehaviourTests {
    static func smallProblem() -> (train: Partition, dev: Partition) {
        let (x, y) = LearningFixtures.moons(count: 200, noise: 0.15, seed: 2)
        return LearningFixtures.split(features: x, targets: .classes(y.map(Int32.init), classCount: 2), trainFraction: 0.7)
    }

    static func curves(_ run: TrainingRun) -> [[Double]] {
        ["train_loss", "train_acc", "dev_loss", "dev_acc"].map { run.curve($0) }
    }

    @Test func sameSeedSameCurvesBitForBit() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem()
        let config = LearningFixtures.configuration(["hidden": .integers([16, 8]), "dropout": .real(0.2),
                                                     "epochs": .integer(8), "seed": .integer(5)])
        let a = try Trainer(configuration: config).train(on: train, dev: dev)
        let b = try Trainer(configuration: config).train(on: train, dev: dev)
        #expect(TrainerBehaviourTests.curves(a).map { $0.map(\.bitPattern) } == TrainerBehaviourTests.curves(b).map { $0.map(\.bitPattern) })
        #expect(a.model.parameters == b.model.parameters)
        var other = config
        try other.set("seed", .integer(6), origin: .command("test"))
        let c = try Trainer(configuration: other).train(on: train, dev: dev)
        #expect(TrainerBehaviourTests.curves(c) != TrainerBehaviourTests.curves(a))
    }

    @Test func divergenceIsAFailedRun() throws {
        let (train, dev) = LearningFixtures.diabetes()
        let config = LearningFixtures.configuration(["optimizer": .word("sgd"), "lr": .real(10), "epochs": .integer(20)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        #expect(run.isFailed)
        guard case .diverged(let epoch) = run.outcome else { Issue.record("outcome \(run.outcome)"); return }
        #expect(run.outcome.description == "diverged at epoch \(epoch)")
        #expect(run.epochs.count == epoch - 1)
        #expect(run.epochs.allSatisfy { $0.trainLoss.isFinite })
    }

    /// An interruption that becomes requested on its `after`-th poll.
    final class CountingInterruption: Sendable {
        let polls = Atomic<Int>(0)
        let after: Int
        init(after: Int) { self.after = after }
        var interruption: Interruption {
            Interruption { self.polls.add(1, ordering: .relaxed).newValue >= self.after }
        }
    }

    @Test func interruptionStopsAfterTheCurrentMiniBatch() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem() // 140 rows: 5 batches of 32 (4 polls + 1 at epoch end)
        let config = LearningFixtures.configuration(["epochs": .integer(10)])
        let stop = CountingInterruption(after: 12) // epochs 1–2 poll 10 times; the 12th is after epoch 3's 2nd batch
        let run = try Trainer(configuration: config).train(on: train, dev: dev, interruption: stop.interruption)
        #expect(run.outcome == .interrupted(afterEpoch: 2))
        #expect(run.epochs.count == 2)
        #expect(run.metrics["epochs"] == 2)
        #expect(!run.isFailed)

        let session = try TrainingSession(configuration: config, train: train, dev: dev, backend: DeterministicGEMM())
        let pass = session.runEpoch(0, interruption: Interruption { true }) { _, _, _ in }
        guard case .interrupted = pass else { Issue.record("expected an interrupted pass"); return }
        #expect(session.optimizer.steps == 1)
    }

    @Test func patienceRestoresTheBestEpoch() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem()
        let config = LearningFixtures.configuration(["lr": .real(0.05), "epochs": .integer(200), "patience": .integer(3)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        guard case .stoppedEarly(let best) = run.outcome else { Issue.record("outcome \(run.outcome)"); return }
        #expect(run.reportedEpoch == best)
        #expect(run.epochs.count == best + 3)
        let bestAccuracy = run.curve("dev_acc").max()
        #expect(run.metrics["dev_acc"] == bestAccuracy)
        let rescored = try run.model.scores(on: dev)
        #expect(rescored.accuracy == run.epochs[best - 1].devAccuracy)
        #expect(rescored.loss == run.epochs[best - 1].devLoss)
    }

    @Test func progressReportsEveryEpoch() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem()
        let config = LearningFixtures.configuration(["epochs": .integer(4)])
        var ends: [TrainingProgress] = []
        _ = try Trainer(configuration: config).train(on: train, dev: dev) { p in
            if p.isEpochEnd { ends.append(p) }
        }
        #expect(ends.map(\.epoch) == [1, 2, 3, 4])
        #expect(ends.last?.fractionDone == 1)
        #expect(ends.allSatisfy { $0.devMetricName == "dev_acc" && $0.devMetric != nil && $0.epochs == 4 })
    }

    @Test func evaluateTestTrainsOnTrainAndDev() throws {
        let (x, y) = LearningFixtures.moons(count: 300, noise: 0.1, seed: 12)
        let (rest, test) = LearningFixtures.split(features: x, targets: .classes(y.map(Int32.init), classCount: 2), trainFraction: 0.8)
        let (train, dev) = LearningFixtures.split(features: (0..<rest.count).map { r in (0..<2).map { Double(rest.features[r, $0]) } },
                                                  targets: rest.targets, trainFraction: 0.75)
        let config = LearningFixtures.configuration(["hidden": .integers([32]), "lr": .real(0.01), "epochs": .integer(40),
                                                     "patience": .integer(2)])
        let joined = train.appending(dev)
        let evaluation = try Trainer(configuration: config).trainAndTest(on: joined, test: test)
        #expect(evaluation.trainedRows == train.count + dev.count, "every train and dev row once")
        #expect(evaluation.run.epochs.count == 40, "patience does not apply without dev")
        #expect(evaluation.run.epochs.allSatisfy { $0.devLoss == nil })
        #expect((evaluation.metrics["test_acc"] ?? 0) >= 0.9)
        #expect(evaluation.metrics["test_loss"] != nil && evaluation.metrics["dev_acc"] == nil)
    }

    @Test func predictionsOnAGrid() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem()
        let run = try Trainer(configuration: LearningFixtures.configuration(["epochs": .integer(5)])).train(on: train, dev: dev)
        var grid = Matrix(rows: 600, columns: 2) // more rows than one scratch pass
        for r in 0..<600 { grid[r, 0] = Float(r % 30) / 10 - 1.5; grid[r, 1] = Float(r / 30) / 10 - 1 }
        let p = run.model.probabilities(grid)
        #expect(p.rows == 600 && p.columns == 2)
        for r in 0..<600 { #expect(abs(p[r, 0] + p[r, 1] - 1) < 1e-5) }
        let classes = run.model.predictedClasses(grid)
        for r in 0..<600 { #expect(classes[r] == (p[r, 1] > p[r, 0] ? 1 : 0)) }
        let devAccuracy = zip(run.model.predictedClasses(dev.features), { () -> [Int32] in
            if case .classes(let l, _) = dev.targets { return l } else { return [] }
        }()).filter { $0 == Int($1) }.count
        #expect(Double(devAccuracy) / Double(dev.count) == run.metrics["dev_acc"])
    }

    @Test func trainingStepsCreateNoBuffers() throws {
        let (train, dev) = TrainerBehaviourTests.smallProblem()
        let config = LearningFixtures.configuration(["hidden": .integers([16, 16]), "dropout": .real(0.1), "epochs": .integer(4)])
        let session = try TrainingSession(configuration: config, train: train, dev: dev, backend: DeterministicGEMM())
        let buffers = session.ledger.buffers, bytes = session.ledger.bytes
        for epoch in 0..<4 {
            _ = session.runEpoch(epoch, interruption: .never) { _, _, _ in }
            if let data = session.dev { _ = session.network.scores(on: data, scaling: session.scaling) }
            session.saveCheckpoint()
        }
        #expect(session.ledger.buffers == buffers && session.ledger.bytes == bytes)
        #expect(session.optimizer.steps == 4 * 5)
    }

    @Test func unusableDataIsATypedError() {
        let (train, _) = TrainerBehaviourTests.smallProblem()
        let narrow = Partition(features: Matrix(rows: 2, columns: 1, storage: [0, 1]), targets: .classes([0, 1], classCount: 2))
        #expect(throws: TrainingError.self) { try Trainer(configuration: Configuration()).train(on: train, dev: narrow) }
        let empty = Partition(features: Matrix(rows: 0, columns: 2), targets: .classes([], classCount: 2))
        #expect(throws: TrainingError.self) { try Trainer(configuration: Configuration()).train(on: empty, dev: train) }
    }
}
