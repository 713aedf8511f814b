import Testing
@testable import HyperLabShell

@Suite struct SVGDocumentTests {
    @Test func textAndAttributesAreEscaped() {
        let element = SVGElement("text", ["class": "a\"b'c<d>&e"], text: "x < 1 & y > 2 \"q\"")
        #expect(element.rendered() == "<text class=\"a&quot;b&apos;c&lt;d&gt;&amp;e\">x &lt; 1 &amp; y &gt; 2 \"q\"</text>")
    }

    @Test func charactersXMLDoesNotAllowAreDropped() {
        #expect(SVGEscape.text("\u{1B}[1mbold\u{1B}[0m\u{0}") == "[1mbold[0m")
        #expect(SVGEscape.text("tab\tand\nline") == "tab\tand\nline")
        #expect(SVGEscape.attribute("two\nlines") == "two&#10;lines")
        #expect(SVGEscape.text("λ × ★ 😀") == "λ × ★ 😀")
    }

    @Test func documentHasAViewBoxATitleAndAWhiteBackground() throws {
        var document = SVGDocument(width: 300, height: 200, title: "A & B <c>")
        document.add(SVGElement("circle", ["class": "point", "cx": 10.0.svgText, "cy": 20.5.svgText, "r": "3"]))
        let text = document.rendered()
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let svg = try #require(parseSVG(text))
        #expect(svg.root?.name == "svg")
        #expect(svg.root?.attributes["viewBox"] == "0 0 300 200")
        #expect(svg.root?.attributes["width"] == "300")
        #expect(svg.nodes.first { $0.name == "title" }?.text == "A & B <c>")
        #expect(svg.ofClass("background").first?.attributes["fill"] == "#ffffff")
        #expect(svg.ofClass("point").first?.attributes["cy"] == "20.5")
    }

    @Test func numbersHaveAtMostTwoDecimalsAndNeverNaN() {
        #expect(1.0.svgText == "1")
        #expect(2.345678.svgText == "2.35")
        #expect((-0.001).svgText == "0")
        #expect(Double.nan.svgText == "0")
        #expect(Double.infinity.svgText == "0")
    }

    @Test func textWidthsGrowWithLengthAndTruncationFits() {
        let short = SVGTextMetrics.width("lr", size: 12)
        let long = SVGTextMetrics.width("weight_decay", size: 12)
        #expect(short > 0 && long > short * 3)
        let cut = SVGTextMetrics.truncated("a very long legend label indeed", toWidth: 80, size: 13)
        #expect(cut.hasSuffix("…"))
        #expect(SVGTextMetrics.width(cut, size: 13) <= 80)
        #expect(SVGTextMetrics.truncated("short", toWidth: 80, size: 13) == "short")
    }

    @Test func paletteIsOkabeItoInTheTerminalsOrder() {
        #expect(SVGPalette.color(0) == "#0072B2")
        #expect(SVGPalette.color(1) == "#E69F00")
        #expect(SVGPalette.color(0, style: .green) == "#009E73")
        #expect(SVGPalette.color(of: .red) == "#D55E00")
        #expect(Set((0..<7).map { SVGPalette.color($0) }).count == 7)
        #expect(SVGPalette.mix("#0072B2", withWhite: 1) == "#FFFFFF")
        #expect(SVGPalette.mix("#0072B2", withWhite: 0) == "#0072B2")
        #expect(SVGPalette.heat(levels: 4).count == 4)
    }

    @Test func markersFollowTheTerminalGlyphs() {
        #expect(SVGMarker.forGlyph("●", index: 3) == .circle)
        #expect(SVGMarker.forGlyph("○", index: 0) == .openCircle)
        #expect(SVGMarker.forGlyph("×", index: 0) == .cross)
        #expect(SVGMarker.forGlyph("★", index: 0) == .star)
        #expect(SVGMarker.forGlyph("?", index: 1) == .diamond)
        #expect(SVGMarker.forCategory(.pruned, index: 1) == .openCircle)
        for marker in SVGMarker.allCases {
            let element = marker.element(x: 10, y: 10, size: 8, color: "#000000", className: "point")
            #expect(parseSVG(element.rendered()) != nil)
        }
    }
}

@Suite struct SVGTitleTests {
    @Test func longTitlesWrapOntoASecondLineThenAreCut() {
        let title = "parallel coordinates of the top 10 trials, each key scaled to its range, and more words still"
        let lines = SVGTextMetrics.wrapped(title, toWidth: 400, size: 18, bold: true)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("parallel coordinates"))
        #expect(lines[1].hasSuffix("…"))
        for line in lines { #expect(SVGTextMetrics.width(line, size: 18, bold: true) <= 400) }
        #expect(SVGTextMetrics.wrapped("short title", toWidth: 400, size: 18) == ["short title"])
    }

    @Test func aLongChartTitleStaysInsideTheDocument() throws {
        let chart = LineChart(title: String(repeating: "learning curve ", count: 12), series: [.init("a", values: [1, 2])])
        let svg = try #require(parseSVG(chart.svg()))
        let titles = svg.ofClass("title")
        #expect(titles.count == 2)
        for title in titles {
            #expect(SVGTextMetrics.width(title.text, size: SVGStyle.titleSize, bold: true) <= 720 - 2 * SVGStyle.margin)
        }
    }
}
