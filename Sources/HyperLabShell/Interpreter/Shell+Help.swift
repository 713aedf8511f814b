import HyperLabKit

/// `help` and `help COMMAND`, written from the command catalogue.
extension Shell {
    /// The overview, or one command's syntax, options with defaults, and an example.
    func help(_ command: BoundCommand) throws(InputError) -> CommandOutput {
        let width = console.traits.width
        guard let topic = command.argumentString(0) else {
            return CommandOutput([.text(Shell.overview(width: width), plain: nil)])
        }
        if topic == "tutorials" {
            return listTutorials()
        }
        var specs = CommandCatalog.specs(named: topic)
        if let second = command.argumentString(1) {
            specs = specs.filter { $0.subcommand == second }
            guard !specs.isEmpty else {
                let subcommands = CommandCatalog.specs(named: topic).compactMap(\.subcommand)
                throw InputError("no command '\(topic.excerpt) \(second.excerpt)'", at: command.span(ofArgument: 1),
                                 hint: subcommands.isEmpty ? "help \(topic)" : "\(topic) takes: " + subcommands.joined(separator: ", "))
            }
        }
        guard !specs.isEmpty else {
            let suggestion = ClosestMatch.suggestion(for: topic, among: CommandCatalog.names)
            throw InputError("no command '\(topic.excerpt)'", at: command.span(ofArgument: 0),
                             hint: suggestion.map { "did you mean help \($0)?" } ?? "type help to list the commands")
        }
        if command.argumentString(1) == nil, specs.count > 1, specs.allSatisfy(\.sweepsParameters) {
            return CommandOutput([.text(sweepFamilyPage(specs), plain: nil)])   // help sweep: the kinds, and what they share
        }
        return CommandOutput([.text(specs.map(details).joined(separator: "\n"), plain: nil)])
    }

    /// The list of commands by group, each summary wrapped to fit `width` columns (80: the README's).
    static func overview(width: Int = 80) -> String {
        var out = wrap("HyperLab \(HyperLabVersion.current): choose the hyperparameters of neural networks.", width: width, indent: "")
        out += "\n" + wrap("Type help COMMAND for its options and an example.", width: width, indent: "") + "\n"
        let titleWidth = CommandCatalog.all.map(\.title.count).max() ?? 10
        let indent = String(repeating: " ", count: titleWidth + 4)
        for group in CommandGroup.allCases {
            let specs = CommandCatalog.all.filter { $0.group == group && $0.name != "exit" }
            guard !specs.isEmpty else { continue }
            out += "\n\(group.rawValue)\n"
            for spec in specs {
                let title = spec.name == "quit" ? "quit, exit" : spec.title
                let summary = spec.summary.wrapped(toWidth: max(width - indent.count, 20))
                out += "  " + title + String(repeating: " ", count: max(titleWidth - title.count, 0) + 2)
                    + summary.joined(separator: "\n" + indent) + "\n"
            }
        }
        return out
    }

    /// One command's help page, fitted to the console's width.
    func details(_ spec: CommandSpec) -> String {
        let width = console.traits.width
        var out = Shell.hanging(spec.synopsis, width: width) + "\n\n" + Shell.wrap(spec.summary, width: width, indent: "  ") + "\n"
        if !spec.details.isEmpty {
            out += "\n" + Shell.wrap(spec.details, width: min(76, width), indent: "  ") + "\n"
        }
        var rows = spec.options.map { [$0.key, $0.kind.expectation, $0.defaultText, $0.summary] }
        if spec.acceptsAnyParameter {
            // A key the command declares itself (a sweep's seed, the sampler's) is listed once, as declared.
            rows += ParameterCatalog.all.filter { key in !spec.options.contains { $0.key == key.name } }
                .map { [$0.name, $0.kind.expectation, $0.defaultValue.description, $0.summary] }
        }
        if !rows.isEmpty {
            out += "\noptions\n" + optionTable(rows)
        }
        out += "\nexample\n  \(spec.example)\n"
        return out
    }

    /// Rows of key, takes, default and meaning as a table indented by two spaces that fits the
    /// console: the text columns wrap instead of being cut.
    func optionTable(_ rows: [[String]]) -> String {
        var traits = console.traits
        traits.width -= 2
        let columns = [TextTable.Column("key", alignment: .left, weight: 100)]   // keys are cut last
            + [TextTable.Column("takes", alignment: .wrapped, weight: 2), TextTable.Column("default", alignment: .wrapped),
               TextTable.Column("meaning", alignment: .wrapped, weight: 3)]
        return TextTable(columns: columns, rows: rows).render(traits: traits)
            .map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    /// Wraps text at word boundaries to `width` columns, each line after `indent`.
    static func wrap(_ text: String, width: Int, indent: String) -> String {
        text.wrapped(toWidth: max(width - indent.count, 20)).map { indent + $0 }.joined(separator: "\n")
    }

    /// Wraps a synopsis to `width` columns; lines after the first are indented by four spaces,
    /// so they read as its continuation.
    static func hanging(_ text: String, width: Int) -> String {
        let first = text.wrapped(toWidth: max(width, 20))
        guard first.count > 1 else { return text }
        let rest = first.dropFirst().joined(separator: " ").wrapped(toWidth: max(width - 4, 20))
        return ([first[0]] + rest.map { "    " + $0 }).joined(separator: "\n")
    }
}
