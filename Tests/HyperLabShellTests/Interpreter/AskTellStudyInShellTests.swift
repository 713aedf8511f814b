import Foundation
import HyperLabTestSupport
import Testing
@testable import HyperLabShell
import HyperLabKit

/// A study a Swift program asks and tells, as the shell shows it: `studies`, `open study`,
/// `results` and `best` with its own parameters, and `resume` saying where it is continued.
@Suite struct AskTellStudyInShellTests {
    @Test func aProgramsStudyOpensInTheShellWithItsOwnParameters() throws {
        let folder = try Transcript(echo: false).directory
        let path = folder.appendingPathComponent("studies.sqlite").path
        let space = try SearchSpace([("x1", .uniform(-5, 10)), ("lr", .log(1e-3, 1e-1)), ("kind", .choice([.word("a"), .word("b")]))])
        let study = try AskTellStudy.create(named: "branin", in: try SQLiteStudyStore.open(path: path), space: space,
                                            sampler: .random, direction: .minimize, seed: 3)
        for _ in 0..<4 {
            let trial = try study.ask()
            try study.tell(trial, try trial.double("x1") + trial.double("lr"))
        }
        let output = CapturedOutput()
        var options = ShellOptions(workingDirectory: folder.path)
        options.repository = try SQLiteStudyStore.open(path: path)
        let shell = Shell(console: output.console(), options: options)
        func printed(_ line: String) -> String {
            let before = output.text.count
            _ = shell.run(line)
            return String(output.text.dropFirst(before))
        }
        let studies = printed("studies")
        #expect(studies.contains("branin  ask and tell  random   4 "), "\(studies)")
        let opened = printed("open study branin")
        #expect(opened.hasPrefix("opened study branin: random on ask and tell, 4 trials finished\n"), "\(opened)")
        let best = try #require(study.bestTrial)
        #expect(opened.contains("best: trial \(best.number) · value \(NumberFormat.metric(best.value ?? .nan)) · x1="), "\(opened)")
        let results = printed("results")
        #expect(!results.contains("—"), "every trial shows its parameters:\n\(results)")
        for trial in study.trials {
            #expect(results.contains(Shell.valueText(trial.parameters["kind"] ?? .word("?"))))
        }
        let used = printed("use best")
        #expect(used.contains("error: trial \(best.number) of branin ran in a program (ask and tell), so its parameters are not the built-in trainer's configuration"), "\(used)")
        #expect(used.contains("hint: show trial \(best.number) lists them"))
        let resumed = printed("resume branin")
        #expect(resumed.contains("error: branin is asked and told by a program; the shell has no objective to run its trials"))
        #expect(resumed.contains("hint: continue it from Swift: AskTellStudy.open(named: \"branin\", in: store)"))
    }
}
