import Testing
@testable import HyperLabKit

@Suite struct GeneratedDatasetsTests {
    static let shapes = ["moons", "circles", "spirals", "xor", "blobs"]

    @Test(arguments: shapes)
    func defaultsGiveBalancedTwoDimensionalClasses(name: String) throws {
        let data = try BuiltinDatasets.load(name: name)
        #expect(data.rowCount == 200)
        #expect(data.featureNames == ["x1", "x2"])
        #expect(data.task == .classification)
        let counts = data.target.classCounts ?? []
        #expect(counts.count == (name == "blobs" ? 3 : 2))
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1)
        #expect(data.features.allSatisfy { $0.isFinite && abs($0) < 5 })
    }

    @Test(arguments: shapes)
    func sameSeedSameRowsOtherSeedOtherRows(name: String) throws {
        let a = try BuiltinDatasets.load(name: name, options: ["seed": .integer(3), "n": .integer(60)])
        let b = try BuiltinDatasets.load(name: name, options: ["seed": .integer(3), "n": .integer(60)])
        let c = try BuiltinDatasets.load(name: name, options: ["seed": .integer(4), "n": .integer(60)])
        #expect(a == b)
        #expect(a.features != c.features)
        #expect(a.rowCount == 60)
    }

    @Test func optionsAreRecordedInTheSource() throws {
        let data = try BuiltinDatasets.load(name: "spirals", options: ["classes": .integer(3), "noise": .real(0.2)])
        #expect(data.classNames == ["0", "1", "2"])
        #expect(data.source.loadArguments == "spirals n=200 noise=0.2 seed=0 classes=3")
        guard case .builtin(let name, let options?) = data.source else { Issue.record("no options"); return }
        #expect(try BuiltinDatasets.load(name: name, options: options.values) == data)
        #expect(try BuiltinDatasets.load(name: "moons").source.loadArguments == "moons n=200 noise=0.1 seed=0")
    }

    @Test func noiseZeroPutsPointsOnTheShape() throws {
        let circles = try BuiltinDatasets.load(name: "circles", options: ["noise": .integer(0)])
        guard case .classes(let labels, _) = circles.target else { Issue.record("not classes"); return }
        for r in 0..<circles.rowCount {
            let radius = (circles.value(row: r, feature: 0) * circles.value(row: r, feature: 0)
                + circles.value(row: r, feature: 1) * circles.value(row: r, feature: 1)).squareRoot()
            #expect(abs(radius - (labels[r] == 0 ? 1 : 0.5)) < 1e-9)
        }
        let xor = try BuiltinDatasets.load(name: "xor", options: ["noise": .real(0)])
        guard case .classes(let xorLabels, _) = xor.target else { Issue.record("not classes"); return }
        for r in 0..<xor.rowCount {
            let sameSign = xor.value(row: r, feature: 0) * xor.value(row: r, feature: 1) >= 0
            #expect(xorLabels[r] == (sameSign ? 0 : 1))
        }
    }

    @Test func optionsAreValidated() {
        let cases: [(String, [String: ParameterValue], DataError.Kind, String)] = [
            ("moons", ["n": .integer(5)], .invalidOption, "n"),
            ("moons", ["n": .integer(100_001)], .invalidOption, "n"),
            ("moons", ["n": .real(20.5)], .invalidOption, "n"),
            ("moons", ["noise": .real(2.5)], .invalidOption, "noise"),
            ("moons", ["noise": .real(-0.1)], .invalidOption, "noise"),
            ("moons", ["seed": .integer(-1)], .invalidOption, "seed"),
            ("moons", ["noise": .word("lots")], .invalidOption, "noise"),
            ("blobs", ["classes": .integer(11)], .invalidOption, "classes"),
            ("moons", ["classes": .integer(3)], .unknownOption, "classes"),
            ("moons", ["nosie": .real(0.2)], .unknownOption, "nosie"),
        ]
        for (name, options, kind, key) in cases {
            do { _ = try BuiltinDatasets.load(name: name, options: options); Issue.record("accepted \(options)") } catch {
                #expect(error.kind == kind)
                #expect(error.key == key)
            }
        }
        do { _ = try BuiltinDatasets.load(name: "moons", options: ["nosie": .real(0.2)]) } catch {
            #expect(error.hint == "did you mean noise?")
        }
        do { _ = try BuiltinDatasets.load(name: "moons", options: ["n": .integer(5)]) } catch {
            #expect(error.message == "n=5 is not valid for moons: n takes a whole number from 10 to 100000")
        }
        // A whole real is accepted as an integer, an integer as a real.
        #expect(throws: Never.self) { try BuiltinDatasets.load(name: "moons", options: ["n": .real(40), "noise": .integer(1)]) }
    }
}
