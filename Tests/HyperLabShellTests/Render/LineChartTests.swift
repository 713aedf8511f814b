import Foundation
import Testing
@testable import HyperLabShell

@Suite struct LineChartTests {
    let diagonal = LineChart(series: [.init("y", points: [PlotPoint(x: 0, y: 0), PlotPoint(x: 2, y: 2)])], height: 3)

    @Test func brailleDotsLandWhereExpected() {
        // 13 cells × 3 rows = 26 × 12 dots; (0, 0) is dot (1, 2), (2, 2) is dot (25, 10):
        // the line rises one dot every three across.
        #expect(diagonal.render(traits: renderTraits(width: 16)) == textLines("""
            2 ┤         ⣀⡠⠤⠒
            1 ┤   ⣀⡠⠤⠒⠊⠉
            0 ┤⠐⠊⠉
              └┬───────────┬
               0           2
               ── y
            """))
    }

    @Test func asciiLinesUseTheSeriesCharacter() {
        #expect(diagonal.render(traits: renderTraits(width: 16, unicode: false)) == textLines("""
            2 +         ****
            1 +   ******
            0 +***
              ++-----------+
               0           2
               * y
            """))
    }

    @Test func twoSeriesHaveMarkersAndALegend() {
        let chart = LineChart(title: "Loss", xLabel: "epoch",
                              series: [.init("train", values: [1.0, 0.6, 0.4, 0.3]),
                                       .init("dev", values: [1.1, 0.8, 0.7, 0.7])], height: 5)
        #expect(chart.render(traits: renderTraits()) == textLines("""
            Loss
            1.5 ┤
            1.0 ┤     ◆⠲⠤⣤⠤⣀◆⣀⣀
            0.5 ┤         ⠉⠑●⠒⠒⠭⠭◆⠭⠭⢍⣉⣉◆
            0.0 ┤
                └┬──────────────────────────┬
                 0                          5  epoch
                 ─●─ train   ─◆─ dev
            """))
        #expect(chart.render(traits: renderTraits(unicode: false)) == textLines("""
            Loss
            1.5 +
            1.0 +     ooooooooo
            0.5 +        ******ooooooooo
            0.0 +
                ++--------------------------+
                 0                          5  epoch
                 * train   o dev
            """))
    }

    @Test func colourOnlyWhenAllowedAndTheTextIsTheSame() {
        let chart = LineChart(series: [.init("a", values: [1, 2, 3]), .init("b", values: [3, 2, 1])])
        let plain = chart.render(traits: renderTraits(width: 60))
        let coloured = chart.render(traits: renderTraits(width: 60, color: true))
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains("\u{1B}[34m"))
        #expect(coloured.joined().contains("\u{1B}[33m"))
        #expect(coloured.map(\.strippingANSI) == plain)
    }

    @Test func stackedChartsShareTheXAxisAndAlignTheirYAxes() {
        let loss = LineChart(yLabel: "loss", series: [.init("train_loss", values: [0.9, 0.5, 0.3, 0.2])], height: 4)
        let accuracy = LineChart(xLabel: "epoch", yLabel: "dev_acc", series: [.init("dev_acc", values: [0.7, 0.85, 0.9, 0.92])], height: 4)
        let output = LineChart.renderStacked([loss, accuracy], traits: renderTraits(width: 50))
        let axisLines = output.filter { $0.contains("└") }
        #expect(axisLines.count == 2)
        #expect(axisLines[0] == axisLines[1])
        #expect(output.filter { $0.hasSuffix("epoch") }.count == 1)
        #expect(output.last == "     ── dev_acc")
    }

    @Test func logScaleSkipsValuesThatAreNotPositive() {
        let chart = LineChart(series: [.init("loss", values: [1, 0.1, 0, 0.01])], yScale: .log, height: 6)
        let output = chart.render(traits: renderTraits(width: 40))
        #expect(output.contains { $0.hasPrefix("0.01 ┤") })
        #expect(output.contains { $0.hasPrefix("   1 ┤") })
    }

    @Test func nothingToPlotSaysSo() {
        let chart = LineChart(title: "Loss", series: [.init("loss", values: [.nan, .infinity])])
        #expect(chart.render(traits: renderTraits()) == ["Loss", "(no data to plot)"])
    }

    @Test func seriesWithTheSameCurveAreNamedInANote() {
        let same = [0.9, 0.5, 0.4]
        let chart = LineChart(series: [.init("run 1", values: same), .init("run 2", values: [0.8, 0.6, 0.5]),
                                       .init("run 3", values: same)], height: 6)
        let note = "run 1 and run 3 have the same curve: one line shows them all"
        #expect(chart.sameCurveNotes == [note])
        #expect(chart.render(traits: renderTraits(width: 70)).contains { $0.trimmingCharacters(in: .whitespaces) == note })
        #expect(LineChart.svgStacked([chart]).contains(note))
        #expect(LineChart(series: [.init("a", values: same), .init("b", values: [0.9, 0.5, 0.41])]).sameCurveNotes.isEmpty)
    }
}
