import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `show confusion [part=dev|test]`: the last run's model against the true classes.
@Suite struct ConfusionCommandTests {
    static let setup = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[8]; set epochs=5; train"

    /// The cells of the matrix rows (class name first), whitespace collapsed.
    static func matrixRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .filter { ["setosa", "versicolor", "virginica"].contains($0.first ?? "") }
    }

    @Test func devMatrixAddsUpToTheDevPartAndIsNotALook() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup)
        let out = DataCommandTests.run(t, "show confusion").text
        #expect(out.contains("run 1 on dev (30 rows): rows are the true classes, columns the predictions"), "\(out)")
        let rows = Self.matrixRows(out)
        #expect(rows.count == 3, "\(out)")
        let cells: [Int] = rows.flatMap { row -> [Int] in row[1...3].compactMap { Int($0) } }
        #expect(cells.reduce(0, +) == 30, "\(out)")
        #expect(!out.contains("test set looks"))
        let looks = DataCommandTests.run(t, "show looks").text
        #expect(!looks.contains("   1  "), "\(looks)")
    }

    @Test func testMatrixCountsAsALook() throws {
        let t = try Transcript(echo: false)
        _ = DataCommandTests.run(t, Self.setup)
        let first = DataCommandTests.run(t, "show confusion part=test").text
        #expect(first.contains("run 1 on test (30 rows)"), "\(first)")
        #expect(first.contains("test set looks: 1."), "\(first)")
        let second = DataCommandTests.run(t, "show confusion part=test").text
        #expect(second.contains("warning: this is look 2 at the test set of iris"), "\(second)")
    }

    @Test func refusesWithoutClassesOrARun() throws {
        let t = try Transcript(echo: false)
        let (noRun, text) = DataCommandTests.run(t, "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; show confusion")
        #expect(noRun == .failed)
        #expect(text.contains("error: no run on this split yet"), "\(text)")
        let (regression, why) = DataCommandTests.run(t, "load diabetes; show confusion")
        #expect(regression == .failed)
        #expect(why.contains("a confusion matrix needs classes"), "\(why)")
    }
}
