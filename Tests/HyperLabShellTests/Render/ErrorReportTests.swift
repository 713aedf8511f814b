import HyperLabKit
import Testing
@testable import HyperLabShell

/// `ErrorReport`: a long input line is shown around the caret, never whole.
@Suite struct ErrorReportTests {
    @Test func aShortLineIsShownWhole() {
        let report = ErrorReport.render(InputError("unknown command 'lod'", at: SourceSpan(line: 1, column: 1, length: 3)),
                                        source: nil, lineText: "lod iris")
        #expect(report == "error: unknown command 'lod' (line 1, column 1)\n  lod iris\n  ^~~\n")
    }

    @Test func aLongLineIsCutAroundTheCaret() {
        let line = String(repeating: "a", count: 5_000) + " bad " + String(repeating: "b", count: 5_000)
        let report = ErrorReport.render(InputError("wrong", at: SourceSpan(line: 1, column: 5_002, length: 3)),
                                        source: nil, lineText: line)
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines[1].count == 2 + InputQuote.maximumLength)
        #expect(lines[1].hasPrefix("  …aaaaaaaaa bad bbb") && lines[1].hasSuffix("b…"))
        // The caret still sits under "bad".
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } ?? -1
        #expect(Array(lines[1])[caret...].starts(with: "bad"), "\(lines[1])\n\(lines[2])")
        #expect(lines[2].hasSuffix("^~~"))
    }

    @Test func aCaretNearTheEndsOfALongLine() {
        let line = String(repeating: "x", count: 300)
        let start = ErrorReport.window(line, column: 1)
        #expect(start.caret == 0 && start.text.hasSuffix("…") && !start.text.hasPrefix("…"))
        let end = ErrorReport.window(line, column: 301)   // just after the line, as "needs target=" points
        #expect(end.caret == end.text.count && end.text.hasPrefix("…") && !end.text.hasSuffix("…"))
        #expect(end.text.count == InputQuote.maximumLength)
    }
}
