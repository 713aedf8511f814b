import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// The data warnings as a user sees them: at `load`, at `split`, and again in `show data`.
@Suite struct DataWarningCommandTests {
    @Test func loadAndSplitWarnAndShowDataRepeatsBoth() throws {
        let t = try Transcript(echo: false)
        let rows = (0..<30).map { "\($0 % 7),1,\($0 % 2 == 0 ? "a" : "b")" } + ["0,1,a", "0,1,rare"]
        try DataCommandTests.write("x,k,y\n" + rows.joined(separator: "\n") + "\n", "w.csv", in: t)
        let loaded = DataCommandTests.run(t, "load \"w.csv\" target=y").text
        #expect(loaded.contains("warning: constant columns") == false)
        #expect(loaded.contains("warning: 1 constant column (one value in every row): k"), "\(loaded)")
        #expect(loaded.contains("rows repeat an earlier row"), "\(loaded)")
        #expect(loaded.contains("warning: classes with fewer than 5 rows: rare (1)"), "\(loaded)")
        let split = DataCommandTests.run(t, "split train=0.5 dev=0.25 test=0.25 seed=1").text
        #expect(split.contains("warning: dev has 8 rows: one binomial standard error on its accuracy at p=0.5 is ± 0.177"), "\(split)")
        let shown = DataCommandTests.run(t, "show data").text
        for line in loaded.split(separator: "\n") + split.split(separator: "\n") where line.hasPrefix("warning:") {
            #expect(shown.contains(line), "\(line) missing from \(shown)")
        }
    }

    @Test func aCleanLargeDatasetSaysNoWarning() throws {
        let t = try Transcript(echo: false)
        let out = DataCommandTests.run(t, "load breast-cancer; split train=0.6 dev=0.2 test=0.2 seed=1; show data").text
        #expect(!out.contains("warning:"), "\(out)")
    }
}
