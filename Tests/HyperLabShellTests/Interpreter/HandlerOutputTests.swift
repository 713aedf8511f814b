import HyperLabTestSupport
import Testing
@testable import HyperLabShell

/// Handlers that return a `CommandOutput`: their blocks in order, warnings included, and the
/// dispatcher printing exactly that.
@Suite struct HandlerOutputTests {
    @Test func aSplitAfterALookEndsWithItsWarningBlock() throws {
        let t = try TypedResultTests.swept()
        t.type("evaluate test")
        var bench = t.shell.workbench
        let output = try t.shell.split(TypedResultTests.bound("split train=0.6 dev=0.2 test=0.2 seed=3"), on: &bench)
        guard case .line(let head, nil)? = output.blocks.first, case .warning(let warning)? = output.blocks.last else {
            Issue.record("unexpected blocks \(output.blocks)")
            return
        }
        #expect(head.hasPrefix("split moons: "))
        #expect(warning.hasPrefix("a new split after seeing the test set lets test information leak"))
        #expect(warning.hasSuffix("counted as look 2 at the test set of moons"))
    }

    @Test func configureReportsTheGroupsSettings() throws {
        let t = try TypedResultTests.swept()
        var bench = t.shell.workbench
        let model = try t.shell.configure(TypedResultTests.bound("model mlp hidden=[8]"), on: &bench)
        #expect(model.plainText == "model mlp hidden=[8] activation=relu dropout=0\n")
        let set = try t.shell.configure(TypedResultTests.bound("set epochs=7 batch=16"), on: &bench)
        #expect(set.plainText == "epochs = 7\nbatch = 16\n")
        #expect(bench.configuration.epochs == 7)
    }

    @Test func runsIsLaidOutForTheConsoleAndPrintedAsIs() throws {
        let t = try TypedResultTests.swept()
        #expect(t.shell.listRuns(t.shell.workbench).plainText == "no runs yet: train runs the current configuration\n")
        t.type("train epochs=2")
        let runs = t.shell.listRuns(t.shell.workbench)
        #expect(runs.plainText.contains("mlp [4] relu"))
        #expect(TypedResultTests.printed(t, "runs") == runs.plainText)
    }

    @Test func aPlotReturnsItsDrawingTextAndNotesAndTheNotesFollowWrote() throws {
        let t = try TypedResultTests.swept()
        let plot = try t.shell.plotParallel(TypedResultTests.bound("plot parallel"), t.shell.workbench)
        #expect(plot.svg.hasPrefix("<?xml") && plot.svg.contains("<svg"))
        #expect(!plot.text(.plain).isEmpty)
        #expect(plot.notes.count == 1 && plot.notes[0].hasPrefix("axes: 1 lr "))
        let printed = TypedResultTests.printed(t, "plot parallel to=\"parallel.svg\"")
        #expect(printed == plot.figure.plainText + "wrote parallel.svg\n" + plot.notes[0] + "\n")
    }

    @Test func aLooksStoreThatCannotBeReadWarnsInPlaceInShowData() throws {
        let t = try TypedResultTests.swept()
        t.shell.options.repository = FailingWritesRepository(failingFromTrial: .max, looksFail: true)
        let output = try t.shell.showData(TypedResultTests.bound("show data"), t.shell.workbench)
        let count = output.blocks.count
        guard count >= 2, case .warning(let warning) = output.blocks[count - 2],
              case .line("test set looks: 0", nil) = output.blocks[count - 1] else {
            Issue.record("unexpected blocks \(output.blocks)")
            return
        }
        #expect(warning == "the looks kept in test.sqlite cannot be read (the disk is full); counting this session's only")
        #expect(TypedResultTests.printed(t, "show data") == output.plainText)
    }
}
