import Testing
@testable import HyperLabShell

@Suite struct BarChartTests {
    let chart = BarChart(title: "Importance", bars: [.init("lr", 0.6), .init("weight_decay", 0.25), .init("batch", 0.05)],
                         maxBarWidth: 16)

    @Test func barsInEighthsWithAlignedValues() {
        // 0.25 / 0.6 × 16 = 6.67 cells: six full blocks and five eighths.
        #expect(chart.render(traits: renderTraits()) == textLines("""
            Importance
            lr            ████████████████  0.6
            weight_decay  ██████▋           0.25
            batch         █▍                0.05
            """))
    }

    @Test func asciiBarsAreWholeCharacters() {
        #expect(chart.render(traits: renderTraits(unicode: false)) == textLines("""
            Importance
            lr            ################  0.6
            weight_decay  #######           0.25
            batch         #                 0.05
            """))
    }

    @Test func negativeValuesGrowLeftOfAZeroLine() {
        let mixed = BarChart(bars: [.init("a", 0.5), .init("b", -0.25)], maxBarWidth: 12)
        #expect(mixed.render(traits: renderTraits()) == textLines("""
            a      │████████   0.5
            b  ████│          -0.25
            """))
    }

    @Test func colourOnlyWhenAllowed() {
        let coloured = chart.render(traits: renderTraits(color: true))
        #expect(coloured.joined().contains("\u{1B}[36m"))
        #expect(coloured.map(\.strippingANSI) == chart.render(traits: renderTraits()))
    }
}
