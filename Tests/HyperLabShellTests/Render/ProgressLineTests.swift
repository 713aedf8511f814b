import Testing
@testable import HyperLabShell

@Suite struct ProgressLineTests {
    let epoch = ProgressLine(label: "epoch", done: 7, total: 20,
                             fields: [.init("dev_acc", "0.953"), .init("best", "0.961")], elapsed: 1.2)

    @Test func aFullLineHasCountBarPercentFieldsAndTimes() {
        #expect(epoch.render(traits: renderTraits(width: 100))
                == "epoch  7/20 ███████░░░░░░░░░░░░░  35%  dev_acc 0.953  best 0.961  1.2 s  ETA 2.2 s")
        #expect(epoch.render(traits: renderTraits(width: 100, unicode: false))
                == "epoch  7/20 #######-------------  35%  dev_acc 0.953  best 0.961  1.2 s  ETA 2.2 s")
    }

    @Test func narrowLinesGiveUpTheLeastImportantPartsFirst() {
        #expect(epoch.render(traits: renderTraits(width: 60))
                == "epoch  7/20 ██░░░░░░  dev_acc 0.953  1.2 s  ETA 2.2 s")
        #expect(epoch.render(traits: renderTraits(width: 40)) == "epoch  7/20 ██░░░░░░  1.2 s  ETA 2.2 s")
        for width in stride(from: 10, through: 120, by: 7) {
            #expect(epoch.render(traits: renderTraits(width: width)).displayWidth <= max(10, width - 1))
        }
    }

    @Test func sweepsShowTheBestTrialAndTheCounts() {
        let line = ProgressLine.sweep(done: 12, total: 40, running: 2, pruned: 3, failed: 0,
                                      best: (metric: "dev_acc", value: 0.97222, trial: 9), elapsed: 12.4)
        #expect(line.estimatedRemaining.map { Int($0.rounded()) } == 29)
        #expect(line.render(traits: renderTraits(width: 120))
                == "trials 12/40 ██████░░░░░░░░░░░░░░  30%  best dev_acc 0.972 (#9)  2 running, 3 pruned  12 s  ETA 29 s")
    }

    @Test func anUnknownTotalHasNoBarAndNoEstimate() {
        let line = ProgressLine(label: "trials", done: 5, total: nil, elapsed: 3)
        #expect(line.render(traits: renderTraits()) == "trials 5  3.0 s")
        #expect(line.estimatedRemaining == nil)
    }

    @Test func colourOnlyWhenAllowed() {
        #expect(!epoch.render(traits: renderTraits(width: 100)).contains("\u{1B}"))
        let coloured = epoch.render(traits: renderTraits(width: 100, color: true))
        #expect(coloured.contains("\u{1B}[36m"))
        #expect(coloured.strippingANSI == epoch.render(traits: renderTraits(width: 100)))
    }
}
