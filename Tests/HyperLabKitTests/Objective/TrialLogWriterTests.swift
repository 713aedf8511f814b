import Foundation
import Testing
@testable import HyperLabKit

/// A trial's log stays within its limit, keeping its header and its newest output.
@Suite struct TrialLogWriterTests {
    @Test func aLongLogKeepsItsHeaderAndItsTailWithinTheLimit() throws {
        let fixture = CommandFixture()
        let path = fixture.file("logs/trial-0000.log")
        let writer = try TrialLogWriter(path: path, header: ["# trial 0", "$ train"], limit: 2_000)
        for i in 1...5_000 {
            writer.write("line \(i)")
            let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(size <= 2_000, "the log holds \(size) bytes after line \(i)")
        }
        writer.close()
        let text = try #require(fixture.read("logs/trial-0000.log"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# trial 0" && lines[1] == "$ train")
        #expect(lines[2].hasPrefix("# … ") && lines[2].hasSuffix("bytes of earlier output cut: a trial's log keeps at most 2000 bytes"))
        #expect(lines.last == "line 5000")
        // The kept output is whole lines, in order, up to the last one.
        let kept = lines.dropFirst(3).map { Int($0.dropFirst(5)) }
        #expect(kept.allSatisfy { $0 != nil })
        #expect(kept.compactMap { $0 } == Array((5_001 - kept.count)...5_000))
        #expect(kept.count > 50)
        // The note counts exactly the output bytes that were cut.
        let total = (1...5_000).map { "line \($0)\n".utf8.count }.reduce(0, +)
        let keptBytes = lines.dropFirst(3).map { $0.utf8.count + 1 }.reduce(0, +)
        #expect(lines[2].hasPrefix("# … \(total - keptBytes) bytes"))
    }

    @Test func aLineLongerThanTheLimitKeepsItsEnd() throws {
        let fixture = CommandFixture()
        let path = fixture.file("trial-0001.log")
        let writer = try TrialLogWriter(path: path, header: ["# trial 1"], limit: 1_000)
        writer.write("first")
        writer.write(String(repeating: "x", count: 50_000) + "END")
        writer.write("after")
        writer.close()
        let text = try #require(fixture.read("trial-0001.log"))
        #expect(text.utf8.count <= 1_000)
        #expect(text.hasPrefix("# trial 1\n# … "))
        #expect(text.hasSuffix("xxxEND\nafter\n"))
        #expect(!text.contains("first"))
    }

    @Test func aCommandThatFloodsItsOutputKeepsASmallLogAndItsResult() throws {
        let fixture = CommandFixture()
        let objective = try ExternalCommandObjective(
            template: CommandTemplate("seq 1 200000; echo 'hyperlab: dev_acc=0.5'"), metric: "dev_acc", direction: .maximize,
            workingDirectory: fixture.path, logFolder: fixture.file("logs"), logLimit: 4_096)
        #expect(objective.logLimit == 4_096)
        let outcome = try objective.evaluate(ReportRecorder().context(number: 3, parameters: TrialParameters([])))
        #expect(outcome.value == 0.5)
        let path = fixture.file("logs/trial-0003.log")
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size <= 4_096)
        let tail = try #require(TrialLog.tail(path: path, lines: 3))
        #expect(tail[0] == "200000" && tail[1] == "hyperlab: dev_acc=0.5" && tail[2].hasPrefix("# exited with status 0"))
        #expect(TrialLog.defaultLimit == 10_000_000)
    }
}
