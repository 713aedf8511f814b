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
        #expect(BuiltinDatasets.names == ["iris", "wine", "breast-cancer", "digits", "diabetes",
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
}
