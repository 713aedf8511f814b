import HyperLabKit

/// `help sweep`: one page for all the kinds of sweep and what they share; each kind's own
/// settings and its full table of keys are on `help sweep KIND`.
extension Shell {
    /// The page of a command whose kinds sweep (`sweep grid`, `sweep random`, ...): the kinds with
    /// their summaries, the shared details, the options every kind takes, and the sweepable keys
    /// by name, fitted to the console's width.
    func sweepFamilyPage(_ specs: [CommandSpec]) -> String {
        let width = console.traits.width
        let kinds = specs.compactMap(\.subcommand)
        let name = specs[0].name
        var out = Shell.hanging("\(name) \(kinds.joined(separator: "|")) [n=N] [OPTION=VALUE ...] KEY=DIST ...",
                                width: width) + "\n"

        out += "\nkinds\n"
        let kindWidth = kinds.map(\.count).max() ?? 0
        let indent = String(repeating: " ", count: kindWidth + 4)
        for spec in specs {
            let kind = spec.subcommand ?? ""
            let summary = spec.summary.wrapped(toWidth: max(width - indent.count, 20))
            out += "  " + kind + String(repeating: " ", count: kindWidth - kind.count + 2)
                + summary.joined(separator: "\n" + indent) + "\n"
        }
        out += "\n" + Shell.wrap(CommandCatalog.sweepDetails(nil), width: min(76, width), indent: "  ") + "\n"

        let shared = specs[0].options.filter { option in specs.allSatisfy { $0.options.contains { $0.key == option.key } } }
        let rows = shared.map { option in
            [option.key, option.kind.expectation, agreed(\.defaultText, of: option.key, in: specs), agreed(\.summary, of: option.key, in: specs)]
        }
        out += "\noptions of every kind\n" + optionTable(rows)

        let keys = ParameterCatalog.names.filter { key in !shared.contains { $0.key == key } }
        out += "\nkeys\n" + Shell.wrap("Any configuration key, fixed for every trial (epochs=20) or swept with a list or a "
                                       + "distribution: " + keys.joined(separator: ", ") + ".",
                                       width: min(76, width), indent: "  ") + "\n"
        out += "\n" + Shell.wrap("Type help \(name) KIND for a kind's own settings, each key's range and default, "
                                 + "and an example.", width: min(76, width), indent: "  ") + "\n"
        let example = specs.first { $0.subcommand == "random" }?.example ?? specs[0].example
        out += "\nexample\n  \(example)\n"
        return out
    }

    /// A text of option `key` (its default, its summary) as the kinds declare it: one text when they
    /// agree, else the most common one and the others by kind ("required (grid: every point)").
    private func agreed(_ text: KeyPath<OptionSpec, String>, of key: String, in specs: [CommandSpec]) -> String {
        let byKind = specs.compactMap { spec in spec.options.first { $0.key == key }.map { (spec.subcommand ?? "", $0[keyPath: text]) } }
        let texts = byKind.map(\.1)
        let common = texts.max { a, b in texts.filter { $0 == a }.count < texts.filter { $0 == b }.count } ?? ""
        let others = byKind.filter { $0.1 != common }.map { "\($0.0): \($0.1)" }
        return others.isEmpty ? common : common + " (" + others.joined(separator: "; ") + ")"
    }
}
