import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `help COMMAND`: what each page promises matches what the command does.
@Suite struct HelpCommandTests {
    private func help(_ topic: String) throws -> String {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("help \(topic)") == .completed)
        return t.output.text
    }

    @Test(arguments: ["grid", "random", "sobol", "tpe", "bayes", "cmaes"])
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

    /// The rows of a help page's options table whose key is `key`.
    private func rows(_ page: String, key: String) -> [Substring] {
        page.split(separator: "\n").filter { $0.hasPrefix("  \(key) ") && $0.contains("whole number") }
    }

    @Test(arguments: ["grid", "random", "sobol", "tpe", "bayes", "cmaes", "around"])
    func aSweepPageHasOneSeedRowAndNamesTheTrainingSeedApart(kind: String) throws {
        let page = try help("sweep \(kind)")
        #expect(rows(page, key: "seed").count == 1, "\(page)")
        #expect(rows(page, key: "seed").first?.contains("sampler") == true)
        #expect(page.contains("train_seed"))
    }

    @Test func trainSeedIsTheTrainingSeedOutsideSweepsAndSeedStillWorks() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("set train_seed=5") == .completed)
        #expect(t.shell.workbench.configuration.seed == 5)
        #expect(t.shell.run("set seed=6") == .completed)          // the old spelling
        #expect(t.shell.workbench.configuration.seed == 6)
        #expect(t.shell.run("load iris; split train=0.6 dev=0.2 test=0.2; train epochs=1 train_seed=2") == .completed)
        #expect(t.shell.run("train epochs=1 seed=3") == .completed)
    }

    @Test func aSweepGivenTrainSeedSaysWhereTrialSeedsComeFrom() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("load iris; split train=0.6 dev=0.2 test=0.2") == .completed)
        #expect(t.shell.run("sweep random n=2 lr=log(1e-3, 1e-1) epochs=1 train_seed=3") != .completed)
        #expect(t.output.text.contains("from seed= and the trial number"), "\(t.output.text)")
        #expect(t.output.text.contains("^"))
    }

    /// The help page of `topic` on a console `width` columns wide, as lines.
    private func help(_ topic: String, width: Int) -> [String] {
        let capture = CapturedOutput()
        let shell = Shell(console: capture.console(traits: ConsoleTraits(isTerminal: true, color: false, width: width, unicode: true)),
                          options: ShellOptions())
        #expect(shell.run("help \(topic)") == .completed)
        return capture.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [60, 80, 122])
    func helpPagesFitTheTerminal(width: Int) throws {
        for topic in ["", "sweep", "sweep grid", "sweep tpe", "set", "load", "results", "objective"] {
            // An example stays whole on one line, so it can be copied.
            let lines = help(topic, width: width)
            for (index, line) in lines.enumerated() where index == 0 || lines[index - 1] != "example" {
                #expect(line.displayWidth <= width, "help \(topic) at \(width) columns: \(line)")
            }
        }
    }

    @Test func helpSweepIsOnePageForEveryKindWithTheirOwnSettingsUnderEachKind() throws {
        let page = help("sweep", width: 122)
        #expect(page.count < 70, "\(page.count) lines")
        #expect(page.first?.hasPrefix("sweep " + SamplerKind.allCases.map(\.rawValue).joined(separator: "|")) == true)
        #expect(!page.contains { $0.hasPrefix("  force ") }, "grid's own setting is on help sweep grid")
        #expect(!page.contains { $0.contains("a number in (0, 10]") }, "each key's range is on help sweep KIND")
        #expect(page.contains { $0.contains("help sweep KIND") })
        #expect(help("sweep grid", width: 122).contains { $0.hasPrefix("  force ") })
        #expect(!help("sweep random", width: 122).contains { $0.hasPrefix("  force ") })
    }

    @Test func helpTablesWrapTheirTextInsteadOfCuttingIt() throws {
        let page = help("sweep random", width: 80).joined(separator: "\n")
        #expect(!page.contains("…"), "\(page)")
        #expect(page.contains("processes"))      // the end of the workers row
    }
}
