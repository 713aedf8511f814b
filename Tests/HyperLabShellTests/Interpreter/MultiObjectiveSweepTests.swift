import Foundation
import Synchronization
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `metric=[dev_acc, parameters]` as a user runs it: errors at the metric that is wrong, the same
/// trials at any `parallel=`, the Pareto front marked in `results`, saved with `pareto`, drawn by
/// `plot pareto`, and kept by the store.
@Suite struct MultiObjectiveSweepTests {
    static let setUp = "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=2\nmodel mlp hidden=[8]"
    static let sweep = "sweep tpe n=14 units=int(2, 32) lr=log(1e-3, 1e-1) metric=[dev_acc, parameters] epochs=4 seed=3"

    /// The error a command prints, after the set-up.
    static func error(_ command: String) throws -> String {
        let t = try Transcript(echo: false)
        t.type(setUp)
        let before = t.output.text.count
        #expect(t.shell.run(command) == .failed)
        #expect(t.shell.workbench.sweeps.isEmpty)
        return String(t.output.text.dropFirst(before))
    }

    @Test func aBadMetricListIsRefusedWhereItIsWritten() throws {
        let unknown = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, paramters]")
        #expect(unknown.contains("error: no metric 'paramters' (line 1, column 51)"))
        #expect(unknown.contains("hint: did you mean parameters?"))
        let twice = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, dev_acc]")
        #expect(twice.contains("error: dev_acc is listed twice (line 1, column 51)"))
        let four = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, dev_loss, parameters, seconds]")
        #expect(four.contains("error: a sweep optimizes at most 3 metrics at once (line 1, column 73)"))
        let task = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_rmse, parameters]")
        #expect(task.contains("error: dev_rmse is not a metric of a classification task (line 1, column 42)"))
        let bayes = try Self.error("sweep bayes n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, parameters]")
        #expect(bayes.contains("error: sweep bayes models one metric and cannot search for several (line 1, column 43)"))
        #expect(bayes.contains("hint: use grid, random, sobol, tpe, nsga2, around for several metrics (tpe runs MOTPE), or give one metric"))
        let costs = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[parameters, seconds]")
        #expect(costs.contains("error: parameters and seconds are costs: the front needs a score that training changes"))
        #expect(costs.contains("hint: add a dev metric: metric=[dev_acc, parameters, seconds]"))
        let cost = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=seconds")
        #expect(cost.contains("error: seconds is a cost, not a score: a sweep optimizes it beside a dev metric (line 1, column 41)"))
        #expect(cost.contains("hint: list both: metric=[dev_acc, seconds]"))
        let train = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, train_acc]")
        #expect(train.contains("error: sweeps score on dev, not on the train part (line 1, column 51)"))
        let prune = try Self.error("sweep tpe n=4 lr=log(1e-3, 1e-1) metric=[dev_acc, parameters] prune=median")
        #expect(prune.contains("error: pruning compares one metric between trials, and this sweep has 2 (line 1, column 69)"))
    }

    /// Ctrl-C says so under the front, as under a one-metric sweep's best; `best` is a trial of
    /// the front; `use trial` promises only what train reproduces (never a wall time).
    @Test func aStoppedSweepSaysSoAndBestAndUseTrialStayOnTheFront() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        let calls = Counter()
        t.shell.options.interruption = Interruption { calls.next() > 40 }
        let stopped = t.type(Self.sweep + " parallel=1")
        #expect(stopped.contains("pareto front of dev_acc and parameters"))
        #expect(stopped.hasSuffix("stopped by Ctrl-C: the finished trials are kept\n"), "\(stopped)")
        t.shell.options.interruption = Interruption { false }
        t.type(Self.sweep)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let best = try #require(sweep.best)
        #expect(sweep.paretoFront.contains(best), "best is not dominated")
        #expect(sweep.trials.allSatisfy { $0.state != .complete || ($0.value ?? 0) <= (best.value ?? 0) })
        t.type("sweep random n=3 units=int(2, 32) metric=[seconds, dev_acc] epochs=2 seed=3")
        let before = t.output.text.count
        let used = String(t.type("use trial 1").dropFirst(before))
        #expect(used.contains("train now reproduces the trial's dev_acc "), "\(used)")
        #expect(!used.contains("seconds"))
    }

    @Test func parallelOneAndTwoGiveTheSameFront() throws {
        func results(_ parallel: Int) throws -> String {
            let t = try Transcript(echo: false)
            t.type(Self.setUp)
            t.type(Self.sweep + " parallel=\(parallel)")
            return t.type("results")
        }
        let one = try results(1)
        #expect(one.contains("pareto front of dev_acc and parameters"))
        #expect(one == (try results(2)))
    }

    @Test func nsga2SearchesTheFrontTheSameAtAnyParallel() throws {
        func results(_ parallel: Int) throws -> String {
            let t = try Transcript(echo: false)
            t.type(Self.setUp)
            t.type("sweep nsga2 n=30 units=int(2, 32) lr=log(1e-3, 1e-1) metric=[dev_acc, parameters] epochs=3 seed=5 parallel=\(parallel)")
            return t.type("results")
        }
        let one = try results(1)
        #expect(one.contains("pareto front of dev_acc and parameters"))
        #expect(one == (try results(2)))
    }

    @Test func resultsSaveAndPlotShowTheFront() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        t.type(Self.sweep)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let front = sweep.paretoFront
        #expect(!front.isEmpty && front.count < sweep.trials.count)
        // Brute force: no complete trial is as good on both and better on one.
        for trial in front {
            let a = trial.metrics["dev_acc"] ?? 0, p = trial.metrics["parameters"] ?? 0
            #expect(!sweep.trials.contains { other in
                let b = other.metrics["dev_acc"] ?? 0, q = other.metrics["parameters"] ?? 0
                return other.state == .complete && b >= a && q <= p && (b > a || q < p)
            })
        }

        var before = t.output.text.count
        t.type("results")
        let table = String(t.output.text.dropFirst(before))
        let marked = table.split(separator: "\n").filter { $0.hasPrefix("* ") || $0.hasPrefix("★ ") }
        #expect(marked.count == front.count + 1)   // each front row, and the note
        #expect(table.contains("on the Pareto front of dev_acc and parameters"))
        #expect(table.contains("parameters"))

        t.type("save results \"mo.csv\"\nsave results \"mo.json\"")
        let csv = try String(contentsOf: t.directory.appendingPathComponent("mo.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines[0].hasPrefix("trial,state,units,lr,dev_acc,parameters,"))
        #expect(lines[0].hasSuffix(",seed,seconds,pareto"))
        #expect(lines.dropFirst().filter { $0.hasSuffix(",1") }.count == front.count)
        let json = try String(contentsOf: t.directory.appendingPathComponent("mo.json"), encoding: .utf8)
        #expect(json.contains("\"pareto_front\""))
        #expect(json.contains("\"pareto\" : 1"))

        before = t.output.text.count
        t.type("plot pareto")
        let plot = String(t.output.text.dropFirst(before))
        #expect(plot.contains("parameters against dev_acc"))
        #expect(plot.contains("on the Pareto front (\(front.count))"))
        #expect(plot.contains("trial \(front[0].number) · dev_acc") || plot.contains("· dev_acc"))

        #expect(t.shell.run("use trial \(front[0].number)") == .completed)
    }

    @Test func oneMetricSweepsKeepTheirOutputAndPlotParetoSaysWhy() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        t.type("sweep tpe n=4 lr=log(1e-3, 1e-1) epochs=2")
        let text = t.type("save results \"one.csv\"")
        #expect(text.contains("best: trial"))
        let csv = try String(contentsOf: t.directory.appendingPathComponent("one.csv"), encoding: .utf8)
        #expect(!csv.contains("pareto"))
        #expect(t.shell.run("plot pareto") == .failed)
        #expect(t.output.text.contains("error: sweep 1 optimized one metric, so its front is its best trial"))
    }

    @Test func aStoredMultiObjectiveStudyReopensWithItsFront() throws {
        let t = try Transcript(echo: false)
        t.shell.options.repository = try SQLiteStudyStore.open(path: t.directory.appendingPathComponent("studies.sqlite").path)
        t.type(Self.setUp)
        t.type(Self.sweep + " name=front")
        let first = try #require(t.shell.workbench.sweeps.last)
        #expect(t.shell.run("open study front") == .completed)
        let reopened = try #require(t.shell.workbench.sweeps.last)
        #expect(reopened.objectives == first.objectives)
        #expect(reopened.paretoFront.map(\.number) == first.paretoFront.map(\.number))
    }

    @Test func eachTrialLineShowsEveryObjectiveAndWhetherItJoinedTheFront() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        let before = t.output.text.count
        t.type(Self.sweep)
        let sweep = try #require(t.shell.workbench.sweeps.last)
        let lines = String(t.output.text.dropFirst(before)).split(separator: "\n").filter { $0.hasPrefix("trial ") }
        #expect(lines.count == 14)
        // A trial joins the front so far when no trial numbered below it dominates it.
        for trial in sweep.trials {
            let line = try #require(lines.first { $0.hasPrefix("trial \(trial.number < 10 ? " " : "")\(trial.number) ") })
            #expect(line.contains("dev_acc ") && line.contains(" · parameters "))
            let mine = [-(trial.metrics["dev_acc"] ?? .nan), trial.metrics["parameters"] ?? .nan]
            let dominated = sweep.trials.filter { $0.number < trial.number }.contains { other in
                ParetoFront.dominates([-(other.metrics["dev_acc"] ?? .nan), other.metrics["parameters"] ?? .nan], mine)
            }
            #expect(line.contains("(front so far)") == !dominated, "\(line)")
        }
        #expect(!lines.contains { $0.contains("best so far") })
    }

    @Test func recheckOrCompareOnACostMetricSaysItIsNotADevMetric() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        t.type("sweep random n=2 units=int(2, 16) metric=[dev_acc, parameters] epochs=1 seed=1")
        #expect(t.shell.run("recheck metric=parameters") == .failed)
        #expect(t.output.text.contains("error: recheck retrains on a dev metric, and parameters is a cost that fresh seeds do not change"))
        #expect(t.output.text.contains("hint: recheck metric=dev_acc, or another dev metric"))
        #expect(t.shell.run("compare 0 1 metric=seconds") == .failed)
        #expect(t.output.text.contains("error: compare retrains on a dev metric, and seconds is a cost that fresh seeds do not change"))
    }

    @Test func onATerminalTheStatusLineCountsTheFrontNotABestTrial() throws {
        let updates = Mutex<[String]>([])
        let console = Console(traits: ConsoleTraits(isTerminal: true, color: false, width: 120, unicode: true), out: { _ in },
                              status: { update in if case .show(let text) = update { updates.withLock { $0.append(text) } } })
        let shell = Shell(console: console, options: ShellOptions(echo: false, interactive: false))
        for line in Self.setUp.split(separator: "\n") { #expect(shell.run(String(line)) == .completed) }
        #expect(shell.run(Self.sweep + " parallel=2") == .completed)
        let sweep = try #require(shell.workbench.sweeps.last)
        let shown = updates.withLock { $0 }
        let last = try #require(shown.last { $0.contains("14/14") })
        let count = sweep.paretoFront.count
        #expect(last.contains("pareto front \(count) trial\(count == 1 ? "" : "s")"), "\(last)")
        #expect(!shown.contains { $0.contains("best dev_acc") }, "a multi-objective sweep has no single best")
    }

    @Test func recheckAndCompareWorkOnOneMetricAndSaySo() throws {
        let t = try Transcript(echo: false)
        t.type(Self.setUp)
        t.type("sweep random n=4 units=int(2, 16) metric=[parameters, dev_acc] epochs=2 seed=1")
        let before = t.output.text.count
        #expect(t.shell.run("recheck top=2 repeats=2") == .completed)
        #expect(t.shell.run("compare 0 1 repeats=2") == .completed)
        let text = String(t.output.text.dropFirst(before))
        #expect(text.contains("recheck works on one metric: dev_acc, the first dev metric of sweep 1's parameters, dev_acc (metric= names another)"))
        #expect(text.contains("recheck the 2 best trials of sweep 1 on dev_acc"))
        #expect(text.contains("compare works on one metric: dev_acc (metric= names another)"))
    }
}
