import Foundation
import Testing
@testable import HyperLabShell

/// `replay "FILE" step=yes`: one Enter per step; narration shown once, as text.
@Suite struct SteppedReplayTests {
    static let script = """
    # Tutorial 0: a lesson in steps
    say "First we load the flowers"
    say "and split them."
    pause
    say "Loading:"
    load iris
    say "150 rows."
    split train=0.6 dev=0.2 test=0.2 seed=1
    pause
    say "That is all."
    """

    /// An interactive in-process shell whose Enter presses are recorded as the prompt each showed,
    /// after the output printed so far.
    private func steppingShell() throws -> (Shell, CapturedOutput, CapturedOutput, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hyperlab-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.script.write(to: folder.appendingPathComponent("lesson.hlab"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        let waits = CapturedOutput()  // each prompt shown at an Enter, one per line
        let options = ShellOptions(interactive: true, workingDirectory: folder.path,
                                   waitForEnter: { prompt in
                                       output.append("[\(prompt)⏎]\n")
                                       waits.append(prompt + "\n")
                                       return true
                                   },
                                   clock: { Date(timeIntervalSince1970: 1_798_761_600) })
        return (Shell(console: output.console(), options: options), output, waits, folder)
    }

    @Test func narrationIsShownOnceAsTextAndEachStepEndsAtAPauseOrACommand() throws {
        let (shell, output, waits, _) = try steppingShell()
        #expect(shell.run("replay \"lesson.hlab\" step=yes") == .completed)
        // Enter at each pause, and before each command, shown at the prompt as if typed.
        #expect(waits.text.split(separator: "\n").map(String.init) == ["(press Enter to continue) ", "hyperlab> load iris",
                                          "hyperlab> split train=0.6 dev=0.2 test=0.2 seed=1",
                                          "(press Enter to continue) "])
        let text = output.text
        #expect(!text.contains("say \""), "narration echoed as a command:\n\(text)")
        for line in ["First we load the flowers", "and split them.", "Loading:", "150 rows.", "That is all."] {
            #expect(text.components(separatedBy: line).count == 2, "\(line) not shown exactly once:\n\(text)")
        }
        #expect(text.hasPrefix("First we load the flowers\nand split them.\n[(press Enter to continue) ⏎]\nLoading:\n[hyperlab> load iris⏎]\nloaded iris"),
                "\(text)")
    }

    @Test func aHandoutFromASteppedReplayIsTitledAndKeepsSplitNarrationInOneParagraph() throws {
        let (shell, _, _, folder) = try steppingShell()
        #expect(shell.run("replay \"lesson.hlab\" step=yes") == .completed)
        #expect(shell.run("save notebook \"handout.md\"") == .completed)
        let markdown = try String(contentsOf: folder.appendingPathComponent("handout.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Tutorial 0: a lesson in steps\n"), "\(markdown)")
        #expect(markdown.contains("\nFirst we load the flowers\nand split them.\n"), "\(markdown)")
        // The script comes back whole from the notebook.
        let script = Notebook.script(fromMarkdown: markdown)
        #expect(script.hasPrefix("say \"First we load the flowers\"\nsay \"and split them.\"\npause\nsay \"Loading:\"\nload iris\n"), "\(script)")
    }
}
