import Testing
@testable import HyperLabKit

/// The engine learns what it should: iris with the defaults, digits, moons, diabetes (as well
/// as the closed-form least-squares fit), and XOR with an MLP but not with a linear model.
@Suite struct TrainerLearningTests {
    @Test func irisWithDefaults() throws {
        let (train, dev) = LearningFixtures.iris()
        let run = try Trainer(configuration: Configuration()).train(on: train, dev: dev)
        #expect(run.outcome == .completed)
        #expect(run.epochs.count == Configuration().epochs)
        let accuracy = try #require(run.metrics["dev_acc"])
        #expect(accuracy >= 0.93, "iris dev_acc \(accuracy)")
    }

    @Test func digitsMLP() throws {
        let (train, dev) = LearningFixtures.digits()
        let config = LearningFixtures.configuration(["hidden": .integers([64]), "epochs": .integer(20)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        let accuracy = try #require(run.metrics["dev_acc"])
        #expect(accuracy >= 0.95, "digits dev_acc \(accuracy)")
        #expect(run.curve("train_loss").last! < run.curve("train_loss").first!)
    }

    @Test func moonsMLP() throws {
        let (x, y) = LearningFixtures.moons(count: 500, noise: 0.1, seed: 4)
        let (train, dev) = LearningFixtures.split(features: x, targets: .classes(y.map(Int32.init), classCount: 2),
                                                  trainFraction: 0.7)
        let config = LearningFixtures.configuration(["hidden": .integers([32, 32]), "lr": .real(0.01), "epochs": .integer(60)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        let accuracy = try #require(run.metrics["dev_acc"])
        #expect(accuracy >= 0.95, "moons dev_acc \(accuracy)")
    }

    @Test func xorNeedsAHiddenLayer() throws {
        let (x, y) = LearningFixtures.xor(count: 400, seed: 8)
        let (train, dev) = LearningFixtures.split(features: x, targets: .classes(y.map(Int32.init), classCount: 2),
                                                  trainFraction: 0.7)
        let linear = LearningFixtures.configuration(["model": .word("linear"), "lr": .real(0.01), "epochs": .integer(60)])
        let mlp = LearningFixtures.configuration(["hidden": .integers([16]), "activation": .word("tanh"),
                                                  "lr": .real(0.01), "epochs": .integer(60)])
        let linearAccuracy = try #require(try Trainer(configuration: linear).train(on: train, dev: dev).metrics["dev_acc"])
        let mlpAccuracy = try #require(try Trainer(configuration: mlp).train(on: train, dev: dev).metrics["dev_acc"])
        #expect(linearAccuracy < 0.7, "linear on XOR: \(linearAccuracy)")
        #expect(mlpAccuracy >= 0.9, "MLP on XOR: \(mlpAccuracy)")
    }

    /// Least squares with an intercept by the normal equations (Gaussian elimination in Double).
    static func leastSquaresR2(train: Partition, dev: Partition) -> Double {
        guard case .values(let y) = train.targets, case .values(let yDev) = dev.targets else { return .nan }
        let d = train.featureCount + 1
        func row(_ m: Matrix, _ r: Int) -> [Double] { [1] + (0..<m.columns).map { Double(m[r, $0]) } }
        var a = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d)
        for r in 0..<train.count {
            let x = row(train.features, r)
            for i in 0..<d {
                for j in 0..<d { a[i][j] += x[i] * x[j] }
                a[i][d] += x[i] * Double(y[r])
            }
        }
        for c in 0..<d {
            let pivot = (c..<d).max { abs(a[$0][c]) < abs(a[$1][c]) } ?? c
            a.swapAt(c, pivot)
            for r in 0..<d where r != c {
                let f = a[r][c] / a[c][c]
                for k in c...d { a[r][k] -= f * a[c][k] }
            }
        }
        let w = (0..<d).map { a[$0][d] / a[$0][$0] }
        let mean = yDev.reduce(0.0) { $0 + Double($1) } / Double(yDev.count)
        var residual = 0.0, total = 0.0
        for r in 0..<dev.count {
            let x = row(dev.features, r)
            let prediction = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 }
            residual += (prediction - Double(yDev[r])) * (prediction - Double(yDev[r]))
            total += (Double(yDev[r]) - mean) * (Double(yDev[r]) - mean)
        }
        return 1 - residual / total
    }

    @Test func diabetesLinearMatchesLeastSquares() throws {
        let (train, dev) = LearningFixtures.diabetes()
        let config = LearningFixtures.configuration(["model": .word("linear"), "lr": .real(0.01), "epochs": .integer(150)])
        let run = try Trainer(configuration: config).train(on: train, dev: dev)
        let r2 = try #require(run.metrics["dev_r2"])
        let exact = TrainerLearningTests.leastSquaresR2(train: train, dev: dev)
        #expect(exact > 0.3, "closed form R² \(exact)")
        #expect(abs(r2 - exact) <= 0.01, "trained R² \(r2), closed form \(exact)")
        // RMSE and R² are in the target's units and agree with each other.
        let rmse = try #require(run.metrics["dev_rmse"])
        #expect(rmse > 30 && rmse < 80, "diabetes dev_rmse \(rmse) in target units")
        let predictions = run.model.predictedValues(dev.features)
        guard case .values(let y) = dev.targets else { return }
        let mse = zip(predictions, y).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) } / Double(y.count)
        #expect(abs(mse.squareRoot() - rmse) < 1e-3 * rmse)
    }
}
