import Foundation
import Testing
@testable import HyperLabKit

@Suite struct ExternalCommandObjectiveTests {
    @Test func successPassesReportsOnAndReturnsTheFinalMetrics() throws {
        let fixture = CommandFixture()
        let script = fixture.script("train.sh", """
            echo "loading data"
            echo "a warning" >&2
            echo "hyperlab: epoch=1 dev_acc=0.5"
            echo "hyperlab: epoch=2 dev_acc=0.75 train_loss=0.3"
            echo "hyperlab: dev_acc=0.8 dev_loss=0.2"
            echo "done"
            """)
        let objective = try fixture.objective("sh \(script) --lr {lr}")
        let recorder = ReportRecorder()
        let outcome = try objective.evaluate(recorder.context(number: 7, parameters: TrialParameters([("lr", .real(0.01))])))
        #expect(outcome == TrialOutcome(value: 0.8, metrics: ["dev_acc": 0.8, "dev_loss": 0.2, "epochs": 2]))
        #expect(recorder.reports == ["1:0.5", "2:0.75"])
        let log = try #require(TrialLog.tail(path: fixture.file("logs/trial-0007.log"), lines: 100))
        #expect(log.first == "# trial 7, seed 11, in \(fixture.path)")
        #expect(log[1] == "$ sh \(script) --lr 0.01")
        #expect(log.contains("loading data") && log.contains("a warning") && log.contains("done"))
        #expect(log.last?.hasPrefix("# exited with status 0 after ") == true)
        #expect(objective.logPath(forTrial: 7) == fixture.file("logs/trial-0007.log"))
    }

    @Test func aNonZeroExitFailsTheTrial() throws {
        let fixture = CommandFixture()
        let script = fixture.script("fail.sh", "echo \"hyperlab: dev_acc=0.9\"\necho 'Traceback: boom' >&2\nexit 3")
        let objective = try fixture.objective("sh \(script)")
        #expect(throws: TrialFailure("exited with status 3")) { try objective.evaluate(ReportRecorder().context()) }
        #expect(TrialLog.tail(path: fixture.file("logs/trial-0000.log"), lines: 2)?.first == "Traceback: boom")
    }

