import Foundation
import Testing
@testable import HyperLabShell

/// `plot boundary` draws a model of the two features alone, and says so when the model had more inputs.
@Suite struct PlotBoundaryCommandTests {
    @Test func aModelWithMissingIndicatorsIsRefusedWithTheReason() throws {
        let t = try Transcript(echo: false)
        let rows = (0..<60).map { r in "\(r % 9 == 0 ? "" : String(Double(r) / 10)),\(r * 7 % 13),\(r % 2 == 0 ? "a" : "b")" }
        try DataCommandTests.write("x1,x2,y\n" + rows.joined(separator: "\n") + "\n", "two.csv", in: t)
        _ = DataCommandTests.run(t, "load \"two.csv\" target=y missing=mean missing_indicators=yes")
        _ = DataCommandTests.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1; train epochs=2")
        let (outcome, out) = DataCommandTests.run(t, "plot boundary")
        #expect(outcome == .failed)
        #expect(out.contains("error: run 1 has 3 inputs, the 2 features and missing indicators"), "\(out)")
        #expect(out.contains("hint: load without missing_indicators=yes"), "\(out)")
        _ = DataCommandTests.run(t, "load \"two.csv\" target=y missing=mean; split train=0.6 dev=0.2 test=0.2 seed=1; train epochs=2")
        #expect(DataCommandTests.run(t, "plot boundary").outcome == .completed)
    }
}
