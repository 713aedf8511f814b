import Testing
@testable import HyperLabShell

/// `runs` in an 80-column terminal: the schedule stays whole in its own column, and every run
/// that did not complete says so in a note, so the outcome column can make way.
@Suite struct RunsCommandTests {
    @Test func schedulesStayWholeAndOutcomesHaveNotes() throws {
        let t = try Transcript(echo: false)
        t.type("""
            load diabetes
            split train=0.7 dev=0.15 test=0.15 seed=0
            model mlp hidden=[128,128]
            optimizer adam lr=0.03
            schedule cosine warmup=3
            set epochs=5
            train
            optimizer sgd lr=5
            schedule constant warmup=0
            train
            """)
        let before = t.output.text.count
        t.type("runs")
        let out = String(t.output.text.dropFirst(before))
        #expect(out.contains("cosine warmup 3"))
        #expect(out.contains("run 2: diverged at epoch 1 of 5"), "\(t.output.text)")
        #expect(!out.contains("…"))
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func outcomeWordsAreShortAndTheNotesSayWhen() {
        #expect(Shell.outcomeShort(.diverged(epoch: 3)) == "diverged")
        #expect(Shell.outcomeShort(.interrupted(afterEpoch: 12)) == "interrupted")
        #expect(Shell.outcomeShort(.stoppedEarly(bestEpoch: 6)) == "early stop")
    }
}
