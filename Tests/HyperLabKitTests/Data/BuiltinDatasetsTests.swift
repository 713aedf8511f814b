import Testing
@testable import HyperLabKit

@Suite struct BuiltinDatasetsTests {
    @Test func irisShapeAndClasses() throws {
        let iris = try BuiltinDatasets.load(name: "iris")
        #expect(iris.rowCount == 150)
        #expect(iris.featureCount == 4)
        #expect(iris.task == .classification)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(iris.target.classCounts == [50, 50, 50])
        #expect(iris.featureNames[0] == "sepal length (cm)")
        #expect(iris.value(row: 0, feature: 0) == 5.1)
        #expect(iris.source == .builtin(name: "iris", options: nil))
    }

    @Test(arguments: [
        ("wine", 178, 13, LearningTask.classification, 3),
        ("breast-cancer", 569, 30, .classification, 2),
        ("digits", 1797, 64, .classification, 10),
        ("diabetes", 442, 10, .regression, 0),
    ])
    func bundledShapes(name: String, rows: Int, features: Int, task: LearningTask, classes: Int) throws {
        let data = try BuiltinDatasets.load(name: name)
        #expect(data.rowCount == rows)
        #expect(data.featureCount == features)
        #expect(data.task == task)
        #expect((data.classNames?.count ?? 0) == classes)
        let info = try BuiltinDatasets.info(named: name)
        #expect(info.rows == rows && info.features == features && info.task == task)
    }

    @Test func classBalanceOfWineBreastCancerAndDigits() throws {
        #expect(try BuiltinDatasets.load(name: "wine").target.classCounts == [59, 71, 48])
        let cancer = try BuiltinDatasets.load(name: "breast_cancer")
        #expect(cancer.name == "breast-cancer")
        #expect(cancer.classNames == ["benign", "malignant"])
        #expect(cancer.target.classCounts == [357, 212])
        let digits = try BuiltinDatasets.load(name: "digits")
        #expect(digits.classNames == (0...9).map(String.init))
        #expect(digits.target.classCounts?.reduce(0, +) == 1797)
    }

    @Test func diabetesTargetIsInOriginalUnits() throws {
        let summary = DatasetSummary(try BuiltinDatasets.load(name: "diabetes"))
        #expect(summary.target?.min == 25)
        #expect(summary.target?.max == 346)
    }

