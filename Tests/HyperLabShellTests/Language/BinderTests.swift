import Testing
@testable import HyperLabShell
import HyperLabKit

@Suite struct BinderTests {
    private func bind(_ text: String) throws -> BoundCommand {
        try Binder.bind(try #require(try Parser.parse(text).first))
    }

    private func error(_ text: String) -> InputError? {
        do {
            _ = try bind(text)
            return nil
        } catch let e as InputError {
            return e
        } catch {
            return nil
        }
    }

    @Test func aColumnListNamesItsOptionWhenAnItemIsNotAName() {
        let e = error("load \"p.csv\" target=y drop=[log(2)]")
        #expect(e?.message == "drop takes column names, not log(2)")
        #expect(e?.hint == "write drop=[a, b], quoting names with spaces: drop=[\"home town\"]")
    }

    /// A value of the wrong kind gets a hint with a value that fits: KEY=VALUE for an option,
    /// the value alone for a positional argument, none for a name of the user's own.
    @Test func aValueOfTheWrongKindHintsAtOneThatFits() {
        #expect(error("sweep random n=abc lr=log(1e-3, 1e-1)")?.hint == "for example n=1")
        #expect(error("sweep random n=4 lr=log(1e-3, 1e-1) prune=hyperband eta=[2, 3]")?.hint == "for example eta=2")
        #expect(error("sweep grid lr=[1e-3, 1e-2] force=maybe")?.message == "force takes yes or no, not maybe")
        #expect(error("sweep grid lr=[1e-3, 1e-2] force=maybe")?.hint == "write force=yes or force=no")
        #expect(error("show trial abc")?.hint == "for example 0")
    }

    /// An option given twice, or by two names of one key, is refused at the second: which one
    /// should count is not clear (the last used to win without a word).
    @Test func anOptionGivenTwiceIsRefusedAtTheSecond() {
        let twice = error("sweep random n=2 epochs=[3, 4] lr=log(1e-4, 1e-1) epochs=4")
        #expect(twice?.message == "epochs= is given twice")
        #expect(twice?.span?.column == 51)
        #expect(twice?.hint == "keep one of them: which should count is not clear")
        #expect(error("train seed=1 train_seed=2")?.message == "train_seed= and seed= set the same thing")
    }

    /// Int.max is in seed='s documented range: its digits are read exactly, not through the
    /// Double nearest to them (9.223372036854776e18, which no Int holds).
    @Test func theLargestSeedIsReadExactly() throws {
        let split = try bind("split train=0.6 dev=0.2 test=0.2 seed=9223372036854775807")
        #expect(split.option("seed") == .integer(Int.max))
        let set = try bind("set seed=9223372036854775807")
        #expect(set.canonicalText == "set seed=9223372036854775807")
        #expect(error("split train=0.6 dev=0.2 test=0.2 seed=9223372036854775808")?.message == "seed=9223372036854775808 is out of range")
        #expect(error("set seed=9223372036854775808")?.message == "seed=9223372036854775808 is out of range")
    }

    @Test func unknownCommandSuggestsTheClosest() {
        #expect(error("lod iris") == InputError("unknown command 'lod'", at: SourceSpan(line: 1, column: 1, length: 3),
                                                hint: "did you mean load?"))
    }

    @Test func unknownCommandWithoutNeighbour() {
        #expect(error("xyzzy")?.hint == "type help to list the commands")
    }

    @Test func subcommandIsMatched() throws {
        #expect(try bind("show data").spec.title == "show data")
        #expect(try bind("show config").spec.title == "show config")
    }

    @Test func missingSubcommand() {
        #expect(error("show")?.message == "show needs one of: data, looks, config, trial, confusion")
    }

    @Test func misspeltSubcommand() {
        #expect(error("show dta") == InputError("show has no 'dta'", at: SourceSpan(line: 1, column: 6, length: 3),
                                                hint: "did you mean show data?"))
    }

    @Test func unknownOptionSuggestsTheClosestKey() {
        #expect(error("optimizer adam weight_decy=0.1") == InputError(
            "optimizer has no option 'weight_decy'", at: SourceSpan(line: 1, column: 16, length: 11),
            hint: "did you mean weight_decay?"))
    }

    @Test func setAcceptsEveryConfigurationKey() throws {
        let c = try bind("set lr=0.01 hidden=[32,16] activation=tanh epochs=5")
        #expect(c.parameterOptions.map(\.key) == ["lr", "hidden", "activation", "epochs"])
        #expect(c.parameterOptions[1].value == .integers([32, 16]))
    }

    @Test func outOfRangeNamesTheRange() {
        #expect(error("set lr=20") == InputError("lr=20 is out of range",
                                                 at: SourceSpan(line: 1, column: 8, length: 2),
                                                 hint: "lr takes a number in (0, 10]"))
    }

    @Test func wrongKindNamesTheKind() {
        #expect(error("set epochs=2.5")?.message == "epochs cannot be 2.5")
        #expect(error("set epochs=2.5")?.hint == "epochs takes a whole number from 1 to 100000")
        #expect(error("set lr=fast")?.message == "lr cannot be fast")
    }

    @Test func unknownChoiceSuggests() {
        #expect(error("model mlp activation=rellu")?.hint == "did you mean relu?")
        #expect(error("optimizer adamm") == InputError(
            "optimizer has no choice 'adamm' (choices: sgd, momentum, nesterov, adam, adamw, rmsprop)",
            at: SourceSpan(line: 1, column: 11, length: 5), hint: "did you mean adam?"))
    }

    @Test func requiredOptionsAreRequired() {
        #expect(error("split train=0.5 dev=0.5")?.message == "split needs test=")
        #expect(error("sweep random lr=log(1e-4, 1)")?.message == "sweep random needs n=")
    }

    @Test func booleans() throws {
        #expect(try bind("split train=0.6 dev=0.2 test=0.2 stratify=on").boolean("stratify", default: false))
        #expect(error("split train=0.6 dev=0.2 test=0.2 stratify=maybe")?.hint == "write stratify=yes or stratify=no")
    }

    @Test func tooManyArguments() {
        #expect(error("datasets iris")?.message == "datasets takes no arguments")
    }

    @Test func missingArgumentShowsUsage() {
        #expect(error("load")?.hint?.hasPrefix("usage: load NAME|\"FILE.csv\"") == true)
    }

    @Test func unknownDatasetSuggests() {
        #expect(error("load irsi")?.hint == "did you mean iris?")
    }

    @Test func canonicalTextNormalizesSpacingAndNumbers() throws {
        #expect(try bind("set   lr=1E-3  hidden=[64,32]").canonicalText == "set lr=0.001 hidden=[64, 32]")
        #expect(try bind("show data").canonicalText == "show data")
    }
}
