import Synchronization
import Testing
@testable import HyperLabShell

/// The console: status lines only on a terminal, and a terminal's width read at each use, so
/// tables and plots fit a window resized between commands.
@Suite struct ConsoleTests {
    @Test func anObserverSurvivesAMillionLinesAndEndsWithoutDeepRecursion() {
        // A 60,000-trial sweep writes that many lines through one observer. Each read of a bare
        // closure kept in a Mutex wrapped it in one more thunk, and releasing the chain at the
        // end of the command overflowed the stack (SIGSEGV after "done").
        let capture = CapturedOutput()
        let console = capture.console()
        let counter = Mutex(0)
        console.observing({ _ in counter.withLock { $0 += 1 } }) {
            for _ in 0..<1_000_000 { console.write("") }
        }
        #expect(counter.withLock { $0 } == 1_000_000)
        console.line("after")
        #expect(counter.withLock { $0 } == 1_000_000, "the observer is gone after the command")
    }

    @Test func plainConsoleHasNoColourAndNoStatus() {
        let capture = CapturedOutput()
        let console = capture.console()
        console.status("epoch 1/10")
        console.line(console.paint("best", .bold))
        #expect(capture.text == "best\n")
    }

    @Test func terminalConsoleRedrawsStatusAndClearsIt() {
        let capture = CapturedOutput()
        let console = capture.console(traits: ConsoleTraits(isTerminal: true, color: true, width: 80, unicode: true))
        console.status("epoch 1/10")
        console.line("done")
        #expect(capture.text == "\r\u{1B}[2Kepoch 1/10\r\u{1B}[2Kdone\n")
    }

    @Test func aColouredStatusLineIsCutByVisibleColumnsNotByCharacters() {
        let capture = CapturedOutput()
        let console = capture.console(traits: ConsoleTraits(isTerminal: true, color: true, width: 14, unicode: true))
        let bold = "\u{1B}[1mabcdefghij\u{1B}[0m"   // 10 columns, 18 characters
        console.status(bold)
        #expect(capture.text == "\r\u{1B}[2K" + bold)
        console.status("\u{1B}[1mabcdefghijklmnop\u{1B}[0m")
        #expect(capture.text.hasSuffix("abcdefghijkl\u{1B}[0m…"))
    }

    @Test func aLiveWidthIsReadAtEachUse() {
        let columns = Mutex<Int?>(100)
        let console = Console(traits: .plain, out: { _ in }, liveWidth: { columns.withLock { $0 } })
        #expect(console.traits.width == 100)
        columns.withLock { $0 = 60 }
        #expect(console.traits.width == 60)
        columns.withLock { $0 = nil }
        #expect(console.traits.width == ConsoleTraits.plain.width)
        #expect(console.traits.unicode == ConsoleTraits.plain.unicode)
    }

    @Test func withoutALiveWidthTheTraitsStayAsGiven() {
        var narrow = ConsoleTraits.plain
        narrow.width = 40
        #expect(Console(traits: narrow, out: { _ in }).traits == narrow)
    }
}
