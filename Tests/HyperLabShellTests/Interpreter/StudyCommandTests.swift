import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Stored studies as a user sees them: every sweep lands in the store; `studies` lists them;
/// `open study` brings one back; `resume` finishes an interrupted one.
@Suite struct StudyCommandTests {
    private func shell(in directory: URL, store: String) throws -> (Shell, CapturedOutput) {
        let output = CapturedOutput()
        var options = ShellOptions(workingDirectory: directory.path, clock: { Date(timeIntervalSince1970: 1_798_761_600) })
        options.repository = try SQLiteStudyStore.open(path: directory.appendingPathComponent(store).path)
        return (Shell(console: output.console(), options: options), output)
    }

    @Test func anInterruptedSweepResumesToTheAskedTotal() throws {
        let folder = try Transcript(echo: false).directory
        let (first, _) = try shell(in: folder, store: "studies.sqlite")
        _ = first.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]")
        let calls = Counter()
        first.options.interruption = Interruption { calls.next() > 150 }
        _ = first.run("sweep tpe n=16 lr=log(1e-3, 1e-1) epochs=10 parallel=2 name=tuning")
        let cut = try #require(first.workbench.sweeps.last)
        #expect(cut.stoppedEarly)
        let finishedBefore = cut.trials.filter { $0.state == .complete }

