import Testing
@testable import HyperLabKit

/// The pruner registry: each kind's type says its settings, builds from them and round-trips
/// through the text the store keeps.
@Suite struct PrunerKindTests {
    @Test(arguments: PrunerKind.allCases)
    func eachKindBuildsItsTypeFromItsDefaultsAndStoredSettings(_ kind: PrunerKind) throws {
        #expect(type(of: kind.pruner) == kind.prunerType)
        for setting in kind.settings {
            #expect(setting.range.contains(setting.defaultValue), "\(kind) \(setting.name)")
            #expect(kind.settingRanges[setting.name] == setting.range)
        }
        #expect((kind.settingRanges[PrunerKind.maximumEpochsSetting] != nil) == kind.budgetsEpochs)
        var stored = Dictionary(uniqueKeysWithValues: kind.settings.map { ($0.name, $0.countsEpochs ? "27" : "\($0.range.upperBound)") })
        if kind.budgetsEpochs { stored[PrunerKind.maximumEpochsSetting] = "27" }
        let pruner = try kind.pruner(settings: stored)
        #expect(type(of: pruner) == kind.prunerType)
        #expect((kind == .none) == (kind.prunerType.summary == nil), "every method has a phrase in prune='s help")
    }

    @Test func hyperbandsSettingsReachThePrunerAndItsHeading() throws {
        let pruner = try #require(try PrunerKind.hyperband.pruner(settings: ["eta": "2", "min_epochs": "3", "max_epochs": "12"])
                                  as? HyperbandPruner)
        #expect((pruner.reductionFactor, pruner.minimumResource, pruner.maximumResource) == (2, 3, 12))
        #expect(pruner.settingsSummary == "eta 2, epochs 3 to 12")
        #expect(MedianPruner().settingsSummary == nil)
    }

    @Test func aSettingOfAnotherKindOrOutOfRangeIsAnInvalidRecord() {
        #expect(throws: StorageError.self) { try PrunerKind.asha.pruner(settings: ["eta": "3"]) }
        #expect(throws: StorageError.self) { try PrunerKind.hyperband.pruner(settings: ["eta": "1"]) }
        #expect(throws: StorageError.self) { try PrunerKind.hyperband.pruner(settings: ["min_epochs": "x"]) }
        // A store edited by hand: the first rung after the last epoch.
        #expect(throws: StorageError.self) { try PrunerKind.hyperband.pruner(settings: ["min_epochs": "20", "max_epochs": "8"]) }
    }

    @Test func onlyHyperbandChangesTheSamplerAndOnlyTPEs() throws {
        let space = try SearchSpace([])
        for kind in PrunerKind.allCases {
            for samplerKind in SamplerKind.allCases where samplerKind != .grid {
                guard let sampler = try? samplerKind.sampler(space: space, baseline: nil) else { continue }
                let used = kind.sampler(sampler, of: samplerKind, with: kind.pruner)
                #expect((used is BudgetedSampler) == (kind == .hyperband && samplerKind == .tpe), "\(kind) \(samplerKind)")
            }
        }
    }
}
