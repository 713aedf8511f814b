import Testing
@testable import HyperLabShell

@Suite struct HeatmapTests {
    let map = Heatmap(title: "dev_acc", rowName: "lr", columnName: "weight_decay",
                      rowLabels: ["1e-04", "0.001", "0.01"], columnLabels: ["0", "1e-04"],
                      values: [[0.91, 0.92], [0.97, 0.972], [0.95, nil]])

    @Test func shadesByRankAndMarksTheBestCell() {
        #expect(map.render(traits: renderTraits(width: 60)) == textLines("""
            dev_acc
                   weight_decay
            lr            0      1e-04
            1e-04  ░░ 0.91    ░░ 0.92
            0.001  ▓▓ 0.97    ██ 0.972★
            0.01   ▒▒ 0.95       —
                   ░ 0.91–0.92   ▒ 0.95   ▓ 0.97   █ 0.972
                   ★ best (highest)
            """))
    }

    @Test func asciiShadesAndMarker() {
        #expect(map.render(traits: renderTraits(width: 60, unicode: false)) == textLines("""
            dev_acc
                   weight_decay
            lr            0      1e-04
            1e-04  .. 0.91    :: 0.92
            0.001  ++ 0.97    %% 0.972*
            0.01   == 0.95       -
                   . 0.91   : 0.92   = 0.95   + 0.97   % 0.972
                   * best (highest)
            """))
    }

    @Test func lowerIsBetterMarksTheSmallest() {
        var loss = map
        loss.higherIsBetter = false
        #expect(loss.bestCell.map { [$0.row, $0.column] } == [0, 0])
        let output = loss.render(traits: renderTraits(width: 60))
        #expect(output[3] == "1e-04  ██ 0.91 ★  ▓▓ 0.92")
        #expect(output.last == "       ★ best (lowest)")
    }

    @Test func colourOnlyWhenAllowed() {
        let coloured = map.render(traits: renderTraits(width: 60, color: true))
        #expect(coloured.joined().contains("\u{1B}[38;5;"))
        #expect(coloured.map(\.strippingANSI) == map.render(traits: renderTraits(width: 60)))
    }

    @Test func anEmptyGridSaysSo() {
        let empty = Heatmap(rowName: "a", columnName: "b", rowLabels: ["1"], columnLabels: ["2"], values: [[nil]])
        #expect(empty.render(traits: renderTraits()) == ["(no values to show)"])
        #expect(empty.bestCell == nil)
    }

    @Test func binLabelsAreWholeAt80ColumnsAndWrapWhenNarrower() {
        let labels = ["~4.39e-06", "~3.92e-05", "~3.51e-04", "~0.00313", "~0.028"]
        let binned = Heatmap(title: "dev_acc", rowName: "lr", columnName: "weight_decay",
                             rowLabels: ["~5.75e-04", "~0.0105"], columnLabels: labels,
                             values: [[0.9, nil, 0.417, nil, 0.8], [nil, 0.9, nil, 0.889, nil]])
        let wide = binned.render(traits: renderTraits(width: 80))
        #expect(!wide.joined().contains("…"), "\(wide.joined(separator: "\n"))")
        for label in labels { #expect(wide[2].contains(label), "\(wide[2])") }
        let narrow = binned.render(traits: renderTraits(width: 56)).prefix(4).joined(separator: "\n")
        #expect(narrow.contains("~4.39e-") && narrow.contains("06"), "\(narrow)")
    }
}