        // A new process: a fresh shell on the same file.
        let (second, output) = try shell(in: folder, store: "studies.sqlite")
        #expect(second.run("studies") == .completed)
        #expect(output.text.contains("tuning"))
        #expect(second.run("resume tuning") == .completed)
        let resumed = try #require(second.workbench.sweeps.last)
        #expect(resumed.trials.count == 16)
        #expect(resumed.trials.allSatisfy { $0.state == .complete || $0.state == .pruned })
        for trial in finishedBefore {
            #expect(resumed.trial(trial.number)?.value == trial.value)
            #expect(resumed.trial(trial.number)?.parameters == trial.parameters)
        }
        // The same sweep run without interruption gives the same trials.
        let (third, _) = try shell(in: folder, store: "other.sqlite")
        _ = third.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]")
        _ = third.run("sweep tpe n=16 lr=log(1e-3, 1e-1) epochs=10 parallel=1 name=tuning")
        let whole = try #require(third.workbench.sweeps.last)
        #expect(whole.trials.map(\.parameters) == resumed.trials.map(\.parameters))
        #expect(whole.trials.map(\.value) == resumed.trials.map(\.value))
    }

    @Test func trialsStoppedByCtrlCAreInterruptedInTheSummaryStudiesAndResults() throws {
        let folder = try Transcript(echo: false).directory
        let (shell, output) = try shell(in: folder, store: "s.sqlite")
        _ = shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        let calls = Counter()
        shell.options.interruption = Interruption { calls.next() > 150 }
        _ = shell.run("sweep random n=16 lr=log(1e-3, 1e-1) epochs=10 parallel=1 name=cut")
        #expect(output.text.contains("interrupted"))
        shell.options.interruption = .never
        let before = output.text.count
        #expect(shell.run("studies") == .completed)
        #expect(shell.run("results") == .completed)
        let listed = String(output.text.dropFirst(before))
        #expect(listed.contains("interrupted"), "\(listed)")
        #expect(!listed.contains("failed"), "one word for a trial stopped by Ctrl-C:\n\(listed)")
        #expect(shell.run("results state=interrupted") == .completed)
    }

    @Test func resumingAStudyWhoseTrialsAllFinishedMarksItCompleteNotInterrupted() throws {
        let folder = try Transcript(echo: false).directory
        let (first, _) = try shell(in: folder, store: "s.sqlite")
        _ = first.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep random n=3 lr=log(1e-3, 1e-1) epochs=2")
        // As a study queued for workers was left before this fix: every trial done, status running.
        try first.options.repository.setStatus(.running, of: "sweep 1")
        let (second, output) = try shell(in: folder, store: "s.sqlite")
        #expect(second.run("resume \"sweep 1\"") == .completed)
        #expect(output.text.contains("is complete"), "\(output.text)")
        #expect(try second.options.repository.studies().first?.status == .complete)
    }

    @Test func openStudyMakesItTheCurrentSweep() throws {
        let folder = try Transcript(echo: false).directory
        let (first, _) = try shell(in: folder, store: "s.sqlite")
        _ = first.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep random n=4 lr=log(1e-3, 1e-1) epochs=5")
        let (second, output) = try shell(in: folder, store: "s.sqlite")
        #expect(second.run("open study \"sweep 1\"") == .completed)
        #expect(second.workbench.sweeps.last?.trials.count == 4)
        #expect(second.run("results") == .completed)
        // No data loaded in this process: use best says on which data train reproduces the trial.
        #expect(second.run("use best") == .completed)
        #expect(output.text.contains(" on the study's data: load iris; split train=0.6 dev=0.2 test=0.2 seed=1 stratify=no\n"), "\(output.text)")
        #expect(!output.text.contains("train now reproduces"))
        #expect(second.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nuse best") == .completed)
        #expect(output.text.contains("train now reproduces the trial's dev_acc "))
        #expect(second.run("open study \"sweep 9\"") == .failed)
        #expect(output.text.contains("sweep 9"))
    }

    @Test func anObjectiveCommandSweepIsStoredOpenedAndResumed() throws {
        let folder = try Transcript(echo: false).directory
        let command = #"objective command "echo {x} >> calls.txt; echo hyperlab: epoch=1 score={x}; echo hyperlab: score={x}" metric=score"#
        let (first, _) = try shell(in: folder, store: "s.sqlite")
        #expect(first.run(command) == .completed)
        #expect(first.run("sweep random n=4 x=uniform(0, 1) seed=3 name=ext") == .completed)
        let ran = try #require(first.workbench.sweeps.last)

        // As if the process died while trial 3 ran: its row says running, the study too.
        let repository = first.options.repository
        let stored = try repository.load("ext")
        var running = try #require(stored.trials.last)
        running.state = .running
        running.value = nil
        running.metrics = [:]
        running.intermediateValues = [:]
        try repository.trialStore(for: stored.id).trialStarted(running)
        try repository.setStatus(.running, of: "ext")

        let (second, output) = try shell(in: folder, store: "s.sqlite")
        #expect(second.run("studies") == .completed)
        #expect(output.text.contains("external command"))
        #expect(second.run("resume ext", source: "again.hlab") == .failed)
        #expect(output.text.contains("--allow-commands"))
        // Typed at the prompt too: whoever made the store wrote that command, not the person.
        #expect(second.run("resume ext") == .failed)
        #expect(output.text.contains("error: ext runs an external command stored with it ('echo {x} >> calls.txt;"))
        #expect(output.text.contains(#"hint: read it with open study "ext"; if you trust it, answer y when it asks"#))
        second.options.interactive = true
        let asked = CapturedOutput()
        second.options.confirm = { question in
            asked.append(question)
            return false
        }
        #expect(second.run("resume ext") == .failed)
        #expect(asked.text == "run it for this study? [y/N] ")
        #expect(output.text.contains("study ext runs an external command stored with it:\n  echo {x} >> calls.txt;"))
        second.options.interactive = false
        second.options.confirm = nil
        second.options.allowCommands = true
        #expect(second.run("resume ext", source: "again.hlab") == .completed)
        let resumed = try #require(second.workbench.sweeps.last)
        #expect(resumed.trials.map(\.value) == ran.trials.map(\.value))
        let calls = try String(contentsOf: folder.appendingPathComponent("calls.txt"), encoding: .utf8)
        #expect(calls.split(separator: "\n").count == 5, "trials 0-2 are kept, only trial 3 runs again")

        let (third, opened) = try shell(in: folder, store: "s.sqlite")
        #expect(third.run("open study ext") == .completed)
        #expect(third.run("show trial 1") == .completed)
        #expect(opened.text.contains("hyperlab: score="))
        #expect(third.run("resume ext") == .completed)
        #expect(opened.text.contains("study ext is complete"))
    }

    @Test func sweepNamesStayUniqueInTheStoreAndTheShellSaysTheStoredName() throws {
        let folder = try Transcript(echo: false).directory
        var said: [String] = []
        for _ in 0..<2 {
            let (s, output) = try shell(in: folder, store: "s.sqlite")
            _ = s.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep random n=2 lr=log(1e-3, 1e-1) epochs=2")
            _ = s.run("sweep random n=2 lr=log(1e-3, 1e-1) epochs=2 name=tuning")
            said.append(output.text)
        }
        // The second process's first sweep is the store's next free "sweep N", named so everywhere.
        #expect(said[1].contains("sweep 2 (random): 2 trials"), "\(said[1])")
        #expect(said[1].contains("sweep 2 done"))
        // A name given twice is stored as 'tuning (2)', and the shell calls it that.
        #expect(said[1].contains("tuning (2) done"), "\(said[1])")
        let (s, output) = try shell(in: folder, store: "s.sqlite")
        #expect(s.run("studies") == .completed)
        for name in ["sweep 1", "sweep 2", "tuning", "tuning (2)"] { #expect(output.text.contains(name)) }
        #expect(!output.text.contains("sweep 1 (2)"))
        #expect(s.run("open study \"tuning (2)\"") == .completed)
        #expect(s.workbench.sweeps.last?.name == "tuning (2)")
    }

    @Test func tabAfterOpenStudyCompletesTheStoredNames() throws {
        let folder = try Transcript(echo: false).directory
        let (s, _) = try shell(in: folder, store: "s.sqlite")
        _ = s.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nsweep random n=2 lr=log(1e-3, 1e-1) epochs=2")
        _ = s.run("sweep random n=2 lr=log(1e-3, 1e-1) epochs=2 name=tuning")
        #expect(s.completions(linePrefix: "open study ") == ["\"sweep 1\"", "tuning"])
        #expect(s.completions(linePrefix: "open study tu") == ["tuning"])
        #expect(s.completions(linePrefix: "open study sw") == ["\"sweep 1\""])
        #expect(s.completions(linePrefix: "resume \"sw") == ["sweep 1\""])
        #expect(s.completions(linePrefix: "open study \"sweep ") == ["1\""])
    }
}

