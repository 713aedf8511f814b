import Testing
@testable import HyperLabShell

@Suite struct DisplayWidthTests {
    @Test func colourCodesTakeNoColumns() {
        #expect("\u{1B}[1;33m★\u{1B}[0m best".displayWidth == 6)
        #expect("\u{1B}[38;5;153m░░\u{1B}[0m".strippingANSI == "░░")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect("学习率".displayWidth == 6)
        #expect("⣿█★…".displayWidth == 4)
        #expect("e\u{301}".displayWidth == 1)
    }

    @Test func truncationEndsInAnEllipsisAndFits() {
        #expect("learning rate".truncated(toWidth: 8) == "learnin…")
        #expect("learning rate".truncated(toWidth: 8, ellipsis: "~") == "learnin~")
        #expect("lr".truncated(toWidth: 8) == "lr")
        #expect("学习率".truncated(toWidth: 5) == "学习…")
    }
}
