import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `objective command`: sweeps over an external program's placeholders, its reports, its logs,
/// and the gate that keeps scripts from running programs unless allowed.
@Suite struct ObjectiveCommandTests {
    /// A "training command": a line of chatter, one intermediate report, and the final score = x.
    static let command = #"objective command "echo loading; echo hyperlab: epoch=1 score={x}; echo hyperlab: score={x}" metric=score"#

    @Test func aSweepRunsTheCommandWithItsPlaceholders() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.command) == .completed)
        #expect(t.shell.run("sweep random n=6 x=uniform(0, 1) seed=2") == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.trials.count == 6)
        #expect(sweep.trials.allSatisfy { $0.state == .complete })
        for trial in sweep.trials {
            let x = try #require(trial.parameters["x"]?.asReal)
            #expect(abs((trial.value ?? 0) - x) < 1e-9)
        }
        #expect(t.shell.run("use trial 1") == .failed)
        #expect(t.output.text.contains("error: trial 1 of sweep 1 ran the objective command, so its parameters are not the built-in trainer's configuration"))
        let before = t.output.text.count
        #expect(t.shell.run("show trial 2") == .completed)
        #expect(String(t.output.text.dropFirst(before)).contains("loading"))
        // Placeholders that are configuration keys are copied, with no promise about train.
        #expect(t.shell.run(#"objective command "echo hyperlab: score={lr}" metric=score"#) == .completed)
        #expect(t.shell.run("sweep random n=2 lr=log(1e-3, 1e-1)") == .completed)
        let copied = t.output.text.count
        #expect(t.shell.run("use trial 1") == .completed)
        #expect(String(t.output.text.dropFirst(copied)).hasPrefix("using trial 1 of sweep 2:\n  lr = "))
        #expect(!String(t.output.text.dropFirst(copied)).contains("reproduces"))
        #expect(t.shell.run("objective builtin") == .completed)
        #expect(t.shell.workbench.objective == nil)
    }

    @Test func everyPlaceholderMustBeSwept() throws {
        let t = try Transcript(echo: false)
        _ = t.shell.run(Self.command)
        #expect(t.shell.run("sweep random n=2 y=uniform(0, 1)") == .failed)
        #expect(t.output.text.contains("uses {x}, which this sweep does not set"))
        #expect(t.output.text.contains("hint: did you mean x= instead of y=?"))
        #expect(t.output.text.contains("  sweep random n=2 y=uniform(0, 1)\n                   ^"))
        #expect(t.shell.run("sweep random n=2 depth=uniform(0, 1)") == .failed)
        #expect(t.output.text.contains("hint: add x=... to the sweep, as in x=uniform(0, 1)"))
    }

    @Test func theMetricsNameGivesItsDirectionAndAnUnknownNameAsksForOne() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(#"objective command "echo hyperlab: accuracy={x}" metric=accuracy"#) == .completed)
        #expect(t.output.text.contains("reporting accuracy (higher is better)"))
        #expect(t.shell.workbench.objective?.direction == .maximize)
        #expect(t.shell.run(#"objective command "echo hyperlab: regret={x}" metric=regret"#) == .completed)
        #expect(t.shell.workbench.objective?.direction == .minimize)
        #expect(t.shell.run(#"objective command "echo hyperlab: wobble={x}" metric=wobble"#) == .failed)
        #expect(t.output.text.contains("does not know whether a higher or a lower wobble is better"))
        #expect(t.output.text.contains("hint: add direction=max (higher is better) or direction=min"))
        #expect(t.shell.run(#"objective command "echo hyperlab: wobble={x}" metric=wobble direction=min"#) == .completed)
        #expect(t.shell.workbench.objective?.direction == .minimize)
    }

    /// `metric=[a, b]` over what a command reports: each direction from the name or, for the
    /// command's own metric, its direction=; the front is the trials no other beats on both.
    @Test func aSweepOfACommandSearchesForTheFrontOfTheMetricsItReports() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(#"objective command "echo hyperlab: wobble={x} size_loss={y}" metric=wobble direction=max"#) == .completed)
        #expect(t.shell.run("sweep tpe n=14 x=uniform(0, 1) y=uniform(0, 1) metric=[wobble, size_loss] seed=1") == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.objectives == [StudyObjective("wobble", .maximize), StudyObjective("size_loss", .minimize)])
        #expect(sweep.trials.allSatisfy { $0.state == .complete })
        #expect(t.output.text.contains("pareto front of wobble and size_loss"))
        let points = sweep.trials.map { ($0.number, $0.parameters["x"]?.asReal ?? .nan, $0.parameters["y"]?.asReal ?? .nan) }
        let front = points.filter { p in !points.contains { q in q.1 >= p.1 && q.2 <= p.2 && (q.1 > p.1 || q.2 < p.2) } }
        #expect(sweep.paretoFront.map(\.number) == front.map(\.0))

        let before = t.output.text.count
        #expect(t.shell.run("sweep random n=4 x=uniform(0, 1) y=uniform(0, 1) metric=[wobble, jitter]") == .failed)
        let refused = String(t.output.text.dropFirst(before))
        #expect(refused.contains("error: HyperLab does not know whether a higher or a lower jitter is better (line 1, column 66)"), "\(refused)")
        #expect(refused.contains("hint: make it the command's metric with its direction"))
        #expect(t.shell.run("sweep random n=2 x=uniform(0, 1) y=uniform(0, 1) metric=[wobble, latency_seconds]") == .completed)
        #expect(t.shell.workbench.sweeps.last?.trials.map(\.failure) == ["the metric latency_seconds is missing", "the metric latency_seconds is missing"])
    }

    @Test func scriptsNeedPermissionToRunCommands() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.command, source: "tune.hlab") == .failed)
        #expect(t.output.text.contains("--allow-commands"))
        #expect(t.shell.workbench.objective == nil)
        t.shell.options.allowCommands = true
        #expect(t.shell.run(Self.command, source: "tune.hlab") == .completed)
    }

    @Test func commandsGivenWithDashCFollowTheRuleOfScripts() throws {
        let t = try Transcript(echo: false)
        t.shell.options.commandLineSource = "-c"
        #expect(t.shell.run(Self.command) == .failed)
        #expect(t.output.text.contains("error: -c sets an objective command, and commands given with -c may not run external programs by default"))
        #expect(t.output.text.contains("hint: if you trust it, add --allow-commands (hyperlab --allow-commands -c 'objective command"))
        #expect(t.shell.workbench.objective == nil)
        t.shell.options.allowCommands = true
        #expect(t.shell.run(Self.command) == .completed)
    }

    @Test func theQuestionToAllowAScriptsCommandIsOneLineAfterWhatItIsAbout() throws {
        let t = try Transcript(echo: false)
        let asked = CapturedOutput()
        t.shell.options.interactive = true
        t.shell.options.confirm = { question in
            asked.append(question)
            return true
        }
        #expect(t.shell.run(Self.command, source: "tune.hlab") == .completed)
        // A line editor runs a prompt's lines together ("…{x}allow it"): the question is one line.
        #expect(asked.text == "allow it for this script? [y/N] ")
        #expect(t.output.text.contains("tune.hlab wants sweeps to run an external command:\n  echo loading;"))
        #expect(t.output.text.contains("score={x}\n"))
    }

    @Test func aFailingCommandFailsItsTrialOnly() throws {
        let t = try Transcript(echo: false)
        _ = t.shell.run(#"objective command "exit {code}" metric=score"#)
        #expect(t.shell.run("sweep grid code=[0, 3]") == .completed)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        #expect(sweep.trials.map(\.failure) == ["no final score reported", "exited with status 3"])
    }

    @Test func builtinSweepsRejectUnknownKeysWithASuggestion() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2")
        #expect(t.shell.run("sweep random n=2 lrr=log(1e-3, 1e-1)") == .failed)
        #expect(t.output.text.contains("sweep random has no option 'lrr'"))
        #expect(t.output.text.contains("did you mean lr?"))
    }

    @Test func templateErrorsPointIntoTheString() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(#"objective command "train --lr {lr" metric=score"#) == .failed)
        #expect(t.output.text.contains("^"))
    }
}
