import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `evaluate test` trains on train ∪ dev, every row once: checked through the row count it
/// prints and through a mean predictor, whose test_rmse reveals which rows it was trained on.
@Suite struct EvaluateTestCommandTests {
    /// A regression CSV of `rows` rows with a constant feature (standardized to 0, so a linear
    /// model predicts its bias, the mean of the targets it was trained on) and targets `y(row)`.
    static let rows = 40
    static func writeConstantFeatureCSV(in directory: URL, y: (Int) -> Double = { _ in 0 }) throws {
        let lines = ["c,y"] + (0..<rows).map { "1,\(y($0))" }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("constant.csv"),
                                                         atomically: true, encoding: .utf8)
    }

    /// The test_rmse of a predictor of the mean of `trained` rows (with repeats) on rows of target 0.
    static func rmse(trained: [Int], y: (Int) -> Double) -> Double {
        abs(trained.map(y).reduce(0, +) / Double(trained.count))
    }

    /// The number printed after `name ` in `text`.
    static func number(after name: String, in text: String) -> Double? {
        guard let range = text.range(of: name + " ") else { return nil }
        return Double(text[range.upperBound...].prefix { !$0.isWhitespace && $0 != "·" && $0 != "," })
    }

    /// A shell with constant-feature data split by `split` (which does not depend on the targets
    /// of a regression), then loaded again with `y` as targets and split alike, and a mean
    /// predictor configured.
    static func meanPredictor(split: String, y: @escaping (Workbench) -> (Int) -> Double) throws -> Transcript {
        let t = try Transcript(echo: false)
        try writeConstantFeatureCSV(in: t.directory)
        t.type("load \"constant.csv\" target=y task=regression\n" + split)
        try writeConstantFeatureCSV(in: t.directory, y: y(t.shell.workbench))
        t.type("load \"constant.csv\" target=y task=regression\n" + split + "\nmodel linear\noptimizer sgd lr=1e-9\nset epochs=1")
        return t
    }

    @Test func aFixedSplitTrainsOnTrainAndDevOnce() throws {
        // Dev rows have target 100, every other row 0: test_rmse is the mean the model learnt.
        let t = try Self.meanPredictor(split: "split train=0.5 dev=0.25 test=0.25 seed=3") { bench in
            let dev = Set(bench.partitioning?.holdout?.devIndices ?? [])
            return { dev.contains($0) ? 100 : 0 }
        }
        let split = try #require(t.shell.workbench.partitioning?.holdout)
        let y = { (row: Int) in split.devIndices.contains(row) ? 100.0 : 0 }
        let before = t.output.text.count
        #expect(t.shell.run("evaluate test") == .completed)
        let out = String(t.output.text.dropFirst(before))
        let once = split.trainIndices + split.devIndices
        #expect(out.contains("trained on train+dev: \(once.count) rows"), "\(out)")
        let printed = try #require(Self.number(after: "test_rmse", in: out))
        let expected = Self.rmse(trained: once, y: y)
        #expect(abs(printed - expected) / expected < 0.005, "test_rmse \(printed), a mean over train ∪ dev gives \(expected)")
    }

    @Test func crossValidationTrainsOnEveryDevelopmentRowOnce() throws {
        // Fold 0's rows have target 100, every other row 0.
        let t = try Self.meanPredictor(split: "split cv=4 test=0.25 seed=3") { bench in
            let fold = Set(bench.partitioning?.crossValidation?.foldIndices[0] ?? [])
            return { fold.contains($0) ? 100 : 0 }
        }
        let cv = try #require(t.shell.workbench.partitioning?.crossValidation)
        let y = { (row: Int) in cv.foldIndices[0].contains(row) ? 100.0 : 0 }
        let before = t.output.text.count
        #expect(t.shell.run("evaluate test") == .completed)
        let out = String(t.output.text.dropFirst(before))
        let once = cv.developmentIndices
        #expect(out.contains("trained on train+dev: \(once.count) rows"), "\(out)")
        let printed = try #require(Self.number(after: "test_rmse", in: out))
        let expected = Self.rmse(trained: once, y: y)
        #expect(abs(printed - expected) / expected < 0.005, "test_rmse \(printed), a mean over the development rows gives \(expected)")
    }

    @Test func trainOptionsSayTheyLeaveTheConfigurationAsItIs() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel linear\nset epochs=7")
        let before = t.output.text.count
        #expect(t.shell.run("train epochs=3 seed=5") == .completed)
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("epochs=3 seed=5 applied to run 1 only; the configuration keeps epochs=7 seed=0 (set changes it)"),
                "\(out)")
        #expect(t.shell.workbench.configuration.epochs == 7)
        let same = t.output.text.count
        #expect(t.shell.run("train epochs=7") == .completed)
        #expect(!String(t.output.text.dropFirst(same)).contains("only"), "an option equal to the configuration needs no note")
        let test = t.output.text.count
        #expect(t.shell.run("evaluate test") == .completed)
        #expect(String(t.output.text.dropFirst(test)).contains("7 epochs"))
    }
}
