import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `lag=`: fixed when a sweep is created, stored with its study and kept by `resume`; the
/// default never comes from the machine or from parallel=.
@Suite struct SweepLagTests {
    private func shell(in directory: URL, store: String) throws -> (Shell, CapturedOutput) {
        let output = CapturedOutput()
        var options = ShellOptions(workingDirectory: directory.path)
        options.repository = try SQLiteStudyStore.open(path: directory.appendingPathComponent(store).path)
        return (Shell(console: output.console(), options: options), output)
    }

    private static let setUp = "load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]\nset epochs=3"

    @Test func theLagIsStoredWithTheStudyAndKeptByResume() throws {
        let folder = try Transcript(echo: false).directory
        let (first, output) = try shell(in: folder, store: "s.sqlite")
        #expect(first.run(Self.setUp) == .completed)
        let calls = Counter()
        first.options.interruption = Interruption { calls.next() > 120 }
        _ = first.run("sweep tpe n=24 lr=log(1e-3, 1e-1) parallel=2 lag=7 name=lagged")
        #expect(output.text.contains("metric dev_acc (higher is better) · seed 0 · lag 7"))
        #expect(try first.options.repository.load("lagged").definition.lag == 7)
        #expect(try #require(first.workbench.sweeps.last).stoppedEarly)

        let (second, _) = try shell(in: folder, store: "s.sqlite")
        #expect(second.run("resume lagged") == .completed)
        let resumed = try #require(second.workbench.sweeps.last)

        let (third, _) = try shell(in: folder, store: "t.sqlite")
        #expect(third.run(Self.setUp) == .completed)
        #expect(third.run("sweep tpe n=24 lr=log(1e-3, 1e-1) parallel=1 lag=7 name=lagged") == .completed)
        let whole = try #require(third.workbench.sweeps.last)
        #expect(whole.trials.map(\.parameters) == resumed.trials.map(\.parameters))
        #expect(whole.trials.map(\.value) == resumed.trials.map(\.value))
        #expect(third.run("sweep tpe n=24 lr=log(1e-3, 1e-1) parallel=1 name=default") == .completed)
        #expect(third.workbench.sweeps.last?.trials.map(\.parameters) != whole.trials.map(\.parameters),
                "another lag, other suggestions after the start-up trials")
        #expect(try third.options.repository.load("default").definition.lag == nil, "the default is stored as before lag= existed")
    }

    @Test func lagAutoFollowsTheParallelTheSweepNamesAndTheDefaultDoesNot() throws {
        let folder = try Transcript(echo: false).directory
        let (shell, output) = try shell(in: folder, store: "s.sqlite")
        #expect(shell.run(Self.setUp) == .completed)
        #expect(shell.run("sweep tpe n=3 lr=log(1e-3, 1e-1) parallel=12 name=plain") == .completed)
        #expect(try shell.options.repository.load("plain").definition.lag == nil)
        #expect(output.text.contains("note: trial n waits for the trials below n − 4, so at most 5 of the 12 run at once; lag=auto lets all 12 run"))
        #expect(shell.run("sweep tpe n=3 lr=log(1e-3, 1e-1) parallel=12 lag=auto name=auto") == .completed)
        #expect(try shell.options.repository.load("auto").definition.lag == 12)
        #expect(shell.run("sweep tpe n=3 lr=log(1e-3, 1e-1) lag=auto name=unnamed") == .completed)
        #expect(try shell.options.repository.load("unnamed").definition.lag == nil, "parallel='s default is the machine's: never a lag")
        #expect(shell.run("sweep random n=3 lr=log(1e-3, 1e-1) parallel=12 name=random") == .completed)
        #expect(output.text.components(separatedBy: "note: trial n waits").count == 2, "random search does not wait: no note")
    }

    @Test func aLagThatIsNotAWholeNumberOrAutoIsAPositionedError() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.setUp) == .completed)
        #expect(t.shell.run("sweep tpe n=3 lr=log(1e-3, 1e-1) lag=some") == .failed)
        #expect(t.output.text.contains("lag takes auto or a whole number from 0 to 4096, not some"))
        #expect(t.output.text.contains("hint: write lag=8, or lag=auto"))
        #expect(t.shell.run("sweep tpe n=3 lr=log(1e-3, 1e-1) lag=5000") == .failed)
        #expect(t.output.text.contains("lag=5000 is out of range"))
    }
}