    @Test func catalogueListsEveryDatasetWithGeneratedOptions() throws {
        #expect(BuiltinDatasets.names == ["iris", "wine", "breast-cancer", "digits", "diabetes", "penguins",
                                          "moons", "circles", "spirals", "xor", "blobs"])
        for info in BuiltinDatasets.catalogue {
            #expect(!info.summary.isEmpty)
            #expect(info.isGenerated == !info.options.isEmpty)
        }
        let blobs = try BuiltinDatasets.info(named: "blobs")
        #expect(blobs.options.map(\.name) == ["n", "noise", "seed", "classes"])
        #expect(blobs.classes == 3)
        #expect(try BuiltinDatasets.info(named: "moons").options.map(\.name) == ["n", "noise", "seed"])
    }

    @Test func unknownNameSuggestsTheClosest() {
        do { _ = try BuiltinDatasets.load(name: "irsi"); Issue.record("loaded") } catch {
            #expect(error.kind == .unknownDataset)
            #expect(error.hint == "did you mean iris?")
        }
        do { _ = try BuiltinDatasets.load(name: "breast"); Issue.record("loaded") } catch {
            #expect(error.hint == "did you mean breast-cancer?")
        }
        do { _ = try BuiltinDatasets.load(name: "mnist"); Issue.record("loaded") } catch {
            #expect(error.hint?.contains("iris, wine") == true)
        }
    }

    @Test func bundledTablesTakeNoOptions() {
        do { _ = try BuiltinDatasets.load(name: "iris", options: ["n": .integer(50)]); Issue.record("loaded") } catch {
            #expect(error.kind == .unknownOption)
            #expect(error.key == "n")
        }
    }

    // MARK: penguins, the raw table

    @Test func penguinsIsBundledRawWithItsGapsAndTextColumns() throws {
        let birds = try BuiltinDatasets.loadTable(name: "penguins", missing: .median)
        #expect(birds.rowCount == 344)
        #expect(birds.featureNames == ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year"])
        #expect(birds.textColumns.map(\.name) == ["island", "sex"])
        #expect(birds.textColumns[1].missingCount == 11)
        #expect(birds.missingCounts == [2, 2, 2, 2, 0])
        #expect(birds.classNames == ["Adelie", "Chinstrap", "Gentoo"])
        #expect(birds.target.classCounts == [152, 68, 124])
        #expect(birds.report == LoadReport())
        #expect(birds.source == .builtinTable(name: "penguins", target: "species", task: .classification, missing: .median))
        #expect(birds.source.loadArguments == "penguins target=species task=classification missing=median")
        let info = try BuiltinDatasets.info(named: "penguins")
        #expect(info.isTable && !info.isGenerated && info.options.isEmpty && info.defaultTarget == "species")
        #expect(info.rows == birds.rowCount && info.features == birds.columnCount && info.classes == 3)
    }

    @Test func theBundledPenguinsFileIsTheRawExport() throws {
        // The sha256 that /work/shared/datasets/PROVENANCE.md records for palmerpenguins 0.1.6's raw export.
        let path = try BuiltinDatasets.bundledPath("penguins")
        #expect(try SHA256.hex(ofFile: path) == "f2d6493fc64ad958edbabd55eb0fc989af2c5a0458a2c79ccffe7985606feb60")
        #expect(BuiltinDatasets.columnNames(ofTable: "penguins")
                    == ["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"])
        #expect(BuiltinDatasets.columnNames(ofTable: "iris").isEmpty)
    }

    @Test func penguinsWithoutAMissingChoiceNamesTheFirstGapAndTheOptions() {
        do { _ = try BuiltinDatasets.load(name: "penguins"); Issue.record("loaded") } catch {
            #expect(error.kind == .missingValues)
            #expect(error.file == "datasets/penguins.csv")
            #expect(error.line == 5 && error.column == 3)
            #expect(error.message.contains("8 missing cells in all"))
            #expect(error.hint == "load penguins missing=drop leaves such rows out; missing=mean, median or most_frequent fills them from the train part")
        }
    }

    @Test func penguinsTakesTheCSVOptions() throws {
        let mass = try BuiltinDatasets.loadTable(name: "penguins", target: "body_mass_g", missing: .drop,
                                                 columns: CSVColumnOptions(drop: ["year"], text: .ordinal))
        #expect(mass.task == .regression)
        #expect(mass.report.taskInferred)
        #expect(mass.report.rowsWithoutTarget == 2)
        #expect(mass.report.rowsWithGaps == 9)
        #expect(mass.report.dropped == ["year"])
        #expect(mass.textColumns.map(\.name) == ["species", "island", "sex"])
        #expect(mass.source.loadArguments == "penguins target=body_mass_g task=regression missing=drop drop=[year] text=ordinal")
        do { _ = try BuiltinDatasets.loadTable(name: "penguins", target: "spcies", missing: .median); Issue.record("loaded") } catch {
            #expect(error.kind == .missingTargetColumn && error.hint == "did you mean species?")
        }
    }

    @Test func onlyTheRawTablesTakeCSVOptions() {
        do { _ = try BuiltinDatasets.loadTable(name: "iris"); Issue.record("loaded") } catch {
            #expect(error.kind == .unknownOption)
            #expect(error.hint?.contains("penguins") == true)
        }
        do { _ = try BuiltinDatasets.load(name: "penguins", options: ["n": .integer(50)]); Issue.record("loaded") } catch {
            #expect(error.kind == .unknownOption && error.key == "n")
        }
    }

    @Test func penguinsSplitsAreStratifiedByDefaultAndTheClassicTablesAreNot() throws {
        let birds = try BuiltinDatasets.loadTable(name: "penguins", missing: .median)
        #expect(DataSplit.stratifiesByDefault(birds))
        #expect(!DataSplit.stratifiesByDefault(try BuiltinDatasets.load(name: "iris")))
    }
}
