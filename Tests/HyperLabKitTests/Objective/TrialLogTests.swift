import Testing
@testable import HyperLabKit

@Suite struct TrialLogTests {
    @Test func pathsArePaddedPerTrial() {
        #expect(TrialLog.path(folder: "logs", trial: 7) == "logs/trial-0007.log")
        #expect(TrialLog.path(folder: "logs/a", trial: 12345) == "logs/a/trial-12345.log")
    }

    @Test func tailGivesTheLastLines() {
        let folder = TemporaryFolder()
        let short = folder.write("short.log", "one\ntwo\nthree\n")
        #expect(TrialLog.tail(path: short, lines: 2) == ["two", "three"])
        #expect(TrialLog.tail(path: short, lines: 10) == ["one", "two", "three"])
        let open = folder.write("open.log", "one\ntwo")
        #expect(TrialLog.tail(path: open, lines: 1) == ["two"])
        let long = folder.write("long.log", (0..<20_000).map { "line \($0)" }.joined(separator: "\n") + "\n")
        #expect(TrialLog.tail(path: long, lines: 3) == ["line 19997", "line 19998", "line 19999"])
        #expect(TrialLog.tail(path: long, lines: 20_000)?.first == "line 0")
        #expect(TrialLog.tail(path: folder.path + "/missing.log", lines: 3) == nil)
    }
}
