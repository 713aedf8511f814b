import Testing
@testable import HyperLabShell

/// `CommandOutput`: blocks kept in order, and its plain text.
@Suite struct CommandOutputTests {
    @Test func blocksAreKeptInTheOrderAppended() {
        var output = CommandOutput.line("head")
        output.warning("careful")
        output.append(CommandOutput.line("tail"))
        #expect(output.blocks.count == 3)
        guard case .line("head", nil) = output.blocks[0], case .warning("careful") = output.blocks[1],
              case .line("tail", nil) = output.blocks[2] else {
            Issue.record("unexpected blocks \(output.blocks)")
            return
        }
    }

    @Test func plainTextIsWhatAPlainConsolePrintsWithoutTimings() {
        var output = CommandOutput.line("a")
        output.presentLine { timings in timings ? "with time" : "without time" }
        output.warning("w")
        #expect(output.plainText == "a\nwithout time\nwarning: w\n")
    }

    @Test func anEmptyOutputPrintsNothing() {
        #expect(CommandOutput().plainText.isEmpty)
        #expect(CommandOutput().blocks.isEmpty)
    }
}
