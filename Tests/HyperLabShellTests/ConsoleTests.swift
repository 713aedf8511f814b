import Testing
@testable import HyperLabShell

@Suite struct ConsoleTests {
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
}
