import Testing
@testable import HyperLabKit

@Suite struct DataSplitTests {
    let iris: Dataset
    init() throws { iris = try BuiltinDatasets.load(name: "iris") }

    @Test func sizesFollowTheFractionsAndPartsCoverEveryRowOnce() throws {
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 1)
        #expect(split.sizes == SplitSizes(train: 90, dev: 30, test: 30))
        #expect(split.sizes.description == "train 90 · dev 30 · test 30")
        #expect(split.train.count == 90 && split.dev.count == 30 && split.test.count == 30)
        let all = split.trainIndices + split.devIndices + split.testIndices
        #expect(all.sorted() == Array(0..<150))
        #expect(split.fractions == (try SplitFractions(train: 0.6, dev: 0.2, test: 0.2)))
        #expect(split.seed == 1 && !split.stratified)
        #expect(split.datasetName == "iris")
        #expect(split.train.featureCount == 4)
        // Uneven fractions: largest remainders, adding up to all rows.
        let odd = try DataSplit(dataset: iris, train: 0.7, dev: 0.15, test: 0.15)
        #expect(odd.sizes.train + odd.sizes.dev + odd.sizes.test == 150)
        #expect(odd.sizes.train == 105)
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let a = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 7)
        let b = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 7)
        let c = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 8)
        #expect(a.trainIndices == b.trainIndices && a.devIndices == b.devIndices && a.testIndices == b.testIndices)
        #expect(a.train == b.train)
        #expect(a.trainIndices != c.trainIndices)
    }

    @Test func fractionsMustBePositiveAndSumToOne() {
        do { _ = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.3); Issue.record("accepted") } catch {
            #expect(error.kind == .invalidFractions)
            #expect(error.message == "train + dev + test = 0.6 + 0.2 + 0.3 = 1.1, not 1")
        }
        do { _ = try DataSplit(dataset: iris, train: 0.8, dev: 0.2, test: 0); Issue.record("accepted") } catch {
            #expect(error.kind == .invalidFractions)
            #expect(error.key == "test")
        }
        do { _ = try DataSplit(dataset: iris, train: 1.2, dev: -0.1, test: -0.1); Issue.record("accepted") } catch {
            #expect(error.key == "train")
        }
        do { _ = try DataSplit(dataset: iris, train: .nan, dev: 0.5, test: 0.5); Issue.record("accepted") } catch {
            #expect(error.key == "train")
        }
        // Within 1e-9 of 1 is accepted.
        #expect(throws: Never.self) { try DataSplit(dataset: iris, train: 0.7, dev: 0.1, test: 0.2) }
    }

    @Test func everyPartNeedsARow() throws {
        let small = try BuiltinDatasets.load(name: "moons", options: ["n": .integer(10)])
        do { _ = try DataSplit(dataset: small, train: 0.48, dev: 0.48, test: 0.04); Issue.record("accepted") } catch {
            #expect(error.kind == .emptyPart)
            #expect(error.key == "test")
            #expect(error.hint?.contains("test= to at least 0.1") == true)
        }
    }

    @Test func stratifiedSplitKeepsClassProportions() throws {
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2, seed: 3, stratify: true)
        let counts = try #require(split.classCounts)
        #expect(counts.names == ["setosa", "versicolor", "virginica"])
        #expect(counts.train == [30, 30, 30])
        #expect(counts.dev == [10, 10, 10])
        #expect(counts.test == [10, 10, 10])
        #expect(split.test.classCounts == [10, 10, 10])

        let wine = try BuiltinDatasets.load(name: "wine")   // 59, 71, 48
        let stratified = try DataSplit(dataset: wine, train: 0.5, dev: 0.25, test: 0.25, seed: 1, stratify: true)
        let wineCounts = try #require(stratified.classCounts)
        for (k, total) in [59, 71, 48].enumerated() {
            #expect(abs(Double(wineCounts.train[k]) - 0.5 * Double(total)) <= 1)
            #expect(abs(Double(wineCounts.dev[k]) - 0.25 * Double(total)) <= 1)
            #expect(abs(Double(wineCounts.test[k]) - 0.25 * Double(total)) <= 1)
        }
        let all = stratified.trainIndices + stratified.devIndices + stratified.testIndices
        #expect(all.sorted() == Array(0..<178))
    }

    @Test func stratifiedSplitNamesAClassTooSmall() {
        let data = Dataset(name: "tiny", featureNames: ["a"], features: (0..<12).map(Double.init),
                           target: .classes(labels: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2], names: ["a", "b", "rare"]),
                           source: .builtin(name: "tiny", options: nil))
        do { _ = try DataSplit(dataset: data, train: 0.6, dev: 0.2, test: 0.2, stratify: true); Issue.record("accepted") } catch {
            #expect(error.kind == .classTooSmall)
            #expect(error.message.contains("class 'rare' has 2 rows"))
        }
        // With 3 rows in every class, every class reaches every part.
        let enough = Dataset(name: "tiny", featureNames: ["a"], features: (0..<9).map(Double.init),
                             target: .classes(labels: [0, 0, 0, 1, 1, 1, 2, 2, 2], names: ["a", "b", "c"]),
                             source: .builtin(name: "tiny", options: nil))
        let split = try? DataSplit(dataset: enough, train: 0.8, dev: 0.1, test: 0.1, stratify: true)
        #expect(split?.classCounts?.test == [1, 1, 1])
        #expect(split?.classCounts?.dev == [1, 1, 1])
    }

    @Test func stratifyNeedsClasses() throws {
        let diabetes = try BuiltinDatasets.load(name: "diabetes")
        do { _ = try DataSplit(dataset: diabetes, train: 0.6, dev: 0.2, test: 0.2, stratify: true); Issue.record("accepted") } catch {
            #expect(error.kind == .stratifyNeedsClasses)
        }
    }

    @Test func standardizationUsesTrainingStatisticsOnly() throws {
        let wine = try BuiltinDatasets.load(name: "wine")
        let split = try DataSplit(dataset: wine, train: 0.6, dev: 0.2, test: 0.2, seed: 5)
        let train = split.train.features, dev = split.dev.features
        var devFarFromUnit = false
        for f in 0..<wine.featureCount {
            let t = ValueStatistics((0..<train.rows).map { Double(train[$0, f]) })
            #expect(abs(t.mean) < 1e-5)
            #expect(abs(t.sd - 1) < 1e-5)
            let d = ValueStatistics((0..<dev.rows).map { Double(dev[$0, f]) })
            if abs(d.mean) > 1e-3 || abs(d.sd - 1) > 1e-3 { devFarFromUnit = true }
            // The means and scales are those of the raw training rows.
            let raw = ValueStatistics(split.trainIndices.map { wine.value(row: $0, feature: f) })
            #expect(abs(split.standardizer.means[f] - raw.mean) < 1e-9 * max(1, abs(raw.mean)))
            #expect(abs(split.standardizer.scales[f] - raw.sd) < 1e-9 * max(1, raw.sd))
            // Dev rows use the same statistics.
            let row = split.devIndices[0]
            let expected = (wine.value(row: row, feature: f) - raw.mean) / raw.sd
            #expect(abs(Double(dev[0, f]) - expected) < 1e-4)
        }
        #expect(devFarFromUnit)
    }

    @Test func constantFeaturesGetScaleOne() throws {
        let data = Dataset(name: "flat", featureNames: ["c", "x"], features: (0..<20).flatMap { [0.1, Double($0)] },
                           target: .values((0..<20).map(Double.init)), source: .builtin(name: "flat", options: nil))
        let split = try DataSplit(dataset: data, train: 0.5, dev: 0.25, test: 0.25)
        #expect(split.standardizer.scales[0] == 1)
        #expect((0..<split.train.count).allSatisfy { abs(split.train.features[$0, 0]) < 1e-6 })
    }

    @Test func regressionTargetsStayInOriginalUnitsAndClassesBecomeIndices() throws {
        let diabetes = try BuiltinDatasets.load(name: "diabetes")
        let split = try DataSplit(dataset: diabetes, train: 0.6, dev: 0.2, test: 0.2, seed: 2)
        guard case .values(let values) = split.train.targets, case .values(let all) = diabetes.target else {
            Issue.record("not regression"); return
        }
        #expect(values == split.trainIndices.map { Float(all[$0]) })
        #expect(split.classCounts == nil)
        let irisSplit = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2)
        guard case .classes(let labels, let k) = irisSplit.dev.targets, case .classes(let raw, _) = iris.target else {
            Issue.record("not classes"); return
        }
        #expect(k == 3)
        #expect(labels == irisSplit.devIndices.map { Int32(raw[$0]) })
    }

    @Test func trainAndDevJoinsBothParts() throws {
        let split = try DataSplit(dataset: iris, train: 0.6, dev: 0.2, test: 0.2)
        let joined = split.trainAndDev
        #expect(joined.count == 120)
        #expect(joined.subset(Array(0..<90)) == split.train)
        #expect(joined.subset(Array(90..<120)) == split.dev)
    }
}
