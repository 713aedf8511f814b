import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `load penguins`: the raw built-in table takes the options of a CSV file; the classic and
/// generated datasets refuse them, and penguins refuses theirs.
@Suite struct BuiltinTableCommandTests {
    static func run(_ t: Transcript, _ line: String) -> (outcome: RunOutcome, text: String) {
        DataCommandTests.run(t, line)
    }

    @Test func penguinsLoadsWithAMissingChoiceAndSaysWhatItDid() throws {
        let t = try Transcript(echo: false)
        let out = Self.run(t, "load penguins target=species missing=median").text
        #expect(out.contains("loaded penguins: 344 rows × 7 features, classification with 3 classes (Adelie, Chinstrap, Gentoo)"), "\(out)")
        #expect(out.contains("features used: bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, year, island, sex"), "\(out)")
        #expect(out.contains("text encoded one-hot with the train part's categories: island (3 values), sex (2 values, 11 missing)"), "\(out)")
        #expect(out.contains("8 empty cells: a split fills each with its column's median over the train part"), "\(out)")
        let split = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1").text
        #expect(split.contains("split penguins: train 206 · dev 70 · test 68 (seed 1, stratified)"), "\(split)")
        let shown = Self.run(t, "show data").text
        #expect(shown.contains("penguins (built-in raw table, target species): 344 rows, 7 features, classification"), "\(shown)")
        #expect(t.shell.recorded.first == "load penguins target=species missing=median")
    }

    @Test func withoutAMissingChoiceTheErrorNamesTheFirstGapAndTheChoices() throws {
        let t = try Transcript(echo: false)
        _ = Self.run(t, "load iris")
        let (outcome, out) = Self.run(t, "load penguins")
        #expect(outcome == .failed)
        #expect(out.contains("error: datasets/penguins.csv: line 5, column 3 ('bill_length_mm') is empty (8 missing cells in all)"), "\(out)")
        #expect(out.contains("hint: load penguins missing=drop leaves such rows out; missing=mean, median or most_frequent fills them"), "\(out)")
        #expect(t.shell.workbench.dataset?.name == "iris")
    }

    @Test func theClassicTablesRefuseCSVOptionsAndPenguinsRefusesGeneratorOptions() throws {
        let t = try Transcript(echo: false)
        let classic = Self.run(t, "load iris missing=median").text
        #expect(classic.contains("error: missing= applies to CSV files and raw tables (penguins), not to the built-in iris (line 1, column 11)"),
                "\(classic)")
        #expect(classic.contains("hint: load \"FILE.csv\" missing=..., or load penguins missing=..."), "\(classic)")
        let generated = Self.run(t, "load penguins n=30 missing=median").text
        #expect(generated.contains("error: n= applies to the generated datasets, not to the table penguins"), "\(generated)")
        #expect(generated.contains("penguins takes the options of a CSV file: target=, task=, missing=, drop="), "\(generated)")
        let target = Self.run(t, "load penguins target=spcies missing=median").text
        #expect(target.contains("no column 'spcies' in the header"), "\(target)")
        #expect(target.contains("hint: did you mean species?"), "\(target)")
        #expect(t.shell.workbench.dataset == nil)
    }

    @Test func anotherTargetAndTheColumnOptionsWork() throws {
        let t = try Transcript(echo: false)
        let out = Self.run(t, "load penguins target=body_mass_g missing=drop drop=[year] text=ordinal").text
        #expect(out.contains("loaded penguins: 333 rows × 6 features, regression"), "\(out)")
        #expect(out.contains("text encoded ordinal"), "\(out)")
        #expect(out.contains("dropped: year"), "\(out)")
        #expect(out.contains("left out 2 rows without a target"), "\(out)")
        #expect(out.contains("left out 9 rows with missing cells (missing=drop)"), "\(out)")
        let split = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1").text
        #expect(!split.contains("stratified"), "\(split)")
    }

    @Test func missingIndicatorsAreAnnouncedAndListedAfterTheSplit() throws {
        let t = try Transcript(echo: false)
        let out = Self.run(t, "load penguins missing=median missing_indicators=yes").text
        #expect(out.contains("missing indicators: a split adds bill_length_mm_missing, bill_depth_mm_missing, flipper_length_mm_missing, "
                             + "body_mass_g_missing (for the features with empty cells in its train part)"), "\(out)")
        _ = Self.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1")
        let split = try #require(t.shell.workbench.partitioning?.holdout)
        let shown = Self.run(t, "show data").text
        let names = split.standardizer.indicators.names
        #expect(!names.isEmpty)
        #expect(shown.contains("missing indicators from the train part's empty cells: " + names.joined(separator: ", ")), "\(shown)")
        #expect(split.featureNames.suffix(names.count) == names[...])
        #expect(Self.run(t, "train epochs=2").outcome == .completed)
        let refused = Self.run(t, "load penguins missing_indicators=yes").text
        #expect(refused.contains("error: missing_indicators=yes marks the cells that missing= fills, and missing=error fills none"), "\(refused)")
        #expect(refused.contains("hint: add missing=median (or mean, most_frequent), or leave out missing_indicators=yes"), "\(refused)")
        #expect(t.shell.workbench.partitioning?.holdout != nil)
    }

    @Test func datasetsListsPenguinsAndHelpLoadDocumentsEveryOption() throws {
        let t = try Transcript(echo: false)
        let listed = Self.run(t, "datasets").text
        #expect(listed.contains("penguins        344         7  classification        3"), "\(listed)")
        let help = Self.run(t, "help load").text
        for key in ["target", "task", "missing", "drop", "features", "keep", "text", "max_categories", "missing_indicators",
                    "n", "noise", "seed", "classes"] {
            #expect(help.contains("\n  \(key) "), "help load does not document \(key)")
        }
        #expect(help.contains("penguins"), "\(help)")
    }
}
