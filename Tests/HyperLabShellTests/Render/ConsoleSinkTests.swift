import Synchronization
import Testing
@testable import HyperLabShell

/// A console with status and figure sinks (how the Jupyter kernel shows progress and plots).
@Suite struct ConsoleSinkTests {
    @Test func statusLinesGoToTheSinkNotTheOutput() {
        let written = Mutex("")
        let updates = Mutex<[Console.StatusUpdate]>([])
        let console = Console(traits: ConsoleTraits(isTerminal: true, color: false, width: 100, unicode: true),
                              out: { text in written.withLock { $0 += text } },
                              status: { update in updates.withLock { $0.append(update) } })
        console.status("trials 1/4")
        console.status("trials 2/4")
        console.line("done")
        #expect(written.withLock { $0 } == "done\n", "no escape codes in the output")
        #expect(updates.withLock { $0 } == [.show("trials 1/4"), .show("trials 2/4"), .clear])
    }

    @Test func aFigureGoesToItsSinkWithItsTextAndObserversStillSeeIt() {
        let written = Mutex("")
        let figures = Mutex<[String]>([])
        let observed = Mutex("")
        let console = Console(traits: .plain, out: { text in written.withLock { $0 += text } },
                              figure: { svg, text in figures.withLock { $0.append(svg + "|" + text) } })
        console.observing({ text in observed.withLock { $0 += text } }) {
            console.line("before")
            console.figure(svg: "<svg/>") { console.lines(["plot row 1", "plot row 2"]) }
            console.line("after")
        }
        #expect(written.withLock { $0 } == "before\nafter\n")
        #expect(figures.withLock { $0 } == ["<svg/>|plot row 1\nplot row 2\n"])
        #expect(observed.withLock { $0 } == "before\nplot row 1\nplot row 2\nafter\n", "the notebook recorder still gets the plot's text")
    }

    @Test func withoutAFigureSinkAPlotIsText() {
        let capture = CapturedOutput()
        let console = capture.console()
        console.figure(svg: "<svg/>") { console.line("plot") }
        #expect(capture.text == "plot\n")
    }
}
