import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `save predictions "FILE.csv" [part=dev|test]`.
@Suite struct SavePredictionsCommandTests {
    static func read(_ name: String, in t: Transcript) throws -> [String] {
        try String(contentsOf: t.directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func devPredictionsHaveOneRowPerDevRowAndProbabilitiesThatAddUp() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, ConfusionCommandTests.setup + "; save predictions \"dev.csv\"").text
        #expect(out.contains("saved run 1's predictions on 30 dev rows to dev.csv"), "\(out)")
        #expect(!out.contains("test set looks"))
        let lines = try Self.read("dev.csv", in: t)
        #expect(lines.first == "row,true,predicted,p_setosa,p_versicolor,p_virginica")
        #expect(lines.count == 31)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let p = cells[3...].compactMap(Double.init)
            #expect(p.count == 3 && abs(p.reduce(0, +) - 1) < 1e-5, "\(line)")
            let best = ["setosa", "versicolor", "virginica"][p.firstIndex(of: p.max() ?? 0) ?? 0]
            #expect(cells[2] == best, "\(line)")
        }
    }

    @Test func testPredictionsCountAsALookAndRegressionHasThreeColumns() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, ConfusionCommandTests.setup + "; save predictions \"test.csv\" part=test").text
        #expect(out.contains("test set looks: 1."), "\(out)")
        #expect(try Self.read("test.csv", in: t).count == 31)
        _ = DataCommandTests.run(t, "load diabetes; split train=0.6 dev=0.2 test=0.2 seed=1; model linear; train epochs=2")
        _ = DataCommandTests.run(t, "save predictions \"reg.csv\"")
        let lines = try Self.read("reg.csv", in: t)
        #expect(lines.first == "row,true,predicted")
        #expect(lines.count == 90)
    }

    @Test func aFileThatIsNotCSVIsRefusedAndNothingIsCounted() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, ConfusionCommandTests.setup)
        let (outcome, out) = DataCommandTests.run(t, "save predictions \"p.txt\" part=test")
        #expect(outcome == .failed, "\(out)")
        let looks = DataCommandTests.run(t, "show looks").text
        #expect(!looks.contains("   1  "), "\(looks)")
    }
}
