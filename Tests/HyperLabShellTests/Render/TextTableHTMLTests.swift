import Testing
@testable import HyperLabShell

/// `TextTable.html`: the table a notebook front end shows beside the text.
@Suite struct TextTableHTMLTests {
    @Test func headersRowsAndAlignmentBecomeAnHTMLTable() {
        let table = TextTable(title: "Trials", columns: [.init("trial"), .init("optimizer")],
                              rows: [["1", "adam"], ["12", "sgd"]])
        #expect(table.html == """
            <table class="hyperlab">
            <caption>Trials</caption>
            <thead><tr><th style="text-align: right">trial</th><th style="text-align: left">optimizer</th></tr></thead>
            <tbody>
            <tr><td style="text-align: right">1</td><td style="text-align: left">adam</td></tr>
            <tr><td style="text-align: right">12</td><td style="text-align: left">sgd</td></tr>
            </tbody>
            </table>

            """)
    }

    @Test func theMarkedRowIsBoldWithTheMarkerAndTheNotesFollow() {
        var table = TextTable(headers: ["trial", "dev_acc"], rows: [["0", "0.9"], ["1", "0.95"], ["2", "0.93"]],
                              markedRow: 1, markerNote: "best dev_acc", notes: ["3 trials"])
        table.markedRows = [2]
        let html = table.html
        #expect(html.contains("<thead><tr><th></th>"))
        #expect(html.contains("<tr><td></td><td style=\"text-align: right\">0</td>"))
        #expect(html.contains("<tr style=\"font-weight: bold\"><td>★</td><td style=\"text-align: right\">1</td>"))
        #expect(html.contains("<tr style=\"font-weight: bold\"><td>★</td><td style=\"text-align: right\">2</td>"))
        #expect(html.hasSuffix("</table>\n<p>★ best dev_acc</p>\n<p>3 trials</p>\n"))
    }

    @Test func cellsAreEscapedAndShortRowsFilled() {
        let table = TextTable(headers: ["name", "value"], rows: [["<b>&\"x\"", "\u{1B}[31mred"], ["short"]])
        let html = table.html
        #expect(html.contains("&lt;b&gt;&amp;\"x\""))
        #expect(!html.contains("<b>") && !html.contains("\u{1B}"))
        #expect(html.contains("<tr><td style=\"text-align: left\">short</td><td style=\"text-align: left\"></td></tr>"))
    }
}
