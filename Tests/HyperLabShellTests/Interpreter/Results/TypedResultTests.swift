import Testing
@testable import HyperLabShell

/// The handlers' typed results: what a command found, checked as data, and printed by the
/// dispatcher exactly as its output renders.
@Suite struct TypedResultTests {
    /// A shell with moons loaded, split, and a grid sweep of three learning rates run.
    static func swept() throws -> Transcript {
        let t = try Transcript(echo: false)
        t.type("load moons n=60 noise=0.25 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=2\nmodel mlp hidden=[4]\n"
               + "sweep grid lr=[0.01, 0.1, 0.3] epochs=3")
        return t
    }

    /// `text` bound as a command.
    static func bound(_ text: String) throws -> BoundCommand {
        try Binder.bind(try Parser.parse(text)[0])
    }

    /// What the shell prints for `text`.
    static func printed(_ t: Transcript, _ text: String) -> String {
        let before = t.output.text.count
        _ = t.shell.run(text)
        return String(t.output.text.dropFirst(before))
    }

    @Test func resultsListsTheSweepsTrialsBestFirstUnderTop() throws {
        let t = try Self.swept()
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let listing = try t.shell.results(Self.bound("results top=2"), t.shell.workbench)
        #expect(listing.matched == 3)
        #expect(listing.trials.count == 2)
        #expect(listing.keys == ["lr"])
        #expect(listing.metrics.first == "dev_acc")
        let best = try #require(sweep.best)
        #expect(listing.trials.first?.number == best.number, "top= sorts by the sweep's metric")
        let table = listing.table(width: 200, timings: false)
        #expect(table.rows.map { $0[0] } == listing.trials.map { String($0.number) })
        #expect(table.notes.first == "2 of 3 trials shown (the best 2 by dev_acc)")
        #expect(Self.printed(t, "results top=2") == listing.output.plainText)
    }

    @Test func resultsFiltersByState() throws {
        let t = try Self.swept()
        let all = try t.shell.results(Self.bound("results"), t.shell.workbench)
        #expect(all.trials.map(\.number) == [0, 1, 2])
        #expect(all.matched == 3)
        let failed = try t.shell.results(Self.bound("results state=failed"), t.shell.workbench)
        #expect(failed.trials.allSatisfy { $0.stateWord == "failed" })
    }

    @Test func bestReportsTheBestTrialAgainstTheCurrentConfiguration() throws {
        let t = try Self.swept()
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let report = try t.shell.best(Self.bound("best"), t.shell.workbench)
        #expect(report.trial.number == sweep.best?.number)
        #expect(report.parameters.map(\.key) == ["lr"])
        #expect(report.parameters.first?.current == t.shell.workbench.configuration.value("lr").map(Shell.valueText))
        #expect(report.otherMetrics.map(\.name) == ["dev_loss"])
        #expect(Self.printed(t, "best") == report.output.plainText)
    }

    @Test func compareReportsEachConfigurationsScoresPerPair() throws {
        let t = try Self.swept()
        let before = t.output.text.count
        let report = try t.shell.compare(Self.bound("compare trial 0 trial 2 repeats=3"), t.shell.workbench)
        #expect(report.names == ("trial 0", "trial 2") as (String, String))
        #expect(report.metric == "dev_acc")
        #expect(report.scoresA.count == 3 && report.scoresB.count == 3)
        #expect(String(t.output.text.dropFirst(before)).hasPrefix("compare trial 0 with trial 2 on dev_acc"),
                "the head line is printed before scoring starts")
        #expect(report.output.plainText.contains("verdict: "))
    }

    @Test func evaluateTestCountsTheLooksAndWarnsFromTheSecond() throws {
        let t = try Self.swept()
        var bench = t.shell.workbench
        let first = try t.shell.evaluateTest(Self.bound("evaluate test"), on: &bench)
        #expect(first.looks == 1)
        #expect(first.scores.map(\.name) == ["test_acc", "test_loss"])
        #expect(first.trainedRows == 48)
        #expect(first.output.plainText.contains("test set looks: 1. Report this number; do not tune on it."))
        let second = try t.shell.evaluateTest(Self.bound("evaluate test"), on: &bench)
        #expect(second.looks == 2)
        #expect(second.output.plainText.contains("warning: this is look 2 at the test set of moons."))
    }

    @Test func historyAndShowTrialReturnTheirLines() throws {
        let t = try Self.swept()
        let history = t.shell.history()
        #expect(history.plainText.split(separator: "\n").count == t.shell.recorded.count)
        let trial = try t.shell.showTrial(Self.bound("show trial 1"), t.shell.workbench)
        #expect(trial.plainText.hasPrefix("trial 1 of "))
        #expect(Self.printed(t, "show trial 1") == trial.plainText)
    }
}
