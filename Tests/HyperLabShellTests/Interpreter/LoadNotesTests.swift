import Foundation
import Testing
@testable import HyperLabShell

/// `load` of a real table says what it did, and `show data` lists the encoded text columns.
struct LoadNotesTests {
    static let rStyle = """
    "","species","island","bill","sex"
    "1","Adelie","Torgersen",39.1,"male"
    "2","Adelie","Dream",NA,NA
    "3","Gentoo","Biscoe",46.1,"female"
    "4",NA,"Biscoe",45.2,"female"
    "5","Gentoo","Biscoe",50,"male"
    "6","Adelie","Dream",37.8,"male"
    "7","Gentoo","Biscoe",47.3,"female"
    "8","Adelie","Torgersen",38.2,"female"

    """

    @Test func loadNamesIdentifiersEncodedColumnsAndDroppedRows() throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(Self.rStyle, "r.csv", in: t)
        let out = DataCommandTests.run(t, "load \"r.csv\" target=species missing=median").text
        #expect(out.contains("loaded r.csv: 7 rows × 3 features, classification with 2 classes"), "\(out)")
        #expect(out.contains("features used: bill, island, sex"), "\(out)")
        #expect(out.contains("left out column 1 (unnamed), an identifier"), "\(out)")
        #expect(out.contains("left out 1 row without a target"), "\(out)")
        #expect(out.contains("text encoded one-hot with the train part's categories: island (3 values), sex (2 values, 1 missing)"), "\(out)")
        #expect(out.contains("with its column's median over the train part"), "\(out)")
        _ = DataCommandTests.run(t, "split train=0.6 dev=0.2 test=0.2 seed=1")
        let shown = DataCommandTests.run(t, "show data").text
        #expect(shown.contains("text column"), "\(shown)")
        #expect(shown.contains("categories learned from the train part"), "\(shown)")
    }

    @Test func anUnknownDropColumnIsAPositionedErrorWithAHint() throws {
        let t = try Transcript(echo: false)
        try DataCommandTests.write(Self.rStyle, "r.csv", in: t)
        let out = DataCommandTests.run(t, "load \"r.csv\" target=species drop=[islnd] missing=median").text
        #expect(out.contains("r.csv, line 1: no column 'islnd' in the header"), "\(out)")
        #expect(out.contains("did you mean island?"), "\(out)")
        let both = DataCommandTests.run(t, "load \"r.csv\" target=species drop=[sex] features=[sex, bill]").text
        #expect(both.contains("'sex' is named in both features= and drop="), "\(both)")
    }
}
