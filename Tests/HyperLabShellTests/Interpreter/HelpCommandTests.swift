import Foundation
import Testing
@testable import HyperLabShell

/// `help COMMAND`: what each page promises matches what the command does.
@Suite struct HelpCommandTests {
    private func help(_ topic: String) throws -> String {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("help \(topic)") == .completed)
        return t.output.text
    }

    @Test(arguments: ["grid", "random", "sobol", "tpe", "bayes"])
    func onlySweepAroundListsNear(kind: String) throws {
        #expect(!(try help("sweep \(kind)")).contains("near("))
        #expect(try help("sweep around").contains("near(F)"))
    }

    @Test func resultsDocumentsItsTimingRule() throws {
        let page = try help("results")
        #expect(page.contains("HYPERLAB_TIMINGS=1"))
        #expect(page.contains("not in a replay transcript"))
    }

    @Test func aReplayedResultsTableHasNoSecondsColumnUnlessAsked() throws {
        let t = try Transcript(echo: false)
        try "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep random n=2 lr=log(1e-3, 1e-1) epochs=2 seed=1\nresults\n"
            .write(to: t.directory.appendingPathComponent("s.hlab"), atomically: true, encoding: .utf8)
        t.shell.options.interactive = true
        t.shell.options.showTimings = true     // a person at the terminal
        #expect(t.shell.run("replay \"s.hlab\"") == .completed)
        #expect(!t.output.text.contains("seconds"), "\(t.output.text)")
        #expect(t.shell.run("results") == .completed)   // typed: the table has its timing column
        #expect(t.output.text.contains("seconds"))
        t.shell.options.timingsInScripts = true         // HYPERLAB_TIMINGS=1
        let before = t.output.text.count
        #expect(t.shell.run("replay \"s.hlab\"") == .completed)
        #expect(String(t.output.text.dropFirst(before)).contains("seconds"))
    }
}