    @Test func aSignalDeathFailsTheTrial() throws {
        let fixture = CommandFixture()
        #expect(throws: TrialFailure("killed by signal 11 (SIGSEGV)")) {
            try fixture.objective("kill -SEGV $$").evaluate(ReportRecorder().context())
        }
        // A command under the shell: the shell reports 128 + the signal's number.
        let script = fixture.script("crash.sh", "kill -SEGV $$")
        #expect(throws: TrialFailure("exited with status 139 (128 + SIGSEGV)")) {
            try fixture.objective("sh \(script)").evaluate(ReportRecorder().context())
        }
    }

    @Test func noFinalMetricFailsTheTrial() throws {
        let fixture = CommandFixture()
        let plain = fixture.script("plain.sh", "echo \"hyperlab: epoch=1 dev_acc=0.5\"\necho \"hyperlab: dev_loss=0.3\"")
        #expect(throws: TrialFailure("no final dev_acc reported")) {
            try fixture.objective("sh \(plain)").evaluate(ReportRecorder().context())
        }
        let garbled = fixture.script("garbled.sh", "echo \"hyperlab: dev_acc=high\"")
        #expect(throws: TrialFailure("no final dev_acc reported (unreadable report: hyperlab: dev_acc=high (dev_acc=high is not NAME=NUMBER))")) {
            try fixture.objective("sh \(garbled)").evaluate(ReportRecorder().context())
        }
    }

    @Test func aNonFiniteEpochReportFailsTheTrial() throws {
        let fixture = CommandFixture()
        let script = fixture.script("diverge.sh", """
            echo "hyperlab: epoch=1 dev_acc=0.5"
            echo "hyperlab: epoch=2 dev_acc=nan"
            echo "hyperlab: epoch=3 dev_acc=inf"
            echo "hyperlab: dev_acc=0.9"
            """)
        #expect(throws: TrialFailure("dev_acc was nan at epoch 2: the run diverged (a NaN or infinite report fails the trial)")) {
            try fixture.objective("sh \(script)").evaluate(ReportRecorder().context())
        }
        let infinite = fixture.script("inf.sh", "echo \"hyperlab: epoch=1 dev_acc=-inf\"\necho \"hyperlab: dev_acc=0.9\"")
        #expect(throws: TrialFailure("dev_acc was -inf at epoch 1: the run diverged (a NaN or infinite report fails the trial)")) {
            try fixture.objective("sh \(infinite)").evaluate(ReportRecorder().context())
        }
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() throws {
        let fixture = CommandFixture()
        let script = fixture.script("slow.sh", """
            echo $$ > "$DIR/shell.pid"
            sleep 30 &
            echo $! > "$DIR/child.pid"
            wait
            """)
        let objective = try fixture.objective("sh \(script)", timeout: .seconds(1), grace: .milliseconds(500))
        #expect(throws: TrialFailure("timed out after 1 s")) { try objective.evaluate(ReportRecorder().context()) }
        let shell = try #require(fixture.pid("shell.pid"))
        let child = try #require(fixture.pid("child.pid"))
        #expect(CommandFixture.hasEnded(shell))
        #expect(CommandFixture.hasEnded(child))
        #expect(TrialLog.tail(path: fixture.file("logs/trial-0000.log"), lines: 1)?.first?
                    .hasPrefix("# timed out after 1 s; sent SIGTERM; ") == true)
    }

    @Test func pruningSendsSIGTERM() throws {
        let fixture = CommandFixture()
        let script = fixture.script("prune.sh", """
            trap 'echo term > "$DIR/got-term"; exit 143' TERM
            sleep 30 &
            echo $! > "$DIR/child.pid"
            # Report only once the child runs sleep (a child still between fork and exec
            # would catch SIGTERM with the shell's trap and live on).
            n=0; while [ "$(cat /proc/$!/comm 2>/dev/null)" != sleep ] && [ $n -lt 500 ]; do n=$((n+1)); done
            echo "hyperlab: epoch=1 dev_acc=0.5"
            echo "hyperlab: epoch=2 dev_acc=0.4"
            wait
            echo "hyperlab: epoch=3 dev_acc=0.9"
            """)
        let objective = try fixture.objective("sh \(script)")
        let recorder = ReportRecorder(stopAt: 2)
        let result = try objective.execute(recorder.context())
        #expect(result.stop == .pruned(step: 2))
        #expect(result.signalsSent == [SIGTERM])
        #expect(fixture.read("got-term") == "term\n")
        #expect(CommandFixture.hasEnded(try #require(fixture.pid("child.pid"))))
        #expect(recorder.reports == ["1:0.5", "2:0.4"])
        #expect(try result.outcome(metric: "dev_acc") == TrialOutcome(value: 0.4, metrics: ["dev_acc": 0.4, "epochs": 2]))
    }

    @Test func aCommandIgnoringSIGTERMIsKilledAfterTheGracePeriod() throws {
        let fixture = CommandFixture()
        let script = fixture.script("stubborn.sh", """
            trap '' TERM
            echo $$ > "$DIR/shell.pid"
            echo "hyperlab: epoch=1 dev_acc=0.5"
            sleep 30
            """)
        let objective = try fixture.objective("sh \(script)", grace: .milliseconds(300))
        let result = try objective.execute(ReportRecorder(stopAt: 1).context())
        #expect(result.stop == .pruned(step: 1))
        #expect(result.signalsSent == [SIGTERM, SIGKILL])
        #expect(CommandFixture.hasEnded(try #require(fixture.pid("shell.pid"))))
    }

    @Test func interruptionStopsTheCommand() throws {
        let fixture = CommandFixture()
        let script = fixture.script("long.sh", """
            echo "hyperlab: epoch=1 dev_acc=0.5"
            echo $$ > "$DIR/shell.pid"
            sleep 30
            """)
        let objective = try fixture.objective("sh \(script)")
        let started = fixture.file("shell.pid")
        let context = ReportRecorder().context(interruption: Interruption { FileManager.default.fileExists(atPath: started) })
        let result = try objective.execute(context)
        #expect(result.stop == .interrupted)
        #expect(result.signalsSent == [SIGTERM])
        #expect(throws: TrialFailure("interrupted")) { try result.outcome(metric: "dev_acc") }
        #expect(CommandFixture.hasEnded(try #require(fixture.pid("shell.pid"))))
    }

    @Test func processesLeftBehindAreStopped() throws {
        let fixture = CommandFixture()
        let script = fixture.script("leaves.sh", """
            sleep 30 &
            echo $! > "$DIR/child.pid"
            echo "hyperlab: dev_acc=0.7"
            """)
        let outcome = try fixture.objective("sh \(script)").evaluate(ReportRecorder().context())
        #expect(outcome.value == 0.7)
        #expect(CommandFixture.hasEnded(try #require(fixture.pid("child.pid"))))
    }

    @Test func valuesArriveIntactAsOneArgument() throws {
        let fixture = CommandFixture()
        let script = fixture.script("args.sh", """
            printf '%s' "$#" > "$DIR/argc"
            printf '%s' "$1" > "$DIR/arg1"
            printf '%s' "$2" > "$DIR/arg2"
            printf '%s %s %s' "$3" "$4" "$HYPERLAB_TRIAL" > "$DIR/arg3"
            pwd > "$DIR/pwd"
            echo "hyperlab: dev_acc=1"
            """)
        let nasty = "it's a \"b\"  $HOME `id` \\ ; | & * {x} 'é'"
        let parameters = TrialParameters([("name", .word(nasty)), ("lr", .real(0.001))])
        let objective = try fixture.objective("sh \(script) {name} {lr} {seed} {trial}")
        _ = try objective.evaluate(ReportRecorder().context(number: 4, parameters: parameters, seed: 99))
        #expect(fixture.read("argc") == "4")
        #expect(fixture.read("arg1") == nasty)
        #expect(fixture.read("arg2") == "0.001")
        #expect(fixture.read("arg3") == "99 4 4")
        #expect(fixture.read("pwd") == fixture.path + "\n")
    }

    @Test func setUpProblemsAreClearErrors() throws {
        let fixture = CommandFixture()
        let template = try CommandTemplate("true {lr}")
        func kind(metric: String = "dev_acc", folder: String? = nil, timeout: Duration? = nil) -> ExternalCommandError.Kind? {
            do {
                _ = try ExternalCommandObjective(template: template, metric: metric, direction: .maximize,
                                                 workingDirectory: folder ?? fixture.path, timeout: timeout)
                return nil
            } catch { return error.kind }
        }
        #expect(kind() == nil)
        #expect(kind(metric: "dev acc") == .invalidMetric)
        #expect(kind(metric: "epoch") == .invalidMetric)
        #expect(kind(timeout: .zero) == .invalidTimeout)
        #expect(kind(folder: fixture.file("missing")) == .missingWorkingDirectory)
        let objective = try fixture.objective("true {lr}")
        #expect(throws: TrialFailure("{lr} is not a swept parameter (sweep it, as in sweep random n=20 lr=log(1e-4,1e-1); {seed} and {trial} are always there)")) {
            try objective.evaluate(ReportRecorder().context())
        }
    }
}
