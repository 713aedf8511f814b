import Testing
@testable import HyperLabShell

/// `results` in a narrow terminal: whole columns make way, said in notes, instead of every
/// header being cut to "dev_…".
@Suite struct ResultsCommandTests {
    static func table() -> TextTable {
        TextTable(columns: ["trial", "learning_rate", "weight_decay", "dropout", "activation", "dev_acc", "dev_loss",
                            "epochs", "state"].map { TextTable.Column($0) },
                  rows: [["0", "0.001", "1e-05", "0.1", "relu", "0.9", "0.31", "20", "complete"],
                         ["1", "0.01", "1e-04", "0.2", "tanh", "0.8", "0.52", "20", "pruned (epoch 3)"]])
    }

    @Test func sameValuedColumnsGoFirstThenTheListedOnes() {
        var table = Self.table()
        let keep = ["trial", "dev_acc", "learning_rate", "weight_decay", "dropout", "activation"]
        #expect(table.naturalWidth == 100)
        Shell.makeRoom(in: &table, width: 95, keep: keep, dropFirst: ["dev_loss", "epochs"], rowsName: "trial", leftOutHint: "a wider terminal shows them")
        #expect(table.naturalWidth == 92)
        #expect(table.columns.map(\.header) == keep.prefix(1) + ["learning_rate", "weight_decay", "dropout", "activation",
                                                                  "dev_acc", "dev_loss", "state"])
        #expect(table.notes == ["every trial shown: epochs 20"])
        #expect(table.rows[1] == ["1", "0.01", "1e-04", "0.2", "tanh", "0.8", "0.52", "pruned (epoch 3)"])

        var narrower = Self.table()
        Shell.makeRoom(in: &narrower, width: 85, keep: keep, dropFirst: ["dev_loss", "epochs"], rowsName: "trial", leftOutHint: "a wider terminal shows them")
        #expect(narrower.naturalWidth == 82)
        #expect(!narrower.columns.contains { $0.header == "dev_loss" })
        #expect(narrower.columns.contains { $0.header == "state" })
        #expect(narrower.notes.contains("left out to fit 85 columns: dev_loss"))
    }

    @Test func aTableThatFitsIsLeftAlone() {
        var table = Self.table()
        Shell.makeRoom(in: &table, width: 200, keep: [], dropFirst: ["dev_loss"], rowsName: "trial", leftOutHint: "a wider terminal shows them")
        #expect(table.columns.count == 9 && table.notes.isEmpty)
    }
}
