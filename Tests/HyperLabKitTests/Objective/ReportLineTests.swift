import Testing
@testable import HyperLabKit

@Suite struct ReportLineTests {
    @Test func readsIntermediateAndFinalReports() {
        #expect(ReportLine("hyperlab: epoch=3 dev_acc=0.91") == .intermediate(step: 3, metrics: ["dev_acc": 0.91]))
        #expect(ReportLine("hyperlab: dev_acc=0.93 dev_loss=0.2") == .final(["dev_acc": 0.93, "dev_loss": 0.2]))
        #expect(ReportLine("hyperlab:dev_loss=1e-3\t val.rmse=2\r") == .final(["dev_loss": 0.001, "val.rmse": 2]))
        #expect(ReportLine("hyperlab: epoch=0") == .intermediate(step: 0, metrics: [:]))
    }

    @Test func otherLinesAreOutput() {
        #expect(ReportLine("Epoch 3: dev_acc=0.91") == .output)
        #expect(ReportLine("  hyperlab: dev_acc=0.9") == .output)
        #expect(ReportLine("") == .output)
    }

    @Test func malformedReportsSayWhy() {
        #expect(ReportLine("hyperlab: dev_acc=high") == .unreadable("dev_acc=high is not NAME=NUMBER"))
        #expect(ReportLine("hyperlab: epoch=1.5 dev_acc=0.9") == .unreadable("epoch=1.5 is not a whole number of 0 or more"))
        #expect(ReportLine("hyperlab: 3x=1") == .unreadable("3x is not a metric name"))
        #expect(ReportLine("hyperlab:") == .unreadable("the line reports no metric"))
    }
}
