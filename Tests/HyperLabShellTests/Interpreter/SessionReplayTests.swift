import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Save then replay reproduces the same workbench and the same output.
@Suite struct SessionReplayTests {
    @Test func savedSessionReplaysToTheSameStateAndOutput() throws {
        let original = try Transcript(echo: false)
        let commands = """
        load iris
        show data
        split train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes
        model mlp hidden=[32, 16] activation=tanh
        optimizer adamw lr=0.003 weight_decay=0.01
        schedule step step=5 gamma=0.5
        set epochs=12 batch=16
        """
        original.type(commands)
        let firstOutput = original.output.text
        original.type("save session first")
        let saved = try String(contentsOf: original.directory.appendingPathComponent("sessions/first.hlab"), encoding: .utf8)
        #expect(saved.hasPrefix("# HyperLab session first\n# saved 2027-01-01 00:00 UTC by hyperlab"))

        // A new shell in the same folder replays the file, as `hyperlab sessions/first.hlab` does.
        let capture = CapturedOutput()
        let replayed = Shell(console: capture.console(), options: original.shell.options)
        #expect(replayed.run(saved, source: "sessions/first.hlab") == .completed)

        #expect(replayed.workbench.configuration == original.shell.workbench.configuration)
        #expect(replayed.workbench.dataset == original.shell.workbench.dataset)
        #expect(replayed.workbench.partitioning?.holdout?.trainIndices == original.shell.workbench.partitioning?.holdout?.trainIndices)
        #expect(replayed.workbench.partitioning?.holdout?.devIndices == original.shell.workbench.partitioning?.holdout?.devIndices)
        #expect(replayed.workbench.partitioning?.holdout?.train == original.shell.workbench.partitioning?.holdout?.train)
        #expect(replayed.recorded == original.shell.recorded)

        // The state-changing commands print the same lines on replay as they did the first time.
        let first = Transcript.outputs(of: firstOutput, excluding: ["show data"])
        #expect(capture.text == first)
    }

    @Test func replayingTwiceGivesByteIdenticalOutput() throws {
        let script = "load moons n=120 noise=0.2 seed=4\nsplit train=0.5 dev=0.25 test=0.25 seed=2\nshow data\n"
        let a = try Transcript().type(script)
        let b = try Transcript().type(script)
        #expect(a == b)
    }
}

extension Transcript {
    /// The output of a non-echoed run with the output of the listed read-only commands removed
    /// (they are not recorded, so a replay does not print them). Works on the `show data` block,
    /// which ends at its "split:" line.
    static func outputs(of text: String, excluding: [String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if excluding.contains("show data"), let start = lines.firstIndex(where: { $0.hasPrefix("iris (built-in)") }),
           let end = lines[start...].firstIndex(where: { $0.hasPrefix("split: ") }) {
            lines.removeSubrange(start...end)
        }
        return lines.joined(separator: "\n")
    }

    @Test func aChainOfScriptsReplayingTheNextStopsAtTheDepthLimit() throws {
        let t = try Transcript(echo: false)
        let chain = 1_500
        for k in 0..<chain {
            let next = k + 1 < chain ? "replay \"chain-\(k + 1).hlab\"\n" : "say \"the end\"\n"
            try next.write(to: t.directory.appendingPathComponent("chain-\(k).hlab"), atomically: true, encoding: .utf8)
        }
        #expect(t.shell.run("replay \"chain-0.hlab\"") == .failed)
        #expect(t.output.text.contains("replays nest at most \(Shell.maximumReplayDepth) deep"), "\(t.output.text.prefix(600))")
        #expect(!t.output.text.contains("the end"))
        #expect(t.shell.replayStack.isEmpty)
        #expect(t.shell.run("say \"still here\"") == .completed)
    }
}