/// `set store=…` chooses where the next sweeps are stored: a regular file, which may be read-only.
@Suite struct SetStoreTests {
    @Test func setStoreSwitchesTheStudyStore() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        #expect(t.shell.run("set store=\"chosen.sqlite\"") == .completed)
        #expect(t.shell.run("sweep random n=2 lr=log(1e-3, 1e-1) epochs=2") == .completed)
        #expect(FileManager.default.fileExists(atPath: t.directory.appendingPathComponent("chosen.sqlite").path))
        #expect(t.shell.run("set store=memory") == .completed)
        #expect(t.shell.options.repository.location == "memory")
    }

    @Test func aReadOnlyStoreIsListedOpenedAndPlotted() throws {
        let t = try Transcript(echo: false)
        let folder = t.directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = try Transcript(echo: false).shell
        writer.options.repository = try SQLiteStudyStore.open(path: folder.appendingPathComponent("studies.sqlite").path)
        #expect(writer.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]") == .completed)
        #expect(writer.run("sweep random n=3 lr=log(1e-3, 1e-1) epochs=2 name=tuning") == .completed)
        writer.options.repository = MemoryStudyRepository()
        defer { ReadOnlyFolder.unlock(folder.path) }
        try #require(ReadOnlyFolder.lock(folder.path), "this system cannot make a folder read-only")

        t.shell.options.repository = Shell.repository(for: folder.appendingPathComponent("studies.sqlite").path,
                                                      workingDirectory: t.directory.path)
        for line in ["studies", "open study tuning", "results", "plot history", "plot lr dev_acc"] {
            #expect(t.shell.run(line) == .completed, "\(line): \(t.output.text)")
        }
        #expect(t.output.text.contains("tuning"))
        #expect(t.shell.workbench.sweeps.last?.trials.count == 3)
        #expect(t.shell.run("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1") == .completed)
        #expect(t.shell.run("sweep random n=1 lr=log(1e-3, 1e-1) epochs=1") == .failed)
        #expect(t.output.text.contains("is read-only: its studies can be listed and opened, not changed"))
    }

    @Test func aStoreThatIsNotARegularFileIsRefused() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("set store=\"/dev/null\"") == .failed)
        #expect(t.output.text.contains("/dev/null is a device, not a regular file"))
        #expect(t.output.text.contains("hint: give a file name such as hyperlab.sqlite, or --store memory"))
        #expect(Shell.storeProblem("/dev/null", workingDirectory: "/") != nil)
        #expect(Shell.storeProblem("hyperlab.sqlite", workingDirectory: t.directory.path) == nil)
    }
}
