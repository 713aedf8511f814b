import Foundation
import Testing
@testable import HyperLabShell

@Suite struct TextTableTests {
    let table = TextTable(title: "Trials", headers: ["trial", "lr", "dev_acc", "state"],
                          rows: [["1", "0.01", "0.95", "complete"], ["2", "1e-04", "0.972", "complete"],
                                 ["10", "0.1", "12.5", "pruned"], ["11", "0.003", "100", "failed"]],
                          markedRow: 1, markerNote: "best dev_acc")

    @Test func unicodeTableHasARuleAStarAndDecimalAlignment() {
        #expect(table.render(traits: renderTraits()) == textLines("""
            Trials
              trial     lr  dev_acc  state
              ─────  ─────  ───────  ────────
                  1  0.01     0.95   complete
            ★     2  1e-04    0.972  complete
                 10  0.1     12.5    pruned
                 11  0.003  100      failed
            ★ best dev_acc
            """))
    }

    @Test func asciiTableUsesOnlyAscii() {
        let output = table.render(traits: renderTraits(unicode: false))
        #expect(output == textLines("""
            Trials
              trial     lr  dev_acc  state
              -----  -----  -------  --------
                  1  0.01     0.95   complete
            *     2  1e-04    0.972  complete
                 10  0.1     12.5    pruned
                 11  0.003  100      failed
            * best dev_acc
            """))
        #expect(output.joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func decimalPointsLineUp() {
        let output = TextTable(headers: ["value"], rows: [["0.972"], ["12.5"], ["100"]]).render(traits: renderTraits())
        #expect(output == textLines("""
              value
            ───────
              0.972
             12.5
            100
            """))
        let points = output.dropFirst(2).compactMap { line in line.firstIndex(of: ".").map { line.distance(from: line.startIndex, to: $0) } }
        #expect(points == [3, 3])
    }

    @Test func wideTextIsCutToFitTheWidthAndNumbersAreNot() {
        let wide = TextTable(headers: ["name", "description", "value"],
                             rows: [["lr", "learning rate of the optimizer", "0.001"],
                                    ["weight_decay", "L2 penalty on the weights", "1e-04"]])
        let output = wide.render(traits: renderTraits(width: 30))
        #expect(output == textLines("""
            name        description  value
            ──────────  ───────────  ─────
            lr          learning r…  0.001
            weight_de…  L2 penalty…  1e-04
            """))
        #expect(output.allSatisfy { line in line.displayWidth <= 30 })
    }

    @Test func colourCodesOnlyWhenColourIsAllowed() {
        let plain = table.render(traits: renderTraits())
        let coloured = table.render(traits: renderTraits(color: true))
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains("\u{1B}[1m"))
        #expect(coloured.map(\.strippingANSI) == plain)
    }

    @Test func shortRowsAreFilledAndNoMarkerColumnWithoutAMarkedRow() {
        let output = TextTable(headers: ["a", "b"], rows: [["x"], ["y", "2"]]).render(traits: renderTraits())
        #expect(output == textLines("""
            a  b
            ─  ─
            x
            y  2
            """))
    }

    @Test func aWrappedColumnWrapsAtSpacesAndTheWeightKeepsItWide() {
        let columns = [TextTable.Column("key", alignment: .left), TextTable.Column("takes", alignment: .wrapped),
                       TextTable.Column("meaning", alignment: .wrapped, weight: 2)]
        let rows = [["seed", "a whole number ≥ 0", "seed of the sampler; each trial's seed derives from it"]]
        let output = TextTable(columns: columns, rows: rows).render(traits: renderTraits(width: 50))
        #expect(output.allSatisfy { $0.displayWidth <= 50 })
        let start = output[0].range(of: "meaning")!.lowerBound.utf16Offset(in: output[0])
        let meaning = output.dropFirst(2).map { String($0.dropFirst(start)).trimmingCharacters(in: .whitespaces) }
        #expect(meaning.joined(separator: " ") == "seed of the sampler; each trial's seed derives from it", "\(output)")
        #expect(!output.joined().contains("…"))
        #expect(output[0].hasPrefix("key   takes           meaning"), "\(output)")   // 14 and 28 columns: meaning keeps twice the room
    }
}
