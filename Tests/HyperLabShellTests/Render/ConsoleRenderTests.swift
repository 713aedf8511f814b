import Synchronization
import Testing
@testable import HyperLabShell

/// `Console.render`: each block of a `CommandOutput` printed as the handlers printed it.
@Suite struct ConsoleRenderTests {
    @Test func linesTextAndLaidOutLinesPrintInOrder() {
        let capture = CapturedOutput()
        var output = CommandOutput.line("first")
        output.text("no newline|")
        output.lines(["a", "b"])
        output.lines([])
        output.line()
        capture.console().render(output, timings: false)
        #expect(capture.text == "first\nno newline|a\nb\n\n")
    }

    @Test func anObserverGetsAPlainLinesAlternative() {
        let capture = CapturedOutput()
        let console = capture.console()
        let observed = Mutex("")
        console.observing({ text in observed.withLock { $0 += text } }) {
            console.render(.line("took 3.2 s", plain: "took"), timings: true)
        }
        #expect(capture.text == "took 3.2 s\n")
        #expect(observed.withLock { $0 } == "took\n")
    }

    @Test func aTableIsLaidOutForTheConsolesWidthWhenPrinted() {
        let table = TextTable(columns: [.init("key", alignment: .left), .init("value", alignment: .wrapped)],
                              rows: [["lr", "a value long enough to wrap in a narrow console"]])
        let wide = CapturedOutput(), narrow = CapturedOutput()
        wide.console(traits: renderTraits(width: 80)).render(CommandOutput([.table(table)]), timings: false)
        narrow.console(traits: renderTraits(width: 30)).render(CommandOutput([.table(table)]), timings: false)
        #expect(wide.text == table.render(traits: renderTraits(width: 80)).map { $0 + "\n" }.joined())
        #expect(narrow.text == table.render(traits: renderTraits(width: 30)).map { $0 + "\n" }.joined())
        #expect(wide.text != narrow.text)
    }

    @Test func aFittedTableIsBuiltForTheConsolesWidth() {
        let capture = CapturedOutput()
        let widths = Mutex<[Int]>([])
        capture.console(traits: renderTraits(width: 33, unicode: false)).render(
            CommandOutput([.fittedTable { width in
                widths.withLock { $0.append(width) }
                return TextTable(headers: ["width"], rows: [[String(width)]])
            }]), timings: false)
        #expect(capture.text == "width\n-----\n   33\n")
        #expect(widths.withLock { $0 } == [33], "without a table sink it is built once")
    }

    @Test func aWarningIsYellowOnlyWhereColourIsAllowed() {
        let plain = CapturedOutput(), coloured = CapturedOutput()
        plain.console().render(CommandOutput([.warning("look 2")]), timings: false)
        coloured.console(traits: renderTraits(color: true)).render(CommandOutput([.warning("look 2")]), timings: false)
        #expect(plain.text == "warning: look 2\n")
        #expect(coloured.text == "\u{1B}[33mwarning:\u{1B}[0m look 2\n")
    }

    @Test func aPresentedBlockShowsTimingsWhileTheNotebookGetsThePlainLayout() {
        let written = Mutex("")
        let observed = Mutex("")
        let console = Console(traits: renderTraits(width: 50), out: { text in written.withLock { $0 += text } })
        var output = CommandOutput()
        output.present { traits, timings in ["\(traits.width) columns" + (timings ? ", 2.5 s" : "")] }
        output.presentLine { timings in "done" + (timings ? " in 2.5 s" : "") }
        console.observing({ text in observed.withLock { $0 += text } }) { console.render(output, timings: true) }
        #expect(written.withLock { $0 } == "50 columns, 2.5 s\ndone in 2.5 s\n")
        #expect(observed.withLock { $0 } == "80 columns\ndone\n")
    }

    @Test func aFigureGoesToTheSinkAndAroundFigureSeesItsDrawing() {
        let written = Mutex("")
        let figures = Mutex<[String]>([])
        let around = Mutex<[String]>([])
        let console = Console(traits: .plain, out: { text in written.withLock { $0 += text } },
                              figure: { svg, text in figures.withLock { $0.append(svg + "|" + text) } })
        var output = CommandOutput.line("before")
        output.figure(svg: "<svg/>", text: CommandOutput([.lines(["row 1", "row 2"])]))
        output.line("after")
        console.render(output, timings: false, aroundFigure: { svg, draw in
            around.withLock { $0.append(svg) }
            draw()
        })
        #expect(written.withLock { $0 } == "before\nafter\n")
        #expect(figures.withLock { $0 } == ["<svg/>|row 1\nrow 2\n"])
        #expect(around.withLock { $0 } == ["<svg/>"])
    }

    @Test func withoutAFigureSinkAFigureIsItsText() {
        let capture = CapturedOutput()
        capture.console().render(CommandOutput([.figure(svg: "<svg/>", body: .line("plot"))]), timings: false)
        #expect(capture.text == "plot\n")
    }

    @Test func aTableGoesToTheTableSinkAsHTMLAndText() {
        let written = Mutex("")
        let tables = Mutex<[(html: String, text: String)]>([])
        let console = Console(traits: .plain, out: { text in written.withLock { $0 += text } },
                              table: { html, text in tables.withLock { $0.append((html, text)) } })
        let observed = Mutex("")
        var output = CommandOutput.line("before")
        output.table(TextTable(headers: ["a", "b"], rows: [["1", "x"]]))
        output.line("after")
        console.observing({ text in observed.withLock { $0 += text } }) { console.render(output, timings: false) }
        #expect(written.withLock { $0 } == "before\nafter\n")
        let sent = tables.withLock { $0 }
        #expect(sent.count == 1)
        #expect(sent.first?.html.hasPrefix("<table class=\"hyperlab\">") == true)
        #expect(sent.first?.text == "a  b\n─  ─\n1  x\n")
        #expect(observed.withLock { $0 } == "before\na  b\n─  ─\n1  x\nafter\n", "the notebook still records the table's text")
    }

    @Test func aPresentedTableIsBuiltForTheConsoleThePlainNotebookAndTheSinkApart() {
        let widths = Mutex<[Int]>([])
        let tables = Mutex<[String]>([])
        let console = Console(traits: ConsoleTraits(isTerminal: false, color: false, width: 50, unicode: true), out: { _ in },
                              table: { html, _ in tables.withLock { $0.append(html) } })
        var output = CommandOutput()
        output.presentTable { width, timings in
            widths.withLock { $0.append(width) }
            return TextTable(headers: ["t"] + (timings ? ["seconds"] : []), rows: [["1"] + (timings ? ["2.5"] : [])])
        }
        console.render(output, timings: true)
        #expect(widths.withLock { $0 } == [50, 80, Console.htmlTableWidth])
        #expect(tables.withLock { $0 }.first?.contains("seconds") == true, "the sink's table shows what the console shows")
    }
}
