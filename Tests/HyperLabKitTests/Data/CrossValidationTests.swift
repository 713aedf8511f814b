import Testing
@testable import HyperLabKit

@Suite struct CrossValidationTests {
    let iris: Dataset
    init() throws { iris = try BuiltinDatasets.load(name: "iris") }

    /// A dataset with `perClass[k]` rows of class k and one feature equal to the row number.
    static func tiny(_ perClass: [Int]) -> Dataset {
        let labels = perClass.enumerated().flatMap { k, n in Array(repeating: k, count: n) }
        return Dataset(name: "tiny", featureNames: ["x"], features: labels.indices.map(Double.init),
                       target: .classes(labels: labels, names: perClass.indices.map { "c\($0)" }),
                       source: .builtin(name: "tiny", options: nil))
    }

    /// A regression dataset of `n` rows.
    static func line(_ n: Int) -> Dataset {
        Dataset(name: "line", featureNames: ["x", "z"], features: (0..<n).flatMap { [Double($0), Double($0 % 7)] },
                target: .values((0..<n).map { 2 * Double($0) + 1 }), source: .builtin(name: "line", options: nil))
    }

    @Test func foldsPartitionTheNonTestRowsOnceEach() throws {
        let split = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 1)
        #expect(split.test.count == 30)
        #expect(split.foldSizes == [24, 24, 24, 24, 24])
        #expect(split.sizesDescription == "5 folds of 24 rows (train 96 · dev 24) · test 30")
        let inFolds = split.foldIndices.flatMap { $0 }
        #expect(inFolds.count == 120 && Set(inFolds).count == 120)
        #expect(Set(inFolds).isDisjoint(with: split.testIndices))
        #expect((inFolds + split.testIndices).sorted() == Array(0..<150))
        #expect(Set(split.developmentIndices) == Set(inFolds))
        for k in 0..<5 {
            let fold = split.fold(k)
            #expect(fold.index == k)
            #expect(fold.devIndices == split.foldIndices[k])
            #expect(fold.trainIndices.count == 96 && fold.train.count == 96 && fold.dev.count == 24)
            #expect(Set(fold.trainIndices).isDisjoint(with: fold.devIndices))
            #expect(Set(fold.trainIndices + fold.devIndices) == Set(split.developmentIndices))
            #expect(Set(fold.trainIndices).isDisjoint(with: split.testIndices))
            #expect(fold.devToTrainRatio == 0.25)
        }
        #expect(split.devToTrainRatio == 0.25)
        // Uneven folds differ by one row at most.
        let seven = try CrossValidationSplit(dataset: iris, folds: 7, test: 0.2, seed: 1)
        #expect(seven.foldSizes.reduce(0, +) == 120)
        #expect(seven.foldSizes.max()! - seven.foldSizes.min()! <= 1)
        #expect(seven.sizesDescription == "7 folds of 17–18 rows (train 102–103 · dev 17–18) · test 30")
    }

    @Test func stratifiedFoldsKeepTheClassProportions() throws {
        let split = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 2)
        #expect(split.stratified)
        #expect(split.classNames == ["setosa", "versicolor", "virginica"])
        #expect(split.test.classCounts == [10, 10, 10])
        #expect(split.foldClassCounts == Array(repeating: [8, 8, 8], count: 5))

        let wine = try BuiltinDatasets.load(name: "wine")   // classes of 59, 71, 48
        let cv = try CrossValidationSplit(dataset: wine, folds: 4, test: 0.25, seed: 5)
        let testCounts = try #require(cv.test.classCounts)
        let foldCounts = try #require(cv.foldClassCounts)
        for (k, total) in [59, 71, 48].enumerated() {
            #expect(abs(Double(testCounts[k]) - 0.25 * Double(total)) <= 1)
            let perFold = foldCounts.map { $0[k] }
            #expect(perFold.reduce(0, +) + testCounts[k] == total)
            #expect(perFold.max()! - perFold.min()! <= 1)
        }
        #expect(cv.foldSizes.max()! - cv.foldSizes.min()! <= 1)
        // Every class reaches every fold, even a small one.
        let small = try CrossValidationSplit(dataset: CrossValidationTests.tiny([40, 6]), folds: 5, test: 0.2, seed: 0)
        #expect(small.test.classCounts == [8, 1])
        #expect(small.foldClassCounts!.allSatisfy { $0[1] == 1 })
    }

    @Test func eachFoldIsStandardizedWithItsOwnTrainingRowsOnly() throws {
        var split = try CrossValidationSplit(dataset: iris, folds: 4, test: 0.2, seed: 3)
        for k in 0..<4 {
            let fold = split.fold(k)
            #expect(fold.standardizer == Standardizer(fitting: iris, rows: fold.trainIndices))
            #expect(fold.train.features == fold.standardizer.standardized(iris, rows: fold.trainIndices))
            #expect(fold.dev.features == fold.standardizer.standardized(iris, rows: fold.devIndices))
            #expect(fold.dev.targets == iris.target.partitionTargets(fold.devIndices))
            // Not the statistics of all development rows, which include the dev fold.
            #expect(fold.standardizer != split.standardizer)
            // Training columns have mean 0 and sd 1.
            let column = (0..<fold.train.count).map { Double(fold.train.features.storage[$0 * 4]) }
            let mean = column.reduce(0, +) / Double(column.count)
            let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)).squareRoot()
            #expect(abs(mean) < 1e-5 && abs(sd - 1) < 1e-5)
        }
        // The test part and the final fit use the statistics of all development rows.
        #expect(split.standardizer == Standardizer(fitting: iris, rows: split.developmentIndices))
        #expect(split.trainAndDev.features == split.standardizer.standardized(iris, rows: split.developmentIndices))
        #expect(split.testLooks == 0)
        let test = split.openTest()
        #expect(split.testLooks == 1)
        #expect(test.features == split.standardizer.standardized(iris, rows: split.testIndices))
        #expect(test.targets == iris.target.partitionTargets(split.testIndices))
    }

    @Test func sameSeedSameSplitAndRefoldingKeepsTheTestPart() throws {
        let a = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 9)
        let b = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 9)
        let c = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: 10)
        #expect(a.foldIndices == b.foldIndices && a.testIndices == b.testIndices)
        #expect(a.fold(2) == b.fold(2))
        #expect(a.foldIndices != c.foldIndices && Set(a.testIndices) != Set(c.testIndices))

        var looked = a
        _ = looked.openTest()
        let again = looked.refolded(seed: 4)
        #expect(again.testIndices == a.testIndices && again.testLooks == 1)
        #expect(again.seed == 9 && again.foldSeed == 4)
        #expect(again.foldIndices != a.foldIndices)
        #expect(Set(again.foldIndices.flatMap { $0 }) == Set(a.developmentIndices))
        #expect(again.foldClassCounts == Array(repeating: [8, 8, 8], count: 5))
        #expect(a.refolded(seed: 9).foldIndices == a.foldIndices)
    }

    @Test func unstratifiedHoldOutMatchesDataSplitsTestRows() throws {
        for seed in [1, 2, 3] {
            let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: seed)
            let cv = try CrossValidationSplit(dataset: iris, folds: 5, test: 0.2, seed: seed, stratify: false)
            #expect(!cv.stratified)
            #expect(Set(cv.testIndices) == Set(split.testIndices))
        }
    }

    @Test func regressionIsNotStratified() throws {
        let data = CrossValidationTests.line(50)
        let split = try CrossValidationSplit(dataset: data, folds: 5, test: 0.2, seed: 1)
        #expect(!split.stratified && split.foldClassCounts == nil && split.task == .regression)
        #expect(split.foldSizes == [8, 8, 8, 8, 8])
        // Regression targets stay in their own units.
        let fold = split.fold(0)
        #expect(fold.dev.targets == .values(fold.devIndices.map { Float(2 * Double($0) + 1) }))
        do { _ = try CrossValidationSplit(dataset: data, folds: 5, test: 0.2, stratify: true); Issue.record("accepted") } catch {
            #expect(error.kind == .stratifyNeedsClasses)
        }
    }

    @Test func foldCountAndTestFractionAreChecked() {
        for k in [1, 21, -3] {
            do { _ = try CrossValidationSplit(dataset: iris, folds: k, test: 0.2); Issue.record("accepted") } catch {
                #expect(error.kind == .invalidOption && error.key == "cv")
                #expect(error.message == "cv=\(k) is out of range: cross-validation takes 2 to 20 folds")
                #expect(error.hint != nil)
            }
        }
        for f in [0, 1, -0.2, 1.5, .nan] {
            do { _ = try CrossValidationSplit(dataset: iris, folds: 5, test: f); Issue.record("accepted") } catch {
                #expect(error.kind == .invalidFractions && error.key == "test")
                #expect(error.hint == "cross-validation still holds out a test part, e.g. cv=5 test=0.2")
            }
        }
        #expect(throws: Never.self) { try CrossValidationSplit(dataset: iris, folds: 2, test: 0.5) }
        #expect(throws: Never.self) { try CrossValidationSplit(dataset: iris, folds: 20, test: 0.1) }
    }

    @Test func tooFewRowsAndTooSmallClassesAreErrors() {
        let twelve = CrossValidationTests.line(12)
        do { _ = try CrossValidationSplit(dataset: twelve, folds: 10, test: 0.25); Issue.record("accepted") } catch {
            #expect(error.kind == .emptyPart && error.key == "cv")
            #expect(error.message == "cv=10 needs at least 10 rows outside the test part, and there are 9")
        }
        do { _ = try CrossValidationSplit(dataset: twelve, folds: 3, test: 0.02); Issue.record("accepted") } catch {
            #expect(error.kind == .emptyPart && error.key == "test")
            #expect(error.hint == "raise test= to at least 0.09, or use a dataset with more rows")
        }
        do { _ = try CrossValidationSplit(dataset: CrossValidationTests.tiny([30, 5]), folds: 5, test: 0.2); Issue.record("accepted") } catch {
            #expect(error.kind == .classTooSmall && error.key == "cv")
            #expect(error.message == "class 'c1' has 5 rows: too few for a test row and one row in each of 5 folds")
            #expect(error.hint == "stratified cross-validation with cv=5 needs at least 6 rows per class; lower cv=, or use stratify=no")
        }
        // Unstratified, the small class is allowed.
        #expect(throws: Never.self) {
            try CrossValidationSplit(dataset: CrossValidationTests.tiny([30, 5]), folds: 5, test: 0.2, stratify: false)
        }
    }
}
